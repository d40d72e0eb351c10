package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import io.lumbar.search.QueryParser.ParsedQuery;
import io.lumbar.search.TagMatcher.TagTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person typed into one Lucene query. Every signal is a clause of its own weight, so
 * the order holds: the exact word form, then its stem, then its synonyms, then a spelling
 * correction. Words near each other, heading matches and the tags the query names add to the score.
 */
public final class SymptomQuery {
  static final float HEADING_WEIGHT = 0.5f;

  /**
   * Added on top of the stemmed match, so "running" ranks a passage saying "running" above one
   * saying "runs".
   */
  static final float EXACT_WEIGHT = 0.3f;

  static final float PROXIMITY_WEIGHT = 0.3f;
  static final int PROXIMITY_SLOP = 3;

  /** Words in more passages than this share are too common for their nearness to mean anything. */
  static final double COMMON_WORD_SHARE = 0.2;

  /**
   * A word in the headings of more passages than this share (and more than {@link
   * #COMMON_HEADING_MIN_PASSAGES}) is not searched in headings: "pain" heads a section on any
   * back-pain site, and lifting every passage under such a heading ranked worse on both judged
   * query sets (dev nDCG@10 0.921 → 0.933, lay 0.823 → 0.832 without them), besides costing a
   * clause per word. A synonym group with such a word goes too: Lucene scores a group with its most
   * common word's statistics, so it weighed as little. Phrases stay: they are rarer than their
   * words.
   */
  static final double COMMON_HEADING_SHARE = 0.05;

  /**
   * Heading this many passages or fewer, a word is never common: on a few dozen passages 5 % is one
   * or two.
   */
  static final int COMMON_HEADING_MIN_PASSAGES = 5;

  /** A constant per tag the query names: about one well-matched word's worth. */
  static final float TAG_WEIGHT = 3.5f;

  /** For a query asking for treatments (or causes): any passage tagged with one. */
  static final float INTENT_WEIGHT = 1.0f;

  /** Below a synonym's weight. */
  static final float CORRECTION_WEIGHT = 0.4f;

  /** No correction under this length; one edit from it, two from {@link #TWO_EDITS_FROM}. */
  static final int TYPO_MIN_LENGTH = 5;

  static final int TWO_EDITS_FROM = 9;

  /** Longer "words" are not typos of anything; and only so many words per query are corrected. */
  static final int TYPO_MAX_LENGTH = 20;

  static final int MAX_CORRECTIONS = 5;

  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  /**
   * The query to run (null when nothing is searchable); {@code boosts}, what is added to the score
   * of the best matches only (null when nothing): words of the query near each other, the tag kinds
   * it asks for and exact word forms whose stem the query already searches, none of which decides
   * whether a passage matches; the part of the query that marks words in snippets (the words, their
   * synonyms and corrections, and the phrases, in the text field); and the corrections used.
   */
  public record Plan(Query query, Query boosts, Query highlight, Map<String, String> corrections) {}

  private final Vocabulary vocabulary;
  private final Analysis analysis;
  private final IndexReader reader;
  private final SearchFeatures features;

  /**
   * Each word's correction ("" for none) as found before on this reader and vocabulary; null: none
   * kept.
   */
  private final Map<String, String> knownCorrections;

  public SymptomQuery(Vocabulary vocabulary, IndexReader reader, SearchFeatures features) {
    this(vocabulary, reader, features, null);
  }

  /**
   * A planner that keeps each word's spelling correction in {@code knownCorrections}, which must
   * belong to this reader and vocabulary ({@link PlanningCache}).
   */
  SymptomQuery(
      Vocabulary vocabulary,
      IndexReader reader,
      SearchFeatures features,
      Map<String, String> knownCorrections) {
    this.vocabulary = vocabulary;
    this.analysis = vocabulary.analysis();
    this.reader = reader;
    this.features = features;
    this.knownCorrections = knownCorrections;
  }

