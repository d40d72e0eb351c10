package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts causes and treatments over every passage a search matches, in the same pass as ranking: per
 * segment by doc-value ordinal (an array increment per tag), resolved to slugs once per segment.
 */
final class TagFacets implements CollectorManager<TagFacets.Counter, TagFacets.Counts> {
  /** Slug → number of matching passages, per kind. */
  record Counts(Map<String, Integer> causes, Map<String, Integer> treatments) {}

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Counts reduce(Collection<Counter> collectors) {
    Map<String, Integer> causes = new HashMap<>();
    Map<String, Integer> treatments = new HashMap<>();
    for (Counter c : collectors) {
      c.finishSegment();
      c.causes.forEach((k, v) -> causes.merge(k, v, Integer::sum));
      c.treatments.forEach((k, v) -> treatments.merge(k, v, Integer::sum));
    }
    return new Counts(causes, treatments);
  }

  static final class Counter extends SimpleCollector {
    private final Map<String, Integer> causes = new HashMap<>();
    private final Map<String, Integer> treatments = new HashMap<>();
    private Segment cause;
    private Segment treatment;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      finishSegment();
      cause = new Segment(DocValues.getSortedSet(context.reader(), PassageFields.CAUSE));
      treatment = new Segment(DocValues.getSortedSet(context.reader(), PassageFields.TREATMENT));
    }

    @Override
    public void collect(int doc) throws IOException {
      cause.count(doc);
      treatment.count(doc);
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    void finishSegment() {
      try {
        if (cause != null) {
          cause.addTo(causes);
          treatment.addTo(treatments);
          cause = null;
          treatment = null;
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
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
