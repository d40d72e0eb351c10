package io.lumbar.analytics;

/** A search waiting to be written to {@code search_log}; the query is already normalised. */
record LoggedSearch(String query, int hits, int latencyMicros) {}
