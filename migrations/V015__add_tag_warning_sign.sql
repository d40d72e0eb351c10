-- A tag editors mark as a warning sign: a query naming it (by name, alias or an editor's synonym) shows the
-- passages about seeing a doctor in a callout above the results, on the search page and in /api/search.
ALTER TABLE tags
  ADD COLUMN warning_sign BOOLEAN NOT NULL DEFAULT FALSE
    COMMENT 'a query naming this tag describes warning signs: the advice to see a doctor comes first';
