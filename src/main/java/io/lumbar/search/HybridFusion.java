package io.lumbar.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Merges the lexical ranking with the nearest passages by meaning. Each side's evidence is made
 * relative to how sure that side is, not to its rank:
 *
 * <ul>
 *   <li>lexical: the score over the best lexical score (1 for the top word match, whatever the
 *       query's score scale);
 *   <li>meaning: cosine similarity as a share of the way from a floor to the best similarity this
 *       query reached (0 at or below the floor: unrelated passages have some similarity too). The
 *       floor is the higher of a fixed one and {@code span} below the best, so only the
 *       neighbourhood of the best match counts.
 * </ul>
 *
 * fused = lexical + weight × meaning. The weight says how far the word matches can be trusted, read
 * from the two sides' agreement: when the best word matches are (nearly) as close in meaning as the
 * nearest passage, the words found what the query means: meaning only reorders word matches a
 * little ({@code low}) and passages found by meaning alone come after every word match; when the
 * nearest passage by meaning is clearly closer than any of the best word matches, the words missed,
 * and meaning may lift passages above them ({@code high}, for both). When the sides fully agree,
 * the best word match also stays first: it matched the query's words and means what the query
 * means, so a passage a little closer in meaning but a weaker word match (typically a more generic
 * one) must not displace it. Plain reciprocal rank fusion ignores both sides' confidence; it lost
 * to lexical alone on one outside set (issue 17).
 */
final class HybridFusion {
  /** How many of the best word matches are asked whether they mean what the query means. */
  static final int AGREEMENT_DEPTH = 3;

  /** Which side found a hit. */
  enum Side {
    LEXICAL("lexical"),
    MEANING("meaning"),
    BOTH("both");

    final String json;

    Side(String json) {
      this.json = json;
    }
  }

  /**
   * One fused hit: Lucene doc, lexical score (NaN when none), cosine similarity (NaN when none),
   * fused score.
   */
  record Fused(int doc, float lexical, float similarity, float score, Side side) {}

  private HybridFusion() {}

  /**
   * {@code lexical} best first with their scores and {@code lexicalSimilarity} their cosine
   * similarities (NaN for passages without a vector); {@code nearest} with Lucene's dot-product
   * score (1 + cos) / 2. Returns every lexical hit and every nearest one above the floor, best
   * fused score first (ties: lexical order, then similarity).
   */
  static List<Fused> fuse(
      ScoreDoc[] lexical, float[] lexicalSimilarity, ScoreDoc[] nearest, FusionWeights w) {
    Map<Integer, Float> nearestSimilarity = new HashMap<>();
    float best = -1;
    for (ScoreDoc doc : nearest) {
      float cos = 2 * doc.score - 1;
      nearestSimilarity.put(doc.doc, cos);
      best = Math.max(best, cos);
    }
    float bestOfWords = -1;
    for (int i = 0; i < lexical.length; i++) {
      if (!Float.isNaN(lexicalSimilarity[i])) {
        best = Math.max(best, lexicalSimilarity[i]);
        if (i < AGREEMENT_DEPTH) {
          bestOfWords = Math.max(bestOfWords, lexicalSimilarity[i]);
        }
      }
    }
    // Best word matches without vectors (not embedded yet) give no evidence against the words:
    // trust them.
    float disagreement =
        lexical.length == 0 ? 1 : bestOfWords < -0.5f ? 0 : w.disagreement(best - bestOfWords);
    // What meaning adds to a word match, and what it is worth alone: nothing while the words are
    // trusted, so a
    // passage found by meaning alone then only fills in below every word match.
    float weight = w.low() + disagreement * (w.high() - w.low());
    float aloneWeight = disagreement * w.high();
    float floor = Math.max(w.floor(), best - w.span());
    float range = best - floor;
    float top = lexical.length == 0 ? 0 : lexical[0].score;
    List<Fused> fused = new ArrayList<>(lexical.length + nearest.length);
    Map<Integer, Integer> lexicalRank = new HashMap<>();
    for (int i = 0; i < lexical.length; i++) {
      ScoreDoc doc = lexical[i];
      lexicalRank.put(doc.doc, i);
      float cos = lexicalSimilarity[i];
      float l = top > 0 ? doc.score / top : 0;
      float m = Float.isNaN(cos) ? 0 : meaning(cos, floor, range);
      fused.add(
          new Fused(doc.doc, doc.score, cos, l + weight * m, m > 0 ? Side.BOTH : Side.LEXICAL));
    }
    for (ScoreDoc doc : nearest) {
      if (lexicalRank.containsKey(doc.doc)) {
        continue;
      }
      float cos = nearestSimilarity.get(doc.doc);
      float m = meaning(cos, floor, range);
      if (m > 0) {
        fused.add(new Fused(doc.doc, Float.NaN, cos, aloneWeight * m, Side.MEANING));
      }
    }
    if (disagreement == 0 && lexical.length > 0) {
      // Lifted to the best fused score; equal scores keep lexical order, so it comes first.
      Fused first = fused.get(0);
      float lifted = first.score();
      for (Fused f : fused) {
        lifted = Math.max(lifted, f.score());
      }
      fused.set(
          0, new Fused(first.doc(), first.lexical(), first.similarity(), lifted, first.side()));
    }
    fused.sort(
        Comparator.comparingDouble((Fused f) -> -f.score())
            .thenComparingInt(f -> lexicalRank.getOrDefault(f.doc(), Integer.MAX_VALUE))
            .thenComparingDouble(f -> -f.similarity()));
    return fused;
  }

  private static float meaning(float cos, float floor, float range) {
    if (range <= 0 || cos <= floor) {
      return 0;
    }
    return Math.min(1, (cos - floor) / range);
  }
}
