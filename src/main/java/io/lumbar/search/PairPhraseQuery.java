package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.ImpactsDISI;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MaxScoreCache;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.IOSupplier;

/**
 * An exact phrase of the text field answered from its word pairs ({@link
 * PassageFields#TEXT_PAIRS}): "hands on therapy" is the pair "hand on" at some position followed by
 * "on therapi" at the next. Pairs are rare where the words are common ("on" is in every other
 * passage), so this reads a few short postings instead of the words' long ones with their
 * positions. A phrase occurs wherever its pairs do, so the occurrence count is the phrase's; it is
 * scored exactly as {@link PhraseQuery} scores it, with the words' statistics and the text field's
 * lengths.
 */
final class PairPhraseQuery extends Query {
  private final Term[] words;
  private final Term[] pairs;

  private PairPhraseQuery(Term[] words) {
    this.words = words;
    this.pairs = new Term[words.length - 1];
    for (int i = 0; i + 1 < words.length; i++) {
      pairs[i] =
          new Term(
              PassageFields.TEXT_PAIRS, Analysis.pairTerm(words[i].text(), words[i + 1].text()));
    }
  }

  /**
   * The pair form of an exact phrase of adjacent words of the text field; any other query as it is.
   */
  static Query of(Query query) {
    if (!(query instanceof PhraseQuery phrase)
        || phrase.getSlop() != 0
        || !phrase.getField().equals(PassageFields.TEXT)
        || phrase.getTerms().length < 2) {
      return query;
    }
    int[] positions = phrase.getPositions();
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] != positions[i - 1] + 1) {
        return query;
      }
    }
    return new PairPhraseQuery(phrase.getTerms());
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    TermStates[] pairStates = new TermStates[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      pairStates[i] = TermStates.build(searcher, pairs[i], false);
    }
    return new PairPhraseWeight(
        searcher,
        scoreMode,
        pairStates,
        scoreMode.needsScores() ? simScorer(searcher, boost) : null);
  }

  /**
   * As PhraseQuery's weight builds it: the words' statistics in the text field, words found nowhere
   * left out.
   */
  private SimScorer simScorer(IndexSearcher searcher, float boost) throws IOException {
    TermStatistics[] stats = new TermStatistics[words.length];
    int found = 0;
    for (Term word : words) {
      TermStates states = TermStates.build(searcher, word, true);
      if (states.docFreq() > 0) {
        stats[found++] = searcher.termStatistics(word, states.docFreq(), states.totalTermFreq());
      }
    }
    return found == 0
        ? null
        : searcher
            .getSimilarity()
            .scorer(
                boost,
                searcher.collectionStatistics(PassageFields.TEXT),
                ArrayUtil.copyOfSubArray(stats, 0, found));
  }

  private final class PairPhraseWeight extends Weight {
    private final ScoreMode scoreMode;
    private final TermStates[] pairStates;
    private final SimScorer simScorer;
    private final String searcherSimilarity;

    PairPhraseWeight(
        IndexSearcher searcher, ScoreMode scoreMode, TermStates[] pairStates, SimScorer simScorer) {
      super(PairPhraseQuery.this);
      this.scoreMode = scoreMode;
      this.pairStates = pairStates;
      this.simScorer = simScorer;
      this.searcherSimilarity = searcher.getSimilarity().getClass().getSimpleName();
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      if (scoreMode.needsScores() && simScorer == null) {
        return null;
      }
      LeafReader reader = context.reader();
      Terms terms = reader.terms(PassageFields.TEXT_PAIRS);
      if (terms == null) {
        return null;
      }
      TermsEnum termsEnum = terms.iterator();
      // Positions only where there is more than one pair to line up.
      int flags = pairs.length > 1 ? PostingsEnum.POSITIONS : PostingsEnum.FREQS;
      PostingsEnum[] postings = new PostingsEnum[pairs.length];
      ImpactsEnum lead = null;
      int leadDocFreq = Integer.MAX_VALUE;
      float matchCost = 0;
      for (int i = 0; i < pairs.length; i++) {
        IOSupplier<TermState> supplier = pairStates[i].get(context);
        TermState state = supplier == null ? null : supplier.get();
        if (state == null) {
          return null;
        }
        termsEnum.seekExact(pairs[i].bytes(), state);
        if (pairs.length > 1) {
          matchCost += PhraseQuery.termPositionsCost(termsEnum);
        }
        if (scoreMode == ScoreMode.TOP_SCORES && termsEnum.docFreq() < leadDocFreq) {
          leadDocFreq = termsEnum.docFreq();
          postings[i] = lead = termsEnum.impacts(flags);
        } else {
          postings[i] = termsEnum.postings(null, flags);
        }
      }
      NumericDocValues norms =
          scoreMode.needsScores() ? reader.getNormValues(PassageFields.TEXT) : null;
      return new DefaultScorerSupplier(new PairPhraseScorer(postings, lead, norms, matchCost));
    }

    /**
     * Occurrences of the phrase in the current document: starts of the first pair each following
     * pair continues.
     */
    private final class PairPhraseScorer extends Scorer {
      private final PostingsEnum[] postings;
      private final DocIdSetIterator approximation;
      private final MaxScoreCache maxScores;
      private final ImpactsDISI competitive;
      private final NumericDocValues norms;

      /**
       * What reading every pair's positions in one document costs, as PhraseQuery estimates it for
       * its terms.
       */
      private final float matchCost;

      private final int[][] positions;

      /** Per pair, how far its positions have been compared while lining up one document. */
      private final int[] cursor;

      private int freqDoc = -1;
      private int freq;

      PairPhraseScorer(
          PostingsEnum[] postings, ImpactsEnum lead, NumericDocValues norms, float matchCost) {
        this.postings = postings;
        this.matchCost = matchCost;
        this.norms = norms;
        this.positions = new int[postings.length][];
        this.cursor = new int[postings.length];
        // Without norms in the pair field, its impacts say "length 1": an upper bound for any
        // passage's length,
        // and a phrase occurs no more often than its rarest pair does.
        this.maxScores = lead == null ? null : new MaxScoreCache(lead, simScorer);
        this.competitive = lead == null ? null : new ImpactsDISI(lead, maxScores);
        List<DocIdSetIterator> all = new ArrayList<>(postings.length);
        for (PostingsEnum p : postings) {
          all.add(p == lead ? competitive : p);
        }
        this.approximation =
            all.size() == 1 ? all.getFirst() : ConjunctionUtils.intersectIterators(all);
      }

      @Override
      public int docID() {
        return approximation.docID();
      }

      @Override
      public DocIdSetIterator iterator() {
        return postings.length == 1
            ? approximation
            : TwoPhaseIterator.asDocIdSetIterator(twoPhaseIterator());
      }

      @Override
      public TwoPhaseIterator twoPhaseIterator() {
        if (postings.length == 1) {
          return null;
        }
        return new TwoPhaseIterator(approximation) {
          @Override
          public boolean matches() throws IOException {
            return freq() > 0;
          }

          @Override
          public float matchCost() {
            return matchCost;
          }
        };
      }

      int freq() throws IOException {
        int doc = approximation.docID();
        if (freqDoc != doc) {
          freqDoc = doc;
          freq = postings.length == 1 ? postings[0].freq() : lineUp();
        }
        return freq;
      }

      private int lineUp() throws IOException {
        for (int i = 0; i < postings.length; i++) {
          PostingsEnum p = postings[i];
          int n = p.freq();
          int[] at =
              positions[i] =
                  positions[i] == null || positions[i].length < n
                      ? new int[ArrayUtil.oversize(n, Integer.BYTES)]
                      : positions[i];
          for (int k = 0; k < n; k++) {
            at[k] = p.nextPosition() - i;
          }
        }
        int count = 0;
        Arrays.fill(cursor, 0);
        int firstFreq = postings[0].freq();
        starts:
        for (int k = 0; k < firstFreq; k++) {
          int start = positions[0][k];
          for (int i = 1; i < postings.length; i++) {
            int n = postings[i].freq();
            while (cursor[i] < n && positions[i][cursor[i]] < start) {
              cursor[i]++;
            }
            if (cursor[i] == n) {
              break starts;
            }
            if (positions[i][cursor[i]] != start) {
              continue starts;
            }
          }
          count++;
        }
        return count;
      }

      @Override
      public float score() throws IOException {
        return simScorer.score(freq(), norm(docID()));
      }

      private long norm(int doc) throws IOException {
        return norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
      }

      @Override
      public int advanceShallow(int target) throws IOException {
        return maxScores == null ? DocIdSetIterator.NO_MORE_DOCS : maxScores.advanceShallow(target);
      }

      @Override
      public float getMaxScore(int upTo) throws IOException {
        return maxScores == null ? Float.POSITIVE_INFINITY : maxScores.getMaxScore(upTo);
      }

      @Override
      public void setMinCompetitiveScore(float minScore) {
        if (competitive != null) {
          competitive.setMinCompetitiveScore(minScore);
        }
      }
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      ScorerSupplier supplier = scorerSupplier(context);
      if (supplier != null && supplier.get(Long.MAX_VALUE) instanceof PairPhraseScorer scorer) {
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        int at = scorer.iterator().advance(doc);
        if (at == doc && (twoPhase == null || scorer.freq() > 0)) {
          if (simScorer == null) {
            // A filter or exclusion: it matches, and adds nothing to the score.
            return Explanation.match(0f, getQuery() + " matches in " + doc + " (not scored)");
          }
          Explanation freq =
              Explanation.match(
                  (float) scorer.freq(),
                  "phraseFreq=" + (float) scorer.freq() + ", from the word pairs");
          Explanation score = simScorer.explain(freq, scorer.norm(doc));
          return Explanation.match(
              score.getValue(),
              "weight(" + getQuery() + " in " + doc + ") [" + searcherSimilarity + "], result of:",
              score);
        }
      }
      return Explanation.noMatch("no matching phrase");
    }

    @Override
    public boolean isCacheable(LeafReaderContext context) {
      return true;
    }
  }

  /**
   * Visited as the phrase of the text field it stands for: all its words are required, as
   * PhraseQuery reports them.
   */
  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(PassageFields.TEXT)) {
      visitor.getSubVisitor(Occur.MUST, this).consumeTerms(this, words);
    }
  }

  @Override
  public String toString(String field) {
    StringBuilder out =
        new StringBuilder(PassageFields.TEXT.equals(field) ? "" : PassageFields.TEXT + ":")
            .append("pairs\"");
    for (int i = 0; i < words.length; i++) {
      out.append(i == 0 ? "" : " ").append(words[i].text());
    }
    return out.append('"').toString();
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && Arrays.equals(words, ((PairPhraseQuery) other).words);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + Objects.hash((Object[]) words);
  }
}