  public Plan plan(SearchRequest request) {
    ParsedQuery parsed = QueryParser.parse(request.query());
    Map<String, String> corrections =
        features.typoTolerance() ? corrections(parsed.looseText()) : Map.of();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    BooleanQuery.Builder highlight = new BooleanQuery.Builder();
    BooleanQuery.Builder boosts = new BooleanQuery.Builder();
    boolean searchable = false;

    Query relevance = looseWords(parsed.looseText(), corrections, highlight, boosts);
    if (relevance != null) {
      // With filters beside it, SHOULD alone would match everything filtered; MUST keeps "any word
      // must match".
      query.add(relevance, parsed.phrases().isEmpty() ? Occur.MUST : Occur.SHOULD);
      searchable = true;
    }
    QueryBuilder exactWords = new QueryBuilder(analysis.stemmedAnalyzer());
    for (String phrase : parsed.phrases()) {
      Query inText = exactWords.createPhraseQuery(PassageFields.TEXT, phrase);
      Query exact =
          either(
              PairPhraseQuery.of(inText),
              exactWords.createPhraseQuery(PassageFields.HEADING, phrase));
      if (exact != null) {
        query.add(exact, Occur.MUST);
        if (inText != null) {
          // The highlighter knows Lucene's own phrase, not its pair form.
          highlight.add(inText, Occur.SHOULD);
        }
        searchable = true;
      }
    }
    if (!searchable) {
      return new Plan(null, null, null, corrections);
    }
    addFilters(request, query);
    BooleanQuery boost = boosts.build();
    return new Plan(
        query.build(), boost.clauses().isEmpty() ? null : boost, highlight.build(), corrections);
  }

  /** The request's tag and article filters, all of which must hold; null when it has none. */
  static Query filter(SearchRequest request) {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    addFilters(request, filter);
    BooleanQuery built = filter.build();
    return built.clauses().isEmpty() ? null : built;
  }

  private static void addFilters(SearchRequest request, BooleanQuery.Builder query) {
    request
        .causes()
        .forEach(
            slug -> query.add(new TermQuery(new Term(PassageFields.CAUSE, slug)), Occur.FILTER));
    request
        .treatments()
        .forEach(
            slug ->
                query.add(new TermQuery(new Term(PassageFields.TREATMENT, slug)), Occur.FILTER));
    anyOf(PassageFields.ARTICLE_ID, request.articles(), query);
  }

  /** Whether the query has a quoted phrase: such a query asks for exact words, not for meaning. */
  static boolean hasPhrases(String query) {
    return !QueryParser.parse(query).phrases().isEmpty();
  }

  /**
   * The query with every corrected word replaced, for "did you mean"; the query itself if none
   * could be placed.
   */
  static String corrected(String query, Map<String, String> corrections) {
    String result = query;
    for (Map.Entry<String, String> c : corrections.entrySet()) {
      result =
          Pattern.compile("(?iu)(?<!\\p{L})" + Pattern.quote(c.getKey()) + "(?!\\p{L})")
              .matcher(result)
              .replaceAll(Matcher.quoteReplacement(c.getValue()));
    }
    return result;
  }

