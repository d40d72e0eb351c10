package io.lumbar.indexing;

import java.util.List;

/**
 * What the index holds of one published passage: enough to answer a search without the database. {@code vector}
 * is its current sentence embedding (semantic search), or null when it has none yet or semantic search is off.
 */
public record IndexedPassage(
    long id,
    long articleId,
    String articleTitle,
    String heading,
    String text,
    int position,
    List<TagRef> causes,
    List<TagRef> treatments,
    float[] vector) {

  /** A passage without a vector. */
  public IndexedPassage(long id, long articleId, String articleTitle, String heading, String text, int position,
      List<TagRef> causes, List<TagRef> treatments) {
    this(id, articleId, articleTitle, heading, text, position, causes, treatments, null);
  }

  /** This passage with {@code newVector}. */
  IndexedPassage withVector(float[] newVector) {
    return new IndexedPassage(id, articleId, articleTitle, heading, text, position, causes, treatments, newVector);
  }

  /** A tag as shown with a passage. */
  public record TagRef(String slug, String name) {}
}
