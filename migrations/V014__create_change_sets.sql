-- Undo of tag changes: every bulk tag change, tag merge, tag retirement and tag removal from a passage is one
-- change set holding each row it touched exactly as it was before and as it became (JSON objects of the row's
-- columns; NULL before = the row was added, NULL after = the row was deleted). Undo puts the before rows
-- back and marks the set undone, so it cannot be undone twice. The change set belongs to the audit trail:
-- it stays after an undo, like the audit rows of the change and of its undo.
CREATE TABLE change_sets (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  action      VARCHAR(100)  NOT NULL COMMENT 'the audited action: tag.bulk-replace, tag.merge, tag.retire, passage.untag, ...',
  summary     VARCHAR(500)  NOT NULL COMMENT 'what changed, in words, e.g. "removed Rest from 12 passages"',
  made_by     VARCHAR(100)  NOT NULL,
  made_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  undone_by   VARCHAR(100)  NULL,
  undone_at   TIMESTAMP(3)  NULL,
  undo_skipped JSON         NULL COMMENT 'passage ids (and tag slugs) the undo left alone because they changed since',
  INDEX ix_change_sets_made (made_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE change_set_items (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  change_set_id   BIGINT       NOT NULL,
  entity          ENUM('passage_tag','tag','tag_link') NOT NULL,
  passage_id      BIGINT       NULL COMMENT 'for passage_tag: the passage, whose version is compared at undo',
  passage_version INT          NULL COMMENT 'the passage''s version when the change was made',
  before_row      JSON         NULL,
  after_row       JSON         NULL,
  INDEX ix_change_set_items_set (change_set_id, id),
  CONSTRAINT fk_change_set_items_set FOREIGN KEY (change_set_id) REFERENCES change_sets (id) ON DELETE CASCADE,
  CONSTRAINT ck_change_set_items_before CHECK (before_row IS NULL OR JSON_VALID(before_row)),
  CONSTRAINT ck_change_set_items_after CHECK (after_row IS NULL OR JSON_VALID(after_row))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