  /**
   * Any word may match; each signal adds to the score, the costly ones ({@code boosts}) to the best
   * matches only.
   */
  private Query looseWords(
      String text,
      Map<String, String> corrections,
      BooleanQuery.Builder highlight,
      BooleanQuery.Builder boosts) {
    if (text.isEmpty()) {
      return null;
    }
    QueryBuilder words =
        new QueryBuilder(
            features.synonyms() ? analysis.synonymAnalyzer() : analysis.stemmedAnalyzer());
    // "slipped disc" => "herniated disc" must find the phrase, not any passage with both words
    // somewhere.
    words.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    // One flat disjunction of single signals, each with its weight: Lucene can then leave out the
    // signals of
    // common words ("back", "pain") once they cannot lift a passage into the top, instead of
    // visiting every
    // passage that says "back". A sum of sums is the same sum, so flattening changes no score.
    Disjunction any = new Disjunction();
    boolean matchable = false;
    Query inText = words.createBooleanQuery(PassageFields.TEXT, text, Occur.SHOULD);
    if (inText != null) {
      any.add(inText, 1f);
      highlight.add(inText, Occur.SHOULD);
      matchable = true;
    }
    if (features.headingBoost()) {
      Query inHeading = words.createBooleanQuery(PassageFields.HEADING, text, Occur.SHOULD);
      if (inHeading != null) {
        any.add(inHeading, HEADING_WEIGHT, this::isTellingInHeadings);
      }
    }
    if (features.exactBoost()) {
      Query exact =
          new QueryBuilder(analysis.exactAnalyzer())
              .createBooleanQuery(PassageFields.TEXT_EXACT, text, Occur.SHOULD);
      List<Query> forms =
          exact == null
              ? List.of()
              : exact instanceof BooleanQuery bool
                  ? bool.clauses().stream().map(BooleanClause::query).toList()
                  : List.of(exact);
      for (Query form : forms) {
        // A word form whose stem is searched on its own only reorders passages found anyway: a
        // boost for the
        // best matches. One whose word went into a multi-word synonym ("lying flat") still finds
        // passages.
        if (form instanceof TermQuery word && any.searchesText(stemOf(word.getTerm().text()))) {
          boosts.add(new BoostQuery(form, EXACT_WEIGHT), Occur.SHOULD);
        } else {
          any.add(form, EXACT_WEIGHT);
        }
      }
    }
    if (features.proximity()) {
      List<String> stems = tokens(analysis.stemmedAnalyzer(), text);
      for (int i = 0; i + 1 < stems.size(); i++) {
        // "lower back" and "back pain" are near each other in most passages; only telling pairs
        // count.
        if (isTelling(stems.get(i)) && isTelling(stems.get(i + 1))) {
          // Sloppy phrases read positions wherever both words occur: worth it for the best matches
          // only.
          PhraseQuery pair =
              new PhraseQuery(PROXIMITY_SLOP, PassageFields.TEXT, stems.get(i), stems.get(i + 1));
          boosts.add(new BoostQuery(pair, PROXIMITY_WEIGHT), Occur.SHOULD);
        }
      }
    }
    if (features.tagBoost()) {
      for (TagTerms tag : vocabulary.tags().matches(text)) {
        // Not a term frequency: how focused the passage is on the tag (see
        // PassageFields.TAG_FOCUS).
        any.add(FeatureField.newLinearQuery(PassageFields.TAG_FOCUS, tag.slug(), TAG_WEIGHT), 1f);
        matchable = true;
      }
    }
    for (String correction : corrections.values()) {
      for (String stem : tokens(analysis.stemmedAnalyzer(), correction)) {
        TermQuery corrected = new TermQuery(new Term(PassageFields.TEXT, stem));
        any.add(corrected, CORRECTION_WEIGHT);
        highlight.add(corrected, Occur.SHOULD);
        matchable = true;
      }
    }
    if (!matchable) {
      return null;
    }
    if (features.tagBoost()) {
      // Asking "why" or "what helps" ranks passages tagged with that kind of tag up, but matches
      // nothing by itself:
      // "treatment for a strained back", "why does it hurt" are answered by them.
      for (String kind : Intent.of(text)) {
        Query tagged =
            new ConstantScoreQuery(
                new FieldExistsQuery(
                    kind.equals("cause") ? PassageFields.CAUSE : PassageFields.TREATMENT));
        boosts.add(new BoostQuery(tagged, INTENT_WEIGHT), Occur.SHOULD);
      }
    }
    return any.build();
  }

  /**
   * A pure disjunction built flat: nested disjunctions and their weights are spread over their
   * clauses.
   */
  private static final class Disjunction {
    private final BooleanQuery.Builder clauses = new BooleanQuery.Builder();

    /**
     * Text-field terms searched on their own (a word or a synonym group), not only inside phrases.
     */
    private final Set<String> textTerms = new HashSet<>();

    void add(Query query, float weight) {
      add(query, weight, signal -> true);
    }

    /** Adds the single signals of {@code query} that {@code worthIt} accepts. */
    void add(Query query, float weight, Predicate<Query> worthIt) {
      if (query instanceof BoostQuery boosted) {
        add(boosted.getQuery(), weight * boosted.getBoost(), worthIt);
      } else if (query instanceof BooleanQuery bool && isPureDisjunction(bool)) {
        bool.clauses().forEach(clause -> add(clause.query(), weight, worthIt));
      } else if (worthIt.test(query)) {
        if (query instanceof TermQuery word && word.getTerm().field().equals(PassageFields.TEXT)) {
          textTerms.add(word.getTerm().text());
        } else if (query instanceof SynonymQuery synonyms
            && synonyms.getField().equals(PassageFields.TEXT)) {
          synonyms.getTerms().forEach(term -> textTerms.add(term.text()));
        }
        Query paired = PairPhraseQuery.of(query);
        clauses.add(weight == 1f ? paired : new BoostQuery(paired, weight), Occur.SHOULD);
      }
    }

