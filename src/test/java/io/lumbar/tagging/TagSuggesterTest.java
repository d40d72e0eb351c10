package io.lumbar.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.search.NearestPassages.Neighbour;
import io.lumbar.search.Vocabulary.TagInfo;
import io.lumbar.search.Vocabulary.TagMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagSuggesterTest {
  static final TagInfo SCIATICA = new TagInfo("cause", "sciatica", "Sciatica");
  static final TagInfo STRETCHING = new TagInfo("treatment", "stretching", "Stretching");
  static final TagInfo SURGERY = new TagInfo("treatment", "surgery", "Surgery");
  static final List<TagInfo> TAXONOMY = List.of(SCIATICA, STRETCHING, SURGERY);

  @Test
  void neighbours_vote_with_their_similarity_and_a_name_in_the_text_adds_to_it() {
    List<Neighbour> neighbours =
        List.of(
            new Neighbour(11, 0.6, List.of("sciatica", "stretching")),
            new Neighbour(12, 0.3, List.of("stretching")),
            new Neighbour(13, 0.1, List.of("surgery", "a-retired-tag")));
    List<TagMention> mentions =
        List.of(
            new TagMention(SCIATICA, "sciatica", false), new TagMention(SURGERY, "surgery", true));

    assertThat(TagSuggester.score(neighbours, mentions, TAXONOMY))
        .containsExactly(
            new TagSuggestion(
                "sciatica",
                "cause",
                "Sciatica",
                1.1,
                "1 of the 3 most similar tagged passages has it; the text names 'sciatica'"),
            new TagSuggestion(
                "stretching",
                "treatment",
                "Stretching",
                0.9,
                "2 of the 3 most similar tagged passages have it"),
            new TagSuggestion(
                "surgery",
                "treatment",
                "Surgery",
                0.35,
                "1 of the 3 most similar tagged passages has it; the text says 'surgery' in other words"));
  }

  @Test
  void a_tag_only_the_text_names_is_suggested_without_neighbours() {
    assertThat(
            TagSuggester.score(
                List.of(), List.of(new TagMention(STRETCHING, "stretches", false)), TAXONOMY))
        .containsExactly(
            new TagSuggestion(
                "stretching", "treatment", "Stretching", 0.5, "the text names 'stretches'"));
  }

  @Test
  void equal_scores_are_ordered_by_name_and_unknown_tags_are_left_out() {
    List<Neighbour> neighbours =
        List.of(new Neighbour(11, 0.5, List.of("surgery", "stretching", "gone")));

    assertThat(TagSuggester.score(neighbours, List.of(), TAXONOMY))
        .extracting(TagSuggestion::slug)
        .containsExactly("stretching", "surgery");
  }

  @Test
  void nothing_similar_and_nothing_named_suggests_nothing() {
    assertThat(TagSuggester.score(List.of(), List.of(), TAXONOMY)).isEmpty();
  }
}
