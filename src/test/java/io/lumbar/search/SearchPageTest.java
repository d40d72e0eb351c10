package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.search.SearchResponse.Facets;
import io.lumbar.search.SearchResponse.TotalRelation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the search page says about the number of matches. */
class SearchPageTest {
  private static SearchPage page(long total, TotalRelation relation) {
    SearchRequest request = SearchRequest.firstPage("back pain", 10);
    return new SearchPage(
        "back pain",
        request,
        new SearchResponse("back pain", total, relation, 3, List.of(), Facets.NONE, null),
        null);
  }

  @Test
  void an_exact_count_is_said_as_it_is() {
    assertThat(page(1, TotalRelation.EXACT).matchCount()).isEqualTo("1 passage found");
    assertThat(page(3, TotalRelation.EXACT).matchCount()).isEqualTo("3 passages found");
    assertThat(page(1234, TotalRelation.EXACT).matchCount()).isEqualTo("1,234 passages found");
  }

  @Test
  void a_lower_bound_is_said_as_at_least_and_offers_the_next_page() {
    SearchPage page = page(1000, TotalRelation.LOWER_BOUND);

    assertThat(page.matchCount()).isEqualTo("1,000+ passages found");
    assertThat(page.nextPageUrl()).isEqualTo("/?q=back+pain&offset=10");
  }

  @Test
  void a_middle_page_says_which_results_it_shows_and_links_both_ways_with_the_filters() {
    SearchRequest request =
        new SearchRequest("back pain", 10, 10, List.of("sciatica"), List.of(), List.of());
    List<SearchResponse.Hit> hits =
        java.util.Collections.nCopies(
            10,
            new SearchResponse.Hit(
                1, 1, "A", null, null, null, null, List.of(), 0, "text", "text", 1f, List.of(),
                List.of(), null));
    SearchPage page =
        new SearchPage(
            "back pain",
            request,
            new SearchResponse("back pain", 57, TotalRelation.EXACT, 3, hits, Facets.NONE, null),
            null);

    assertThat(page.showing()).isEqualTo("Showing 11–20 of 57");
    assertThat(page.previousPageUrl()).isEqualTo("/?q=back+pain&cause=sciatica");
    assertThat(page.nextPageUrl()).isEqualTo("/?q=back+pain&cause=sciatica&offset=20");
    assertThat(page.passageUrl(hits.getFirst()))
        .isEqualTo("/passages/1?back=%2F%3Fq%3Dback%2Bpain%26cause%3Dsciatica%26offset%3D10");
  }
}
