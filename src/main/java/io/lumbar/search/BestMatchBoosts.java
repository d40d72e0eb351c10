package io.lumbar.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Adds the plan's boosts (words near each other, the tag kinds asked for) to the best matches and
 * ranks them again. Scores add up, so a passage ends with the score the whole query would give it;
 * but the boosts are worked out for these passages only, where in the query they would be for every
 * passage that might still reach the top: sloppy phrases read word positions, and at a million
 * passages that was a fifth of a search.
 */
final class BestMatchBoosts {
  /** Score first, then passage id: the order of {@link SearchService}'s ranking. */
  private static final Comparator<FieldDoc> RANKING =
      Comparator.comparing((FieldDoc d) -> (Float) d.fields[0])
          .reversed()
          .thenComparing(d -> (Long) d.fields[1]);

  private BestMatchBoosts() {}

  /**
   * {@code ranked} (the ranking's field docs: score, id) with the boosts added and ranked again.
   */
  static FieldDoc[] apply(IndexSearcher searcher, Query boosts, FieldDoc[] ranked)
      throws IOException {
    FieldDoc[] byDoc = Arrays.copyOf(ranked, ranked.length);
    // Iterators only move forwards: visit the passages in index order.
    Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
    Weight weight = searcher.createWeight(searcher.rewrite(boosts), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    Scorer scorer = null;
    DocIdSetIterator iterator = null;
    for (FieldDoc doc : byDoc) {
      int leaf = ReaderUtil.subIndex(doc.doc, leaves);
      if (leaf != leafIndex) {
        leafIndex = leaf;
        scorer = weight.scorer(leaves.get(leaf));
        iterator = scorer == null ? null : scorer.iterator();
      }
      if (iterator == null) {
        continue;
      }
      int target = doc.doc - leaves.get(leaf).docBase;
      int at = iterator.docID() >= target ? iterator.docID() : iterator.advance(target);
      if (at == target) {
        float score = (Float) doc.fields[0] + scorer.score();
        doc.fields = new Object[] {score, doc.fields[1]};
      }
    }
    Arrays.sort(byDoc, RANKING);
    return byDoc;
  }
}
