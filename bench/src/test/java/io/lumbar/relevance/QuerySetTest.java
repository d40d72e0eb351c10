package io.lumbar.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.relevance.QuerySet.JudgedQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing the queries of one split: any split the file names, with a clear error otherwise. */
class QuerySetTest {
  private final QuerySet set =
      new QuerySet(
          null,
          List.of(
              new JudgedQuery("a", List.of("x"), "tune"),
              new JudgedQuery("b", List.of("y"), "test"),
              new JudgedQuery("c", List.of("z"), "fresh"),
              new JudgedQuery("d", List.of("w"), "fresh")));

  @Test
  void a_held_out_split_is_chosen_like_tune_and_test() {
    assertThat(set.only("fresh").queries()).extracting(JudgedQuery::q).containsExactly("c", "d");
    assertThat(set.only("tune").queries()).extracting(JudgedQuery::q).containsExactly("a");
    assertThat(set.only(null).queries()).hasSize(4);
  }

  @Test
  void an_unknown_split_names_the_splits_the_file_has() {
    assertThatThrownBy(() -> set.only("dev"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No queries with \"split\": \"dev\" (the file has: tune, test, fresh)");
  }
}
