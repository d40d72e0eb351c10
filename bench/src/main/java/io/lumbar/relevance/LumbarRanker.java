package io.lumbar.relevance;

import io.lumbar.search.SearchRequest;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.search.SearchService;
import java.util.List;

/** Lumbar's own search, called in process exactly as {@code /api/search} calls it. */
final class LumbarRanker implements Ranker {
  private final String name;
  private final SearchService search;

  LumbarRanker(String name, SearchService search) {
    this.name = name;
    this.search = search;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> top(String query, int k) {
    return search.search(SearchRequest.firstPage(query, k)).results().stream()
        .map(Hit::text)
        .toList();
  }
}
