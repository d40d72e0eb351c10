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
    return new SearchPage("back pain", request, new SearchResponse("back pain", total, relation, 3, List.of(), Facets.NONE, null), null);
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
}
