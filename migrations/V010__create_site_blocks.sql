-- A site's template (header, menus, newsletter box, footer) is recognised by repetition: a block that recurs in
-- another article of the same site is template, not article content. site is the host of the article's URL
-- without "www.", else its publisher, lower-cased (see importing/SiteTemplate.site).

-- Where each block of an article was seen: one row per stored passage, keyed by the whole block's fingerprint
-- (TextNormalizer.fingerprint of the text as imported, the same value as passages.fingerprint).
CREATE TABLE site_blocks (
  site         VARCHAR(255) NOT NULL,
  fingerprint  CHAR(64)     NOT NULL,
  passage_id   BIGINT       NOT NULL,
  article_id   BIGINT       NOT NULL,
  PRIMARY KEY (site, fingerprint, passage_id),
  CONSTRAINT fk_site_blocks_passage FOREIGN KEY (passage_id) REFERENCES passages (id) ON DELETE CASCADE,
  CONSTRAINT fk_site_blocks_article FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What editors taught: a block they published after it was rejected as template is not template for the site
-- (template = FALSE); a block they rejected is template for the site even if it was seen once (template = TRUE).
-- An editor's verdict overrides repetition in later imports.
CREATE TABLE site_template (
  site         VARCHAR(255) NOT NULL,
  fingerprint  CHAR(64)     NOT NULL,
  template     BOOLEAN      NOT NULL,
  passage_id   BIGINT       NULL COMMENT 'the passage whose edit decided',
  decided_by   VARCHAR(100) NOT NULL,
  decided_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (site, fingerprint),
  CONSTRAINT fk_site_template_passage FOREIGN KEY (passage_id) REFERENCES passages (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
