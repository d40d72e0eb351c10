package io.lumbar.analytics;

import java.time.Instant;

/**
 * A query that found nothing, with how often that happened in the window; part of the API contract.
 */
public record ZeroResultSearch(String query, long count, Instant lastSearchedAt) {}
