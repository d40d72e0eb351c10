package io.lumbar.indexing;

import java.util.List;

/** What the index holds of one published passage: enough to answer a search without the database. */
public record IndexedPassage(
    long id,
    long articleId,
    String articleTitle,
    String heading,
    String text,
    int position,
    List<TagRef> causes,
    List<TagRef> treatments) {

  /** A tag as shown with a passage. */
  public record TagRef(String slug, String name) {}
}
