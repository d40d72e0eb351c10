package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreDoc;

/**
 * Counts causes and treatments over the best-ranked matches of a search (see {@link
 * SearchService#FACET_SAMPLE}): counting every match would make each search visit every match,
 * which rules out skipping the ones that cannot reach the top. Per segment by doc-value ordinal (an
 * array increment per tag), resolved to slugs once.
 */
final class TagFacets {
  /** Slug → number of passages among those counted, per kind. */
  record Counts(Map<String, Integer> causes, Map<String, Integer> treatments) {}

  private TagFacets() {}

  static Counts count(IndexReader reader, ScoreDoc[] hits) throws IOException {
    int[] docs = new int[hits.length];
    for (int i = 0; i < hits.length; i++) {
      docs[i] = hits[i].doc;
    }
    // Doc values are read forwards only, so segment by segment in document order.
    Arrays.sort(docs);
    Map<String, Integer> causes = new HashMap<>();
    Map<String, Integer> treatments = new HashMap<>();
    List<LeafReaderContext> leaves = reader.leaves();
    int i = 0;
    while (i < docs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      Segment cause = new Segment(DocValues.getSortedSet(leaf.reader(), PassageFields.CAUSE));
      Segment treatment =
          new Segment(DocValues.getSortedSet(leaf.reader(), PassageFields.TREATMENT));
      for (; i < docs.length && docs[i] < end; i++) {
        cause.count(docs[i] - leaf.docBase);
        treatment.count(docs[i] - leaf.docBase);
      }
      cause.addTo(causes);
      treatment.addTo(treatments);
    }
    return new Counts(causes, treatments);
  }

  private static final class Segment {
    private final SortedSetDocValues values;
    private final int[] counts;

    Segment(SortedSetDocValues values) {
      this.values = values;
      this.counts = new int[(int) values.getValueCount()];
    }

    void count(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        for (int i = 0; i < values.docValueCount(); i++) {
          counts[(int) values.nextOrd()]++;
        }
      }
    }

    void addTo(Map<String, Integer> totals) throws IOException {
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0) {
          totals.merge(values.lookupOrd(ord).utf8ToString(), counts[ord], Integer::sum);
        }
      }
    }
  }
}
