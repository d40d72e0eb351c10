-- Sentence-embedding vectors of passages (semantic search). Data, not a cache: an index rebuild reads them and
-- never recomputes them. A vector is current while text_hash equals the hash of the passage's heading and text
-- (PassageVectors.EMBEDDED_TEXT_HASH); an edit makes it stale and the embedding worker computes a new one.
CREATE TABLE passage_vectors (
  passage_id  BIGINT       NOT NULL,
  model       VARCHAR(100) NOT NULL COMMENT 'the model that computed the vector; another model needs its own',
  text_hash   CHAR(64)     NOT NULL COMMENT 'SHA-256 of the embedded text: heading, a line break, text',
  dims        SMALLINT     NOT NULL,
  vector      BLOB         NOT NULL COMMENT 'dims float32 values, little-endian, unit length',
  computed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (passage_id, model),
  CONSTRAINT fk_passage_vectors_passage FOREIGN KEY (passage_id) REFERENCES passages (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
