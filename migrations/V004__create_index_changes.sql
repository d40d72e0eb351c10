-- The index change log (outbox). Every write that can change what search shows appends the ids of the
-- passages it touched, in the same transaction. Index followers replay it in id order and store the last
-- id they applied in the Lucene commit, so an index can always be brought up to date from the database.
CREATE TABLE index_changes (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  passage_id BIGINT       NOT NULL,
  changed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  INDEX ix_index_changes_passage (passage_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
