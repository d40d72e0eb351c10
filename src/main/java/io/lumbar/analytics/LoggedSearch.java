package io.lumbar.analytics;

/**
 * A search waiting to be written to {@code search_log}; the query is already normalised, {@code
 * filters} is what it was narrowed by ("" for none).
 */
record LoggedSearch(String query, String filters, int hits, int latencyMicros) {
  /** The width of {@code search_log.filters}. */
  static final int MAX_FILTERS_LENGTH = 300;
}
