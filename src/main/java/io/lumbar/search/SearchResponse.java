package io.lumbar.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.TagRef;
import java.time.LocalDate;
import java.util.List;

/**
 * The public answer of {@code /api/search}; field names are part of the API contract. {@code total}
 * is exact when {@code totalRelation} is "eq" and a lower bound when it is "gte" (many matches, see
 * {@link SearchService#EXACT_TOTAL_UP_TO}). {@code facets} counts causes and treatments over the
 * best-ranked matches (not just this page); {@code didYouMean} is a corrected query that finds
 * passages, or null when no word needed correcting. {@code warningSigns} is null unless the query
 * describes warning signs; then it names them and holds the passages about seeing a doctor, shown
 * above the results (see {@link WarningSigns}).
 */
public record SearchResponse(
    String query,
    long total,
    TotalRelation totalRelation,
    long tookMs,
    List<Hit> results,
    Facets facets,
    String didYouMean,
    WarningSigns warningSigns) {

  SearchResponse(
      String query,
      long total,
      TotalRelation totalRelation,
      long tookMs,
      List<Hit> results,
      Facets facets,
      String didYouMean) {
    this(query, total, totalRelation, tookMs, results, facets, didYouMean, null);
  }

  /** This answer with the warning signs its query describes (null: none). */
  SearchResponse withWarningSigns(WarningSigns signs) {
    return signs == null
        ? this
        : new SearchResponse(
            query, total, totalRelation, tookMs, results, facets, didYouMean, signs);
  }

  /**
   * The warning signs a query describes ({@code signs}: the tags marked as warning signs it named,
   * each with the name or alias that named it) and the passages about seeing a doctor, best first
   * (possibly none).
   */
  public record WarningSigns(List<WarningSign> signs, List<Hit> passages) {}

  /**
   * A tag marked as a warning sign: its kind, slug and name, and {@code words}, the name or alias
   * the query used.
   */
  public record WarningSign(String kind, String slug, String name, String words) {}

  static SearchResponse empty(String query, long tookMs) {
    return new SearchResponse(query, 0, TotalRelation.EXACT, tookMs, List.of(), Facets.NONE, null);
  }

  /** How {@code total} relates to the number of matches: equal to it, or a lower bound. */
  public enum TotalRelation {
    EXACT("eq"),
    LOWER_BOUND("gte");

    private final String json;

    TotalRelation(String json) {
      this.json = json;
    }

    @JsonValue
    public String json() {
      return json;
    }
  }

  /**
   * One matching passage. {@code snippet} is HTML-escaped with {@code <mark>} around matched words.
   * {@code headingPath} is the section headings above the passage, outermost first, ending with
   * {@code heading} when it has one; {@code articleUrl}, {@code articlePublisher} and {@code
   * articlePublished} (YYYY-MM-DD) say where the article was published, each null when not known.
   */
  public record Hit(
      long id,
      long articleId,
      String articleTitle,
      String articleUrl,
      String articlePublisher,
      LocalDate articlePublished,
      String heading,
      List<String> headingPath,
      int position,
      String text,
      String snippet,
      float score,
      List<TagRef> causes,
      List<TagRef> treatments,
      @JsonInclude(JsonInclude.Include.NON_NULL) Explain explain) {

    /** {@code p} as a hit with this snippet and score, unexplained. */
    static Hit of(IndexedPassage p, String snippet, float score) {
      return of(p, snippet, score, null);
    }

    /**
     * {@code p} as a hit with this snippet, score and explanation (null unless {@code ?debug=1}).
     */
    static Hit of(IndexedPassage p, String snippet, float score, Explain explain) {
      return new Hit(
          p.id(),
          p.articleId(),
          p.articleTitle(),
          p.source().url(),
          p.source().publisher(),
          p.source().published(),
          p.heading(),
          p.headingPath(),
          p.position(),
          p.text(),
          snippet,
          score,
          p.causes(),
          p.treatments(),
          explain);
    }

    /**
     * How a hit was found ({@code ?debug=1}): {@code side} lexical, meaning or both; the lexical
     * score and the cosine similarity (null when that side did not find it); {@code score} the
     * fused score it was ranked by.
     */
    public record Explain(String side, Float lexical, Float similarity, float score) {}
  }

  /** Tag counts among the {@code sample} best-ranked matches, most frequent first. */
  public record Facets(List<FacetCount> causes, List<FacetCount> treatments, int sample) {
    static final Facets NONE = new Facets(List.of(), List.of(), 0);
  }

  public record FacetCount(String slug, String name, int count) {}
}
