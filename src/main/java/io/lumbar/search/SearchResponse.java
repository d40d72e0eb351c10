package io.lumbar.search;

import io.lumbar.indexing.IndexedPassage.TagRef;
import java.util.List;

/** The public answer of {@code /api/search}; field names are part of the API contract. */
public record SearchResponse(String query, long total, long tookMs, List<Hit> results) {

  /** One matching passage. {@code snippet} is HTML-escaped with {@code <mark>} around matched words. */
  public record Hit(
      long id,
      long articleId,
      String articleTitle,
      String heading,
      int position,
      String text,
      String snippet,
      float score,
      List<TagRef> causes,
      List<TagRef> treatments) {}
}
