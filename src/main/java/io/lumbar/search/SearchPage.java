package io.lumbar.search;

import io.lumbar.web.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The public search page: the box, and the results or the reason there are none. */
public record SearchPage(String query, SearchResponse response, String error, int offset, int limit) implements Page {
  static SearchPage blank() {
    return new SearchPage("", null, null, 0, SearchRequest.DEFAULT_LIMIT);
  }

  @Override
  public String template() {
    return "search/search.jte";
  }

  public boolean hasResults() {
    return response != null && !response.results().isEmpty();
  }

  /** Link to the next page of results, or null on the last page. */
  public String nextPageUrl() {
    if (response == null || offset + limit >= response.total() || offset + limit > SearchRequest.MAX_OFFSET) {
      return null;
    }
    return "/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&offset=" + (offset + limit);
  }

  /** Rank of the first result shown, counting from 1. */
  public int firstRank() {
    return offset + 1;
  }
}
