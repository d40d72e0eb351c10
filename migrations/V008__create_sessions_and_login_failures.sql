-- Editors' login sessions, kept in the database so every node behind a load balancer knows them.
-- Only a SHA-256 of the session token is stored: a leaked table does not log anyone in.
CREATE TABLE sessions (
  token_hash   CHAR(64)     NOT NULL PRIMARY KEY,
  user_id      BIGINT       NOT NULL,
  csrf_token   CHAR(43)     NOT NULL COMMENT 'sent back in every state-changing form and request',
  created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  last_seen_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  expires_at   TIMESTAMP(3) NOT NULL,
  INDEX ix_sessions_user (user_id),
  INDEX ix_sessions_expires (expires_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed logins, for throttling guessing (per user name and per client address).
CREATE TABLE login_failures (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  username  VARCHAR(100) NOT NULL,
  client_ip VARCHAR(64)  NOT NULL,
  failed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  INDEX ix_login_failures_user (username, failed_at),
  INDEX ix_login_failures_ip (client_ip, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
