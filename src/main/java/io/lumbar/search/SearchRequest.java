package io.lumbar.search;

import java.util.List;

/** A validated search: free text, paging, and optional tag and article filters (all must hold). */
record SearchRequest(String query, int limit, int offset, List<String> causes, List<String> treatments, List<String> articles) {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 10_000;
  static final int MAX_QUERY_LENGTH = 1_000;
}
