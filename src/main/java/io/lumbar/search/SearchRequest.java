package io.lumbar.search;

import java.util.List;

/** A validated search: free text, paging, and optional tag and article filters (all must hold). */
public record SearchRequest(
    String query,
    int limit,
    int offset,
    List<String> causes,
    List<String> treatments,
    List<String> articles) {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 10_000;
  static final int MAX_QUERY_LENGTH = 1_000;

  /** The first {@code limit} results for {@code query}, unfiltered. */
  public static SearchRequest firstPage(String query, int limit) {
    return new SearchRequest(query, limit, 0, List.of(), List.of(), List.of());
  }
}
