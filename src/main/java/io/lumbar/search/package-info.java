/**
 * Searching passages. How a query flows: {@code QueryParser} (phrases and words) → {@code
 * SymptomQuery} (the plan: one Lucene query with its boosts, corrections and highlight query) →
 * collect the best matches → {@code BestMatchBoosts} → (with semantic search) {@code HybridSearch}
 * and {@code HybridFusion} → {@code TagFacets} → {@code PageSnippets} → did-you-mean; see
 * docs/search.md. Also the analysis ({@code Analysis}), the live vocabulary of synonyms and
 * taxonomy ({@code LiveVocabulary}, {@code Vocabulary}, {@code SynonymRules}), suggestions ({@code
 * Suggester}), related passages ({@code RelatedPassages}), the JSON API and the search page ({@code
 * SearchRoutes}, {@code SearchPage}), the warm-up before the port opens ({@code SearchWarmup}).
 *
 * <p>Entry points: {@link io.lumbar.search.SearchService}, {@link io.lumbar.search.SearchRoutes};
 * {@code SymptomQuery} is public for embedding callers that run the plan's query on a searcher of
 * their own (bench/'s Lucene-alone lane), as {@code SearchService} runs it. May depend on {@code
 * indexing/}, {@code analytics/}, {@code accounts/} (admin synonym routes), {@code audit/}, {@code
 * telemetry/}, {@code web/}, {@code db/}. The meaning side is reached through {@code QueryVectors}
 * and {@code NearestPassages}, which {@code semantic/} implements, so search does not depend on it.
 */
package io.lumbar.search;
