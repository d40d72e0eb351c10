-- The taxonomy: causes and treatments, and which passages discuss them.
CREATE TABLE tags (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind        ENUM('cause','treatment') NOT NULL,
  name        VARCHAR(200)  NOT NULL,
  slug        VARCHAR(200)  NOT NULL,
  description TEXT          NULL,
  aliases     JSON          NOT NULL DEFAULT (JSON_ARRAY()) COMMENT 'lay words people use for this tag',
  parent_id   BIGINT        NULL,
  retired_at  TIMESTAMP(3)  NULL,
  created_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT uq_tags_slug UNIQUE (slug),
  CONSTRAINT fk_tags_parent FOREIGN KEY (parent_id) REFERENCES tags (id),
  CONSTRAINT ck_tags_aliases CHECK (JSON_VALID(aliases))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE passage_tags (
  passage_id  BIGINT        NOT NULL,
  tag_id      BIGINT        NOT NULL,
  tagged_by   VARCHAR(100)  NOT NULL,
  tagged_at   TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (passage_id, tag_id),
  INDEX ix_passage_tags_tag (tag_id, passage_id),
  CONSTRAINT fk_passage_tags_passage FOREIGN KEY (passage_id) REFERENCES passages (id) ON DELETE CASCADE,
  CONSTRAINT fk_passage_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
