package io.lumbar.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Merges the lexical ranking with the nearest passages by meaning. Each side's evidence is made relative to how
 * sure that side is, not to its rank:
 * <ul>
 *   <li>lexical: the score over the best lexical score ({@code 1} for the top word match, whatever the query's
 *       score scale);
 *   <li>meaning: cosine similarity above a floor, as a share of the way from the floor to the best similarity
 *       this query reached (0 at or below the floor: unrelated passages score some similarity too, and a weak
 *       best neighbour means the meaning side has little to say).
 * </ul>
 * fused = lexical + weight × meaning × how much the meaning side is trusted, which is less when the words match
 * well: the meaning side may reorder and fill in, but a passage found by meaning alone passes the top word match
 * only when its similarity is clearly high and the word match weak. Plain reciprocal rank fusion ignores both
 * sides' confidence; it lost to lexical alone on one outside set (issue 17).
 */
final class HybridFusion {
  /**
   * {@code floor}: cosine similarity that counts as no evidence; {@code weight}: what a passage at the query's
   * best similarity adds, in units of the top lexical score; {@code span}: the similarity range below the best one
   * that still counts ({@code best − span} is the effective floor when higher than {@code floor}).
   */
  record Weights(float floor, float weight, float span) {
    /** Tuned with {@code lumbar eval --fusion} on the tuning queries (BENCHMARKS.md). */
    static final Weights DEFAULT = new Weights(0.60f, 0.60f, 0.12f);
  }

  /** Which side found a hit. */
  enum Side {
    LEXICAL("lexical"), MEANING("meaning"), BOTH("both");

    final String json;

    Side(String json) {
      this.json = json;
    }
  }

  /** One fused hit: Lucene doc, lexical score (NaN when none), cosine similarity (NaN when none), fused score. */
  record Fused(int doc, float lexical, float similarity, float score, Side side) {}

  private HybridFusion() {}

  /**
   * {@code lexical} best first with their scores; {@code nearest} with Lucene's dot-product score (1 + cos) / 2.
   * Returns every lexical hit and every nearest one above the floor, best fused score first (ties: lexical order,
   * then similarity).
   */
  static List<Fused> fuse(ScoreDoc[] lexical, ScoreDoc[] nearest, Weights w) {
    Map<Integer, Float> similarity = new HashMap<>();
    float best = -1;
    for (ScoreDoc doc : nearest) {
      float cos = 2 * doc.score - 1;
      similarity.put(doc.doc, cos);
      best = Math.max(best, cos);
    }
    float floor = Math.max(w.floor(), best - w.span());
    float range = best - floor;
    float top = lexical.length == 0 ? 0 : lexical[0].score;
    List<Fused> fused = new ArrayList<>(lexical.length + nearest.length);
    Map<Integer, Integer> lexicalRank = new HashMap<>();
    for (int i = 0; i < lexical.length; i++) {
      ScoreDoc doc = lexical[i];
      lexicalRank.put(doc.doc, i);
      Float cos = similarity.get(doc.doc);
      float l = top > 0 ? doc.score / top : 0;
      float m = cos == null ? 0 : meaning(cos, floor, range);
      fused.add(new Fused(doc.doc, doc.score, cos == null ? Float.NaN : cos, l + w.weight() * m,
          cos == null ? Side.LEXICAL : Side.BOTH));
    }
    for (ScoreDoc doc : nearest) {
      if (lexicalRank.containsKey(doc.doc)) {
        continue;
      }
      float cos = similarity.get(doc.doc);
      float m = meaning(cos, floor, range);
      if (m > 0) {
        fused.add(new Fused(doc.doc, Float.NaN, cos, w.weight() * m, Side.MEANING));
      }
    }
    fused.sort(Comparator.comparingDouble((Fused f) -> -f.score())
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
