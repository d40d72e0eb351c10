-- One row per first-page search, for the admin console's top and zero-result searches. Only the normalised,
-- redacted query text is kept: no IP address, user, session or user agent.
CREATE TABLE search_log (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  query          VARCHAR(200) NOT NULL COMMENT 'normalised: lower case, accents folded, e-mails and long numbers redacted',
  hits           INT          NOT NULL COMMENT 'total matches of the search',
  latency_micros INT          NOT NULL COMMENT 'time spent in the search service',
  searched_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  -- Both reports read a window of days; these indexes hold every column they use, so they never read rows.
  -- Top searches: a range on searched_at. Zero-result searches: hits = 0 and a range on searched_at.
  INDEX ix_search_log_searched (searched_at, query, hits),
  INDEX ix_search_log_zero_hits (hits, searched_at, query)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
