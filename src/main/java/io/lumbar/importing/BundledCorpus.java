package io.lumbar.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sample articles shipped in the jar ({@code src/main/resources/articles}), with their titles
 * and publishers, and the source URL and publication date (YYYY-MM-DD) where the manifest gives
 * them.
 */
public final class BundledCorpus {
  private static final String MANIFEST = "/articles/corpus.json";

  record Entry(String file, String title, String publisher, String url, String published) {}

  private BundledCorpus() {}

  public static List<ArticleSource> articles(ObjectMapper json) {
    try (InputStream in = resource(MANIFEST)) {
      List<Entry> entries = json.readValue(in, new TypeReference<List<Entry>>() {});
      return entries.stream().map(BundledCorpus::load).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArticleSource load(Entry entry) {
    try (InputStream in = resource("/articles/" + entry.file())) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ArticleSource.of(entry.file(), text)
          .withMetadata(entry.title(), entry.publisher())
          .withProvenance(entry.url(), ArticleSource.parseDate(entry.published()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = BundledCorpus.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("The bundled corpus is missing " + path);
    }
    return in;
  }
}
