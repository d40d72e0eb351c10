-- Editors and admins, and the history of what they changed.
CREATE TABLE users (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(100) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  role          ENUM('editor','admin') NOT NULL,
  created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  disabled_at   TIMESTAMP(3) NULL,
  CONSTRAINT uq_users_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per saved version of a passage: the state after the change.
CREATE TABLE passage_revisions (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  passage_id    BIGINT       NOT NULL,
  version       INT          NOT NULL,
  heading       VARCHAR(500) NULL,
  text          TEXT         NOT NULL,
  status        ENUM('pending','published','rejected') NOT NULL,
  reject_reason VARCHAR(500) NULL,
  changed_by    VARCHAR(100) NOT NULL,
  changed_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT uq_revisions_version UNIQUE (passage_id, version),
  CONSTRAINT fk_revisions_passage FOREIGN KEY (passage_id) REFERENCES passages (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who did what, when, to which entity; detail is free-form JSON.
CREATE TABLE audit_log (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  actor       VARCHAR(100) NOT NULL,
  action      VARCHAR(100) NOT NULL,
  entity_type VARCHAR(50)  NOT NULL,
  entity_id   BIGINT       NULL,
  detail      JSON         NULL,
  at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  INDEX ix_audit_entity (entity_type, entity_id),
  INDEX ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
