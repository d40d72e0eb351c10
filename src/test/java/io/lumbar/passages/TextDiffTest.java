package io.lumbar.passages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.passages.TextDiff.Kind;
import io.lumbar.passages.TextDiff.Segment;
import org.junit.jupiter.api.Test;

class TextDiffTest {
  @Test
  void marks_words_added_and_removed_and_keeps_the_rest() {
    assertThat(TextDiff.words("Ice helps a strained back.", "Ice or heat helps a sore back."))
        .containsExactly(
            new Segment(Kind.SAME, "Ice "),
            new Segment(Kind.ADDED, "or heat "),
            new Segment(Kind.SAME, "helps a "),
            new Segment(Kind.REMOVED, "strained"),
            new Segment(Kind.ADDED, "sore"),
            new Segment(Kind.SAME, " back."));
  }

  @Test
  void identical_texts_are_one_unchanged_segment() {
    assertThat(TextDiff.words("Same text.", "Same text."))
        .containsExactly(new Segment(Kind.SAME, "Same text."));
    assertThat(TextDiff.words("", "")).isEmpty();
  }
}
