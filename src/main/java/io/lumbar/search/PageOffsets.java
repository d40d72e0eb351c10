package io.lumbar.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * Where the passages of one page match the highlight query, read from the text field's postings
 * (which keep offsets). Each word is looked up once per segment and its postings advanced from
 * passage to passage (the highlighter asks in document order), where Lucene's weight-matches
 * strategy rewrites the query, builds its weight and looks every word up again for each passage:
 * that was a fifth of a search's CPU on a small corpus.
 *
 * <p>The matches are Lucene's: a word or a synonym group wherever it occurs, a phrase where all its
 * words line up (one match from its first word's start to its last word's end), each counted once
 * and labelled as Lucene labels it, so the highlighter picks, scores and marks the same fragments.
 * Only disjunctions of words, synonym groups and exact phrases are understood, which is what {@link
 * SymptomQuery} asks to highlight; for any other query {@link #of} returns null and Lucene's own
 * strategy is used.
 */
final class PageOffsets extends FieldOffsetStrategy {
  private final List<Matcher> matchers;

  /**
   * Per segment, the words' postings; the highlighter passes the same reader for every passage of a
   * segment.
   */
  private final Map<LeafReader, Segment> segments = new IdentityHashMap<>();

  private PageOffsets(UHComponents components, List<Matcher> matchers) {
    super(components);
    this.matchers = matchers;
  }

  /**
   * The strategy for {@code components}' query, or null when it is not a disjunction this class
   * understands.
   */
  static PageOffsets of(UHComponents components, IndexSearcher searcher) {
    Query query;
    try {
      query = searcher.rewrite(components.query());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Matcher> matchers = new ArrayList<>();
    return collect(query, components.field(), matchers)
        ? new PageOffsets(components, matchers)
        : null;
  }

  private static boolean collect(Query query, String field, List<Matcher> matchers) {
    switch (query) {
      case BoostQuery boosted -> {
        return collect(boosted.getQuery(), field, matchers);
      }
      case BooleanQuery bool -> {
        if (bool.getMinimumNumberShouldMatch() > 0) {
          return false;
        }
        for (BooleanClause clause : bool.clauses()) {
          if (clause.occur() != BooleanClause.Occur.SHOULD
              || !collect(clause.query(), field, matchers)) {
            return false;
          }
        }
        return true;
      }
      case TermQuery word -> {
        return add(field, word, new Term[] {word.getTerm()}, null, matchers);
      }
      case SynonymQuery synonyms -> {
        return add(field, synonyms, synonyms.getTerms().toArray(Term[]::new), null, matchers);
      }
      case PhraseQuery phrase -> {
        return phrase.getSlop() == 0
            && add(field, phrase, phrase.getTerms(), phrase.getPositions(), matchers);
      }
      default -> {
        return false;
      }
    }
  }

  /** Adds a matcher for words of {@code field}; a query on another field marks nothing in it. */
  private static boolean add(
      String field, Query query, Term[] terms, int[] positions, List<Matcher> matchers) {
    long inField = Arrays.stream(terms).filter(t -> t.field().equals(field)).count();
    if (inField == 0) {
      return terms.length > 0;
    }
    if (inField < terms.length) {
      return false;
    }
    if (positions == null) {
      matchers.add(new Matcher(null, bytes(terms), null));
      return true;
    }
    // The phrase's words in position order, as Lucene's exact phrase matcher lines them up.
    Integer[] order = new Integer[terms.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> positions[i]));
    BytesRef[] words = new BytesRef[terms.length];
    int[] gaps = new int[terms.length];
    for (int i = 0; i < order.length; i++) {
      words[i] = terms[order[i]].bytes();
      gaps[i] = positions[order[i]] - positions[order[0]];
      if (i > 0 && gaps[i] == gaps[i - 1]) {
        return false; // two words at one position: not something this class needs to line up
      }
    }
    matchers.add(new Matcher(label(query), words, gaps));
    return true;
  }

  private static BytesRef[] bytes(Term[] terms) {
    return Arrays.stream(terms).map(Term::bytes).toArray(BytesRef[]::new);
  }

  /**
   * What Lucene calls a phrase's match: the phrase's words, space-separated, in the query's order.
   */
  private static BytesRef label(Query query) {
    BytesRefBuilder label = new BytesRefBuilder();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            for (Term term : terms) {
              if (label.length() > 0) {
                label.append((byte) ' ');
              }
              label.append(term.bytes());
            }
          }
        });
    return label.toBytesRef();
  }

  @Override
  public OffsetSource getOffsetSource() {
    return OffsetSource.POSTINGS;
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content) throws IOException {
    Segment segment = segments.get(reader);
    if (segment == null) {
      Terms terms = reader.terms(getField());
      if (terms == null) {
        return OffsetsEnum.EMPTY;
      }
      segment = new Segment(terms.iterator());
      segments.put(reader, segment);
    }
    List<Match> found = new ArrayList<>();
    for (Matcher matcher : matchers) {
      matcher.collect(segment, doc, found);
    }
    if (found.isEmpty()) {
      return OffsetsEnum.EMPTY;
    }
    found.sort(Match.ORDER);
    return new MatchList(found);
  }

  /**
   * One word, synonym group or phrase of the query; {@code gaps} null for a word or group, else the
   * phrase's. A word's match is labelled with the word (a synonym group's with the word of the
   * group found), a phrase's with {@code label}.
   */
  private record Matcher(BytesRef label, BytesRef[] words, int[] gaps) {
    void collect(Segment segment, int doc, List<Match> found) throws IOException {
      if (gaps == null) {
        for (BytesRef word : words) {
          Occurrences at = segment.occurrences(word, doc);
          for (int i = 0; at != null && i < at.freq; i++) {
            found.add(new Match(at.positions[i], at.positions[i], at.starts[i], at.ends[i], word));
          }
        }
        return;
      }
      Occurrences[] each = new Occurrences[words.length];
      for (int w = 0; w < words.length; w++) {
        each[w] = segment.occurrences(words[w], doc);
        if (each[w] == null) {
          return;
        }
      }
      Occurrences first = each[0];
      Occurrences last = each[words.length - 1];
      for (int i = 0; i < first.freq; i++) {
        int start = first.positions[i];
        int lastAt = i;
        for (int w = 1; w < words.length && lastAt >= 0; w++) {
          lastAt = each[w].indexOf(start + gaps[w]);
        }
        if (lastAt >= 0) {
          found.add(
              new Match(
                  start,
                  start + gaps[words.length - 1],
                  first.starts[i],
                  last.ends[lastAt],
                  label));
        }
      }
    }
  }

  /**
   * One segment's words, each looked up once and its postings moved forward from passage to
   * passage.
   */
  private static final class Segment {
    private final TermsEnum termsEnum;
    private final Map<BytesRef, Occurrences> words = new HashMap<>();

    Segment(TermsEnum termsEnum) {
      this.termsEnum = termsEnum;
    }

    /** Where {@code word} occurs in {@code doc}, or null when it does not. */
    Occurrences occurrences(BytesRef word, int doc) throws IOException {
      Occurrences occurrences = words.get(word);
      if (occurrences == null) {
        occurrences =
            termsEnum.seekExact(word) ? new Occurrences(termsEnum.termState()) : Occurrences.NONE;
        words.put(word, occurrences);
      }
      return occurrences.at(termsEnum, word, doc) ? occurrences : null;
    }
  }

  /** One word's postings, and its positions and offsets in the passage they were last moved to. */
  private static final class Occurrences {
    static final Occurrences NONE = new Occurrences(null);

    private final TermState state;
    private PostingsEnum postings;
    private int doc = -1;
    int freq;
    int[] positions = new int[8];
    int[] starts = new int[8];
    int[] ends = new int[8];

    Occurrences(TermState state) {
      this.state = state;
    }

    boolean at(TermsEnum termsEnum, BytesRef word, int target) throws IOException {
      if (state == null) {
        return false;
      }
      if (target == doc) {
        return freq > 0;
      }
      if (postings == null || postings.docID() > target) {
        // First use, or a passage before the last one (the highlighter goes in order; this keeps it
        // correct).
        termsEnum.seekExact(word, state);
        postings = termsEnum.postings(postings, PostingsEnum.OFFSETS);
      }
      doc = target;
      freq = 0;
      int at = postings.docID() < target ? postings.advance(target) : postings.docID();
      if (at != target) {
        return false;
      }
      freq = postings.freq();
      if (positions.length < freq) {
        positions = new int[freq];
        starts = new int[freq];
        ends = new int[freq];
      }
      for (int i = 0; i < freq; i++) {
        positions[i] = postings.nextPosition();
        starts[i] = postings.startOffset();
        ends[i] = postings.endOffset();
      }
      return true;
    }

    /** Index of {@code position} among this passage's positions (ascending), or -1. */
    int indexOf(int position) {
      int i = Arrays.binarySearch(positions, 0, freq, position);
      return i >= 0 ? i : -1;
    }
  }

  /**
   * One match: a word, or a whole phrase; ordered by position, as Lucene's matches iterator gives
   * them.
   */
  private record Match(
      int startPosition, int endPosition, int startOffset, int endOffset, BytesRef label) {
    static final Comparator<Match> ORDER =
        Comparator.comparingInt(Match::startPosition)
            .thenComparingInt(Match::endPosition)
            .thenComparing(Match::label);
  }

  /**
   * The matches of one passage as the highlighter reads them; each counts once, as Lucene's matches
   * do.
   */
  private static final class MatchList extends OffsetsEnum {
    private final List<Match> matches;
    private int index = -1;

    MatchList(List<Match> matches) {
      this.matches = matches;
    }

    @Override
    public boolean nextPosition() {
      return ++index < matches.size();
    }

    @Override
    public int freq() {
      return 1;
    }

    @Override
    public BytesRef getTerm() {
      return matches.get(index).label();
    }

    @Override
    public int startOffset() {
      return matches.get(index).startOffset();
    }

    @Override
    public int endOffset() {
      return matches.get(index).endOffset();
    }
  }
}
