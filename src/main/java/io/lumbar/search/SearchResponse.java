package io.lumbar.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.lumbar.indexing.IndexedPassage.TagRef;
import java.util.List;

/**
 * The public answer of {@code /api/search}; field names are part of the API contract. {@code total} is exact
 * when {@code totalRelation} is "eq" and a lower bound when it is "gte" (many matches, see
 * {@link SearchService#EXACT_TOTAL_UP_TO}). {@code facets} counts causes and treatments over the best-ranked
 * matches (not just this page); {@code didYouMean} is a corrected query that finds passages, or null when no
 * word needed correcting.
 */
public record SearchResponse(String query, long total, TotalRelation totalRelation, long tookMs, List<Hit> results,
    Facets facets, String didYouMean) {

  static SearchResponse empty(String query, long tookMs) {
    return new SearchResponse(query, 0, TotalRelation.EXACT, tookMs, List.of(), Facets.NONE, null);
  }

  /** How {@code total} relates to the number of matches: equal to it, or a lower bound. */
  public enum TotalRelation {
    EXACT("eq"), LOWER_BOUND("gte");

    private final String json;

    TotalRelation(String json) {
      this.json = json;
    }

    @JsonValue
    public String json() {
      return json;
    }
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
      List<TagRef> treatments,
      @JsonInclude(JsonInclude.Include.NON_NULL) Explain explain) {

    /**
     * How a hit was found ({@code ?debug=1}): {@code side} lexical, meaning or both; the lexical score and the
     * cosine similarity (null when that side did not find it); {@code score} the fused score it was ranked by.
     */
    public record Explain(String side, Float lexical, Float similarity, float score) {}
  }

  /** Tag counts among the {@code sample} best-ranked matches, most frequent first. */
  public record Facets(List<FacetCount> causes, List<FacetCount> treatments, int sample) {
    static final Facets NONE = new Facets(List.of(), List.of(), 0);
  }

  public record FacetCount(String slug, String name, int count) {}
}
