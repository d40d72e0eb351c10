package io.lumbar.search;

import static io.lumbar.indexing.IndexFixture.passage;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.indexing.TagRef;
import io.lumbar.search.NearestPassages.Neighbour;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalNeighboursTest {
  static final Vocabulary VOCABULARY = Vocabulary.bundled();
  static final TagRef STENOSIS = new TagRef(TagRef.CAUSE, "spinal-stenosis", "Spinal stenosis");
  static final TagRef STRETCHING = new TagRef(TagRef.TREATMENT, "stretching", "Stretching");

  static final String TEXT =
      "Narrowing of the spinal canal squeezes the nerves and hurts when standing.";

  private static List<Neighbour> nearest(PassageIndex index, long id, String text, int k) {
    return new LexicalNeighbours(index, () -> VOCABULARY).nearestTagged(id, null, text, k);
  }

  @Test
  void the_most_alike_tagged_passages_come_first_never_the_passage_itself_nor_an_untagged_one()
      throws Exception {
    try (PassageIndex index =
        IndexFixture.of(
            VOCABULARY.analysis().indexAnalyzer(),
            List.of(
                passage(1, TEXT),
                passage(
                    2,
                    "Narrowing of the spinal canal squeezes the nerves.",
                    List.of(STENOSIS),
                    List.of()),
                passage(
                    3,
                    "The nerves can hurt when standing for long.",
                    List.of(),
                    List.of(STRETCHING)),
                passage(
                    4,
                    "Narrowing of the spinal canal squeezes the nerves and hurts when standing, untagged."),
                passage(5, "Kidney stones are small and hard.", List.of(STENOSIS), List.of())))) {

      List<Neighbour> found = nearest(index, 1, TEXT, 5);

      assertThat(found).extracting(Neighbour::id).containsExactly(2L, 3L);
      assertThat(found.get(0).tags()).containsExactly("spinal-stenosis");
      assertThat(found.get(0).similarity()).isGreaterThan(found.get(1).similarity()).isLessThan(1);
      assertThat(found.get(1).similarity()).isGreaterThan(0);
    }
  }

  @Test
  void a_passage_search_does_not_hold_is_compared_by_its_text_and_a_copy_of_it_is_fully_similar()
      throws Exception {
    try (PassageIndex index =
        IndexFixture.of(
            VOCABULARY.analysis().indexAnalyzer(),
            List.of(
                passage(2, TEXT, List.of(STENOSIS), List.of()),
                passage(3, "Kidney stones are small and hard.", List.of(STENOSIS), List.of())))) {

      List<Neighbour> found = nearest(index, 99, TEXT, 5);

      assertThat(found).extracting(Neighbour::id).containsExactly(2L);
      assertThat(found.get(0).similarity())
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }
  }
}
