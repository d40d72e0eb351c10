package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The cheaper passage scorer gives every fragment the score Lucene's own gives it. */
class PageScorerTest {
  @Test
  void every_passage_scores_exactly_as_with_lucenes_scorer() {
    PassageScorer lucene = new PassageScorer();
    PageScorer page = new PageScorer();
    Random random = new Random(7);
    String[] words = {"sciatica", "nerve", "pain", "leg", "disc", "night"};
    for (int round = 0; round < 10_000; round++) {
      Passage passage = new Passage();
      int start = random.nextInt(500);
      passage.setStartOffset(start);
      passage.setEndOffset(start + 400);
      int offset = start;
      int matches = random.nextInt(12);
      for (int i = 0; i < matches; i++) {
        offset += 1 + random.nextInt(16);
        String word = words[random.nextInt(words.length)];
        // A term's frequency in the document is the same at each of its matches, as the
        // highlighter passes it.
        int freqInDoc = 1 + Math.floorMod(word.hashCode(), 5);
        passage.addMatch(offset, offset + word.length(), new BytesRef(word), freqInDoc);
      }
      int contentLength = passage.getEndOffset() + random.nextInt(1_000);
      assertThat(page.score(passage, contentLength))
          .as("round %d", round)
          .isEqualTo(lucene.score(passage, contentLength));
    }
  }
}
