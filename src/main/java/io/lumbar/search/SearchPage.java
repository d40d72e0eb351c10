package io.lumbar.search;

import io.lumbar.web.Page;
import io.lumbar.web.UnknownFilterException;
import java.util.ArrayList;
import java.util.List;

/**
 * The public search page: the box, the results or the reason there are none, facets to narrow down.
 */
public record SearchPage(
    String query,
    SearchRequest request,
    SearchResponse response,
    String error,
    String withoutUnknownUrl)
    implements Page {
  public SearchPage(String query, SearchRequest request, SearchResponse response, String error) {
    this(query, request, response, error, null);
  }

  static SearchPage blank() {
    return new SearchPage("", null, null, null);
  }

  static SearchPage failed(String query, String error) {
    return new SearchPage(query, null, null, error);
  }

  /** A filter named nothing: said in words, with the same search without it. */
  static SearchPage unknownFilter(SearchRequest request, UnknownFilterException e) {
    String named =
        e.unknown().stream()
            .map(v -> "“" + v + "”")
            .collect(java.util.stream.Collectors.joining(", "));
    String error =
        "There is no "
            + e.parameter()
            + " "
            + named
            + " to narrow the search to, so nothing was searched.";
    List<String> causes = without(request.causes(), "cause", e);
    List<String> treatments = without(request.treatments(), "treatment", e);
    List<String> articles = without(request.articles(), "article", e);
    return new SearchPage(
        request.query(),
        null,
        null,
        error,
        url(request.query(), causes, treatments, articles, 0, request.limit()));
  }

  private static List<String> without(
      List<String> values, String parameter, UnknownFilterException e) {
    return parameter.equals(e.parameter())
        ? values.stream().filter(v -> !e.unknown().contains(v)).toList()
        : values;
  }

  @Override
  public String template() {
    return "search/search.jte";
  }

  public boolean hasResults() {
    return response != null && !response.results().isEmpty();
  }

  /**
   * "3 passages found", or "1,000+ passages found" when there are more matches than were counted.
   */
  public String matchCount() {
    long total = response.total();
    String count = String.format(java.util.Locale.ROOT, "%,d", total);
    if (response.totalRelation() == SearchResponse.TotalRelation.LOWER_BOUND) {
      return count + "+ passages found";
    }
    return count + (total == 1 ? " passage found" : " passages found");
  }

  /** "Showing 11–20 of 57" ("of 1,000+" when the total is a lower bound). */
  public String showing() {
    int first = request.offset() + 1;
    int last = request.offset() + response.results().size();
    String total =
        String.format(java.util.Locale.ROOT, "%,d", response.total())
            + (response.totalRelation() == SearchResponse.TotalRelation.LOWER_BOUND ? "+" : "");
    return "Showing " + first + "–" + last + " of " + total;
  }

  /** Link to the previous page with the same filters and page size, or null on the first page. */
  public String previousPageUrl() {
    if (request == null || request.offset() == 0) {
      return null;
    }
    return url(
        query,
        request.causes(),
        request.treatments(),
        request.articles(),
        Math.max(0, request.offset() - request.limit()),
        request.limit());
  }

  /** Link to the next page with the same filters and page size, or null on the last page. */
  public String nextPageUrl() {
    int next = request.offset() + request.limit();
    if (response == null || next >= response.total() || next > SearchRequest.MAX_OFFSET) {
      return null;
    }
    return url(
        query, request.causes(), request.treatments(), request.articles(), next, request.limit());
  }

  /** The same search narrowed to one more cause or treatment. */
  public String narrowUrl(String kind, String slug) {
    List<String> causes = new ArrayList<>(request.causes());
    List<String> treatments = new ArrayList<>(request.treatments());
    (kind.equals("cause") ? causes : treatments).add(slug);
    return url(query, causes, treatments, request.articles(), 0, request.limit());
  }

  /** The same search without this filter. */
  public String widenUrl(String kind, String slug) {
    List<String> causes = new ArrayList<>(request.causes());
    List<String> treatments = new ArrayList<>(request.treatments());
    (kind.equals("cause") ? causes : treatments).remove(slug);
    return url(query, causes, treatments, request.articles(), 0, request.limit());
  }

  public boolean isFiltered(String kind, String slug) {
    return (kind.equals("cause") ? request.causes() : request.treatments()).contains(slug);
  }

  public List<String> activeFilters(String kind) {
    return request == null
        ? List.of()
        : kind.equals("cause") ? request.causes() : request.treatments();
  }

  /** The corrected query, with the same filters. */
  public String didYouMeanUrl() {
    return url(
        response.didYouMean(),
        request.causes(),
        request.treatments(),
        request.articles(),
        0,
        request.limit());
  }

  /**
   * The warning signs the query describes, with the passages about seeing a doctor; null when none.
   */
  public SearchResponse.WarningSigns warningSigns() {
    return response == null ? null : response.warningSigns();
  }

  /**
   * The words of the query that named warning signs, as the taxonomy spells them: "fever" or "fever
   * and weight loss".
   */
  public String warningSignWords() {
    List<String> words =
        warningSigns().signs().stream().map(SearchResponse.WarningSign::words).distinct().toList();
    return words.size() == 1
        ? words.get(0)
        : String.join(", ", words.subList(0, words.size() - 1))
            + " and "
            + words.get(words.size() - 1);
  }

  /** Rank of the first result shown, counting from 1. */
  public int firstRank() {
    return request.offset() + 1;
  }

  /** This results page, for the way back from a passage's page. */
  public String currentUrl() {
    return url(
        query,
        request.causes(),
        request.treatments(),
        request.articles(),
        request.offset(),
        request.limit());
  }

  /** The hit's own page, with the way back to these results. */
  public String passageUrl(SearchResponse.Hit hit) {
    return SearchLinks.passage(hit.id(), currentUrl());
  }

  private static String url(
      String q,
      List<String> causes,
      List<String> treatments,
      List<String> articles,
      int offset,
      int limit) {
    return SearchLinks.search(q, causes, treatments, articles, offset, limit);
  }
}
