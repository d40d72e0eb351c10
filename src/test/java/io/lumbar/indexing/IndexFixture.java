package io.lumbar.indexing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/** In-memory indexes over hand-written passages, for search tests with exact expectations. */
public final class IndexFixture {
  private IndexFixture() {}

  public static PassageIndex of(Analyzer analyzer, List<IndexedPassage> passages) {
    PassageIndex index = PassageIndex.inMemory(analyzer);
    try {
      for (IndexedPassage p : passages) {
        index.replace(p);
      }
      index.refresh();
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A passage with no headings above its own, an article of unknown provenance and no vector, as
   * fixtures write them.
   */
  public static IndexedPassage passage(
      long id,
      long articleId,
      String articleTitle,
      String heading,
      String text,
      int position,
      List<TagRef> causes,
      List<TagRef> treatments) {
    return new IndexedPassage(
        id,
        articleId,
        articleTitle,
        heading,
        text,
        position,
        causes,
        treatments,
        List.of(),
        IndexedPassage.Provenance.UNKNOWN,
        null);
  }

  /** A passage of article 1 with no heading. */
  public static IndexedPassage passage(
      long id, String text, List<TagRef> causes, List<TagRef> treatments) {
    return passage(id, 1, "Fixture article", null, text, (int) id, causes, treatments);
  }

  public static IndexedPassage passage(long id, String text) {
    return passage(id, text, List.of(), List.of());
  }

  /** A passage of article 1 under a heading. */
  public static IndexedPassage headed(long id, String heading, String text) {
    return passage(id, 1, "Fixture article", heading, text, (int) id, List.of(), List.of());
  }
}
