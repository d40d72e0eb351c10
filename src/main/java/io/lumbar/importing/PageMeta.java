package io.lumbar.importing;

/** What a page states about itself; each field is null when the page does not say. */
public record PageMeta(String url, String publisher, String published) {
  static final PageMeta NONE = new PageMeta(null, null, null);
}
