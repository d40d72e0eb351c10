-- The filters a search was narrowed by ("cause=sciatica&article=3", each kind sorted), empty for a plain search.
-- A filtered search that finds nothing says nothing about its words: the zero-result report reads plain searches
-- only, so its index now leads with hits and filters and still holds every column the report uses.
ALTER TABLE search_log
  ADD COLUMN filters VARCHAR(300) NOT NULL DEFAULT '' COMMENT 'cause=…&treatment=…&article=…, empty when unfiltered' AFTER query,
  DROP INDEX ix_search_log_zero_hits,
  ADD INDEX ix_search_log_zero_hits (hits, filters, searched_at, query);