    boolean searchesText(String term) {
      return term != null && textTerms.contains(term);
    }

    Query build() {
      return clauses.build();
    }

    private static boolean isPureDisjunction(BooleanQuery bool) {
      return bool.getMinimumNumberShouldMatch() == 0
          && bool.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD);
    }
  }

  /**
   * Spelling corrections for the words the index does not know, in typing order. A word is known
   * when it, its stem or one of its synonyms occurs in some passage, or a tag names it; known words
   * are never corrected.
   */
  private Map<String, String> corrections(String text) {
    Map<String, String> corrections = new LinkedHashMap<>();
    for (String word : tokens(analysis.exactAnalyzer(), text)) {
      if (corrections.size() >= MAX_CORRECTIONS) {
        break;
      }
      if (corrections.containsKey(word)) {
        continue;
      }
      String correction = knownCorrections == null ? null : knownCorrections.get(word);
      if (correction == null) {
        correction = correctionOf(word);
        if (knownCorrections != null) {
          PlanningCache.put(knownCorrections, word, correction, PlanningCache.MAX_WORDS);
        }
      }
      if (!correction.isEmpty()) {
        corrections.put(word, correction);
      }
    }
    return corrections;
  }

  /** The correction of one word of the query; "" when it is known or has none. */
  private String correctionOf(String word) {
    if (word.length() < TYPO_MIN_LENGTH
        || word.length() > TYPO_MAX_LENGTH
        || !LETTERS.matcher(word).matches()
        || isKnown(word)) {
      return "";
    }
    DirectSpellChecker speller = new DirectSpellChecker();
    speller.setMaxEdits(word.length() >= TWO_EDITS_FROM ? 2 : 1);
    speller.setMinQueryLength(TYPO_MIN_LENGTH);
    try {
      SuggestWord[] best =
          speller.suggestSimilar(
              new Term(PassageFields.TEXT_EXACT, word),
              1,
              reader,
              SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return best.length > 0 ? best[0].string : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text field's term for one word, or null when the word is not one term there. */
  private String stemOf(String word) {
    List<String> stems = tokens(analysis.stemmedAnalyzer(), word);
    return stems.size() == 1 ? stems.getFirst() : null;
  }

  /**
   * Not a word (or a synonym group with a word) in the headings of too many passages; see {@link
   * #COMMON_HEADING_SHARE}.
   */
  private boolean isTellingInHeadings(Query signal) {
    List<Term> terms =
        signal instanceof TermQuery word
            ? List.of(word.getTerm())
            : signal instanceof SynonymQuery synonyms ? synonyms.getTerms() : List.of();
    try {
      // maxDoc, not numDocs: docFreq counts replaced passages until their segments merge too.
      double common = Math.max(COMMON_HEADING_MIN_PASSAGES, COMMON_HEADING_SHARE * reader.maxDoc());
      for (Term term : terms) {
        if (reader.docFreq(term) > common) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A word in at most {@link #COMMON_WORD_SHARE} of the passages. */
  private boolean isTelling(String stem) {
    try {
      return reader.docFreq(new Term(PassageFields.TEXT, stem))
          <= COMMON_WORD_SHARE * Math.max(1, reader.numDocs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean isKnown(String word) {
    try {
      if (reader.docFreq(new Term(PassageFields.TEXT_EXACT, word)) > 0
          || vocabulary.tags().mentions(word)) {
        return true;
      }
      for (String term : tokens(analysis.synonymAnalyzer(), word)) {
        if (reader.docFreq(new Term(PassageFields.TEXT, term)) > 0) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> tokens(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  private static Query either(Query a, Query b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
  }

  private static void anyOf(String field, List<String> values, BooleanQuery.Builder query) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
    query.add(any.build(), Occur.FILTER);
  }
}
