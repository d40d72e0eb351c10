-- Taxonomy edits and editors' synonyms reach search without a restart: every node polls
-- COUNT(*) and MAX(updated_at) of these tables and reloads what changed.
ALTER TABLE tags
  ADD COLUMN updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);

-- Which treatments the corpus supports for a cause (curated); the passages tagged with both are the evidence.
CREATE TABLE tag_links (
  cause_id     BIGINT        NOT NULL,
  treatment_id BIGINT        NOT NULL,
  created_by   VARCHAR(100)  NOT NULL,
  created_at   TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (cause_id, treatment_id),
  INDEX ix_tag_links_treatment (treatment_id),
  CONSTRAINT fk_tag_links_cause FOREIGN KEY (cause_id) REFERENCES tags (id),
  CONSTRAINT fk_tag_links_treatment FOREIGN KEY (treatment_id) REFERENCES tags (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Search synonyms added by editors, one Solr-format rule per row ("slipped disc, herniated disc",
-- "pee => pee, urinate"), applied at query time on top of the curated list in index/synonyms.txt.
CREATE TABLE synonym_rules (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  rule       VARCHAR(1000) NOT NULL,
  created_by VARCHAR(100)  NOT NULL,
  created_at TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_by VARCHAR(100)  NOT NULL,
  updated_at TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  INDEX ix_synonym_rules_updated (updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
