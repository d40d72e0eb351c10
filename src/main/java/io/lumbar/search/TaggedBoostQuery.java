package io.lumbar.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Matches what {@code query} matches and adds {@code weight} to the score for each of {@code fields} (tag kinds)
 * the passage has a value in: the same answer as "must {@code query}, should have a cause", but it tells the
 * query that a passage can gain at most the added weights. With that, the query skips passages that cannot
 * reach the top even with them, where Lucene's own must/should pair visits every passage matching "back".
 */
final class TaggedBoostQuery extends Query {
  private final Query query;
  private final List<String> fields;
  private final float weight;

  TaggedBoostQuery(Query query, List<String> fields, float weight) {
    this.query = Objects.requireNonNull(query);
    this.fields = List.copyOf(fields);
    this.weight = weight;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    return rewritten == query ? this : new TaggedBoostQuery(rewritten, fields, weight);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = query.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) {
      return inner;
    }
    float added = weight * boost;
    return new Weight(this) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = inner.scorerSupplier(context);
        if (supplier == null) {
          return null;
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new Boosted(supplier.get(leadCost), tagged(context), added);
          }

          /** The inner query's own bulk scorer (for a disjunction: MaxScore, which skips best), scores lifted on the way. */
          @Override
          public BulkScorer bulkScorer() throws IOException {
            BulkScorer inner = supplier.bulkScorer();
            return new BulkScorer() {
              @Override
              public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
                return inner.score(new Lifting(collector, tagged(context), added), acceptDocs, min, max);
              }

              @Override
              public long cost() {
                return inner.cost();
              }
            };
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation matched = inner.explain(context, doc);
        if (!matched.isMatch()) {
          return matched;
        }
        float score = matched.getValue().floatValue();
        float lifted = new Tagged(tagged(context), added).lift(score, doc);
        if (lifted == score) {
          return matched;
        }
        List<Explanation> parts = List.of(matched, Explanation.match(lifted - score, "tagged with an asked-for kind of tag"));
        return Explanation.match(lifted, "sum of:", parts);
      }

      @Override
      public Matches matches(LeafReaderContext context, int doc) throws IOException {
        return inner.matches(context, doc);
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return inner.isCacheable(context) && DocValues.isCacheable(context, fields.toArray(String[]::new));
      }
    };
  }

  private List<SortedSetDocValues> tagged(LeafReaderContext context) throws IOException {
    List<SortedSetDocValues> values = new ArrayList<>(fields.size());
    for (String field : fields) {
      values.add(DocValues.getSortedSet(context.reader(), field));
    }
    return values;
  }

  /** Hands the collector each document with the weights added to its score. */
  private static final class Lifting extends Scorable implements LeafCollector {
    private final LeafCollector out;
    private final Tagged tagged;
    private Scorable in;
    private int doc = -1;

    Lifting(LeafCollector out, List<SortedSetDocValues> values, float added) {
      this.out = out;
      this.tagged = new Tagged(values, added);
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      in = scorer;
      out.setScorer(this);
    }

    @Override
    public void collect(int doc) throws IOException {
      this.doc = doc;
      out.collect(doc);
    }

    @Override
    public DocIdSetIterator competitiveIterator() throws IOException {
      return out.competitiveIterator();
    }

    @Override
    public void finish() throws IOException {
      out.finish();
    }

    @Override
    public float score() throws IOException {
      return tagged.lift(in.score(), doc);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      tagged.passOn(in, minScore);
    }
  }

  /** The added weights of one segment. */
  private record Tagged(List<SortedSetDocValues> values, float added) {
    float lift(float score, int doc) throws IOException {
      for (SortedSetDocValues value : values) {
        if (value.advanceExact(doc)) {
          score += added;
        }
      }
      return score;
    }

    float most() {
      return added * values.size();
    }

    /** Rounded down: a passage the weights lift to exactly minScore must not be skipped. */
    void passOn(Scorable in, float minScore) throws IOException {
      float needed = Math.nextDown(minScore - most());
      if (needed > 0) {
        in.setMinCompetitiveScore(needed);
      }
    }
  }

  /** The inner scorer's documents, its score plus the weights; asks it only for what it must contribute. */
  private static final class Boosted extends Scorer {
    private final Scorer in;
    private final Tagged tagged;

    Boosted(Scorer in, List<SortedSetDocValues> values, float added) {
      this.in = in;
      this.tagged = new Tagged(values, added);
    }

    @Override
    public float score() throws IOException {
      return tagged.lift(in.score(), in.docID());
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      tagged.passOn(in, minScore);
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo) + tagged.most();
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return in.iterator();
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return in.twoPhaseIterator();
    }

    @Override
    public java.util.Collection<ChildScorable> getChildren() {
      return List.of(new ChildScorable(in, "MUST"));
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "(" + query.toString(field) + ")+" + weight + "*tagged" + fields;
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((TaggedBoostQuery) other).query)
        && fields.equals(((TaggedBoostQuery) other).fields) && weight == ((TaggedBoostQuery) other).weight;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), query, fields, weight);
  }
}
