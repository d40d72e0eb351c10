-- Where an article came from, as far as it is known: the page's address and the date its publisher gives
-- (publisher already exists). source_name stays the file name or label the text was imported from.
-- 2048 characters: longer than browsers and crawlers keep in practice, and still an ordinary VARCHAR.
ALTER TABLE articles
  ADD COLUMN source_url   VARCHAR(2048) NULL COMMENT 'absolute http(s) URL of the page the article was taken from' AFTER source_name,
  ADD COLUMN published_on DATE          NULL COMMENT 'publication date as the publisher states it' AFTER publisher;

-- The section headings above a passage's own heading, outermost first, as a JSON array of strings
-- (["Causes", "Muscles"] for a passage headed "Strains" in h2 "Causes" › h3 "Muscles"). The heading path is
-- section_path + heading. heading stays a column of its own because editors edit it (and its revisions keep it);
-- the ancestors come from the article's structure and are not edited, so revisions do not repeat them.
-- One JSON column rather than a table: the path is always read whole with its passage, never searched by
-- element, and a heading may contain any separator a flat string would need.
ALTER TABLE passages
  ADD COLUMN section_path JSON NOT NULL DEFAULT '[]' COMMENT 'headings above heading, outermost first' AFTER heading;
