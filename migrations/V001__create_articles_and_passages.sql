-- Source articles as imported, and the passages curated from them.
CREATE TABLE articles (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  title         VARCHAR(500)  NOT NULL,
  publisher     VARCHAR(200)  NULL,
  source_name   VARCHAR(500)  NOT NULL COMMENT 'file name or URL the article came from',
  original_text MEDIUMTEXT    NOT NULL,
  checksum      CHAR(64)      NOT NULL COMMENT 'SHA-256 of the normalised text; makes import idempotent',
  imported_at   TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  imported_by   VARCHAR(100)  NOT NULL,
  CONSTRAINT uq_articles_checksum UNIQUE (checksum)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE passages (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  article_id     BIGINT        NOT NULL,
  position       INT           NOT NULL COMMENT 'order within the article, from 0',
  heading        VARCHAR(500)  NULL,
  text           TEXT          NOT NULL COMMENT 'curated text, edited by editors',
  original_text  TEXT          NOT NULL COMMENT 'text as imported, never edited',
  fingerprint    CHAR(64)      NOT NULL COMMENT 'SHA-256 of the normalised text, for exact-duplicate detection',
  duplicate_of   BIGINT        NULL,
  status         ENUM('pending','published','rejected') NOT NULL,
  reject_reason  VARCHAR(500)  NULL,
  version        INT           NOT NULL DEFAULT 1 COMMENT 'optimistic locking: every update bumps it',
  created_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  created_by     VARCHAR(100)  NOT NULL,
  updated_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_by     VARCHAR(100)  NOT NULL,
  CONSTRAINT fk_passages_article FOREIGN KEY (article_id) REFERENCES articles (id),
  CONSTRAINT fk_passages_duplicate FOREIGN KEY (duplicate_of) REFERENCES passages (id) ON DELETE SET NULL,
  CONSTRAINT uq_passages_position UNIQUE (article_id, position),
  INDEX ix_passages_status (status, id),
  INDEX ix_passages_fingerprint (fingerprint),
  INDEX ix_passages_updated (updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
