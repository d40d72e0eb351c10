package io.lumbar.analytics;

import java.time.Instant;

/**
 * A query with how often it was searched in the window; field names are part of the API contract.
 */
public record TopSearch(String query, long count, double averageHits, Instant lastSearchedAt) {}
