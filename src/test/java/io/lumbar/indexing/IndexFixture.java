package io.lumbar.indexing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;

/**
 * Throw-away indexes for search tests with exact expectations: each in a temporary folder of its
 * own, opened as the product opens its index, and deleted when the test JVM exits.
 */
public final class IndexFixture {
  private IndexFixture() {}

  /** An empty index in a temporary folder. */
  public static PassageIndex empty(Analyzer analyzer) {
    try {
      Path dir = Files.createTempDirectory("lumbar-test-index");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return PassageIndex.open(dir, analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An index holding {@code passages}, refreshed for searching. */
  public static PassageIndex of(Analyzer analyzer, List<IndexedPassage> passages) {
    PassageIndex index = empty(analyzer);
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

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // the JVM is exiting: a folder left in the temporary directory is harmless
    }
  }
}
