-- API tokens for integrators (Authorization: Bearer ...), created and revoked by admins in the console.
-- Only a SHA-256 of the token is stored: the value is shown once, on creation, and a leaked table opens nothing.
CREATE TABLE api_tokens (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(100) NOT NULL COMMENT 'what the token is for, e.g. the integrator',
  token_hash   CHAR(64)     NOT NULL,
  created_by   VARCHAR(100) NOT NULL,
  created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  last_used_at TIMESTAMP(3) NULL,
  revoked_at   TIMESTAMP(3) NULL,
  revoked_by   VARCHAR(100) NULL,
  CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
