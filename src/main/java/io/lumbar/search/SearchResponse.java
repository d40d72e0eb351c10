package io.lumbar.search;

import io.lumbar.indexing.IndexedPassage.TagRef;
import java.util.List;

/**
 * The public answer of {@code /api/search}; field names are part of the API contract. {@code facets} counts
 * causes and treatments over all matches (not just this page); {@code didYouMean} is a corrected query that
 * finds passages, or null when no word needed correcting.
 */
public record SearchResponse(String query, long total, long tookMs, List<Hit> results, Facets facets, String didYouMean) {

  static SearchResponse empty(String query, long tookMs) {
    return new SearchResponse(query, 0, tookMs, List.of(), Facets.NONE, null);
  }

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

  /** Tag counts, most frequent first. */
  public record Facets(List<FacetCount> causes, List<FacetCount> treatments) {
    static final Facets NONE = new Facets(List.of(), List.of());
  }

  public record FacetCount(String slug, String name, int count) {}
}
