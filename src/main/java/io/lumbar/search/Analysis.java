package io.lumbar.search;

import io.lumbar.indexing.OnePassTextAnalyzer;
import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.search.BoostAttribute;

/**
 * Lumbar's English analysis. Passages and queries share one chain: tokenize, drop possessives,
 * lower-case, fold accents, drop stop words, fold lie/lay forms, Porter stem. Queries then expand
 * synonyms as a graph (rules are stemmed by the same chain, so "pee" also covers "peeing"), and
 * synonym terms weigh less than the words typed. A second, unstemmed field keeps the exact word
 * forms, so exact matches can rank first.
 */
public final class Analysis {
  /** How much a synonym's match counts next to a match of the word typed. */
  static final float SYNONYM_WEIGHT = 0.8f;

  private static final String STOPWORDS = "/analysis/stopwords.txt";
  private static final String SYNONYMS = "/analysis/synonyms.txt";
  private static final CharArraySet STOP_WORDS = loadStopwords();
  private static final StemmerOverrideMap LIE_FORMS = lieForms();
  private static final String BUNDLED_SYNONYMS = resource(SYNONYMS);

  private final Analyzer stemmed = new Chain(null);
  private final Analyzer exact = new ExactChain();
  private final Analyzer indexAnalyzer = new IndexAnalyzer(stemmed, exact, new PairChain());
  private final Analyzer synonymAnalyzer;

  private final List<String> synonymPhrases;

  private Analysis(String synonymRules) {
    this.synonymAnalyzer = new Chain(parseSynonyms(synonymRules));
    this.synonymPhrases = phrasesOf(synonymRules);
  }

  /**
   * Every word or phrase the synonym rules name, each once, in the order of the rules: what people
   * type.
   */
  List<String> synonymPhrases() {
    return synonymPhrases;
  }

  private static List<String> phrasesOf(String rules) {
    java.util.Set<String> phrases = new java.util.LinkedHashSet<>();
    for (String line : rules.split("\n")) {
      int comment = line.indexOf('#');
      String rule = comment >= 0 ? line.substring(0, comment) : line;
      for (String phrase : rule.split("=>|,")) {
        String words = phrase.strip().replaceAll("\\s+", " ");
        if (!words.isEmpty()) {
          phrases.add(words.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return List.copyOf(phrases);
  }

  /** The analysis shipped in {@code index/}: its stop words and curated synonyms. */
  public static Analysis bundled() {
    return new Analysis(BUNDLED_SYNONYMS);
  }

  /** The bundled synonyms plus editors' rules (Solr format), e.g. from the database. */
  public static Analysis withExtraSynonyms(String rules) {
    return new Analysis(BUNDLED_SYNONYMS + "\n" + rules);
  }

  /**
   * Throws {@link IllegalArgumentException} saying what is wrong when {@code rule} is not a usable
   * synonym rule.
   */
  public static void checkSynonymRule(String rule) {
    if (rule == null
        || rule.isBlank()
        || rule.lines().count() != 1
        || rule.strip().startsWith("#")) {
      throw new IllegalArgumentException(
          "A synonym rule is one line such as \"slipped disc, herniated disc\" or \"pee => urinate\"");
    }
    String[] sides = rule.split("=>", -1);
    if (sides.length > 2) {
      throw new IllegalArgumentException("A synonym rule has at most one \"=>\"");
    }
    for (String side : sides) {
      if (java.util.Arrays.stream(side.split(",")).allMatch(String::isBlank)) {
        throw new IllegalArgumentException(
            sides.length == 2
                ? "Both sides of \"=>\" need a word or phrase, e.g. \"pee => pee, urinate\""
                : "A rule needs words or phrases separated by commas, e.g. \"slipped disc, herniated disc\"");
      }
    }
    if (sides.length == 1
        && java.util.Arrays.stream(rule.split(",")).filter(p -> !p.isBlank()).count() < 2) {
      throw new IllegalArgumentException(
          "A rule needs at least two words or phrases separated by commas, e.g. \"slipped disc, herniated disc\"");
    }
    SynonymMap map = parseSynonyms(rule);
    if (map.fst == null) {
      throw new IllegalArgumentException(
          "The rule \""
              + rule.strip()
              + "\" has no searchable words (only stop words or punctuation)");
    }
  }

  /**
   * Identifies what indexing depends on besides the code: the stop words. Editing {@code
   * index/stopwords.txt} changes it, and the index is rebuilt on the next start.
   */
  public static String indexFingerprint() {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(resource(STOPWORDS).getBytes(StandardCharsets.UTF_8));
    return "stopwords-" + Long.toHexString(crc.getValue());
  }

  /**
   * For documents: no synonyms, so the index holds only what the passage says. Per field (see
   * {@link PassageFields}); it also reads a passage's text once for all three fields indexing it
   * (see {@link OnePassTextAnalyzer}).
   */
  public Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  /**
   * For queries: the document chain plus the synonym graph, synonyms weighted by {@link
   * #SYNONYM_WEIGHT}.
   */
  Analyzer synonymAnalyzer() {
    return synonymAnalyzer;
  }

  /**
   * The document chain alone: quoted phrases, proximity and tag matching use the words as typed.
   */
  Analyzer stemmedAnalyzer() {
    return stemmed;
  }

  /**
   * Lower-cased, accent-folded, unstemmed words without stop words: the {@code text_exact} field.
   */
  Analyzer exactAnalyzer() {
    return exact;
  }

  private static final class Chain extends Analyzer {
    private final SynonymMap synonyms;

    Chain(SynonymMap synonyms) {
      this.synonyms = synonyms;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream stream = stemmedChain(source);
      if (synonyms != null && synonyms.fst != null) {
        // After stemming: the rules went through the same chain, so both sides agree on every
        // inflection.
        stream = new SynonymWeightFilter(new SynonymGraphFilter(stream, synonyms, true));
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  private static final class ExactChain extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      return new TokenStreamComponents(source, exactWords(source));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /**
   * The text field's words two by two, as {@link #pairTerm} spells them: the {@code text_pairs}
   * field.
   */
  private static final class PairChain extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      ShingleFilter pairs = new ShingleFilter(stemmedChain(source), 2, 2);
      pairs.setOutputUnigrams(false);
      pairs.setTokenSeparator(PAIR_SEPARATOR);
      pairs.setFillerToken(PAIR_FILLER);
      return new TokenStreamComponents(source, pairs);
    }
  }

  static final String PAIR_SEPARATOR = " ";

  /** What ShingleFilter pairs the last word with when stop words end the text. */
  static final String PAIR_FILLER = "_";

  /** The {@code text_pairs} term for two adjacent terms of the text field. */
  static String pairTerm(String first, String second) {
    return first + PAIR_SEPARATOR + second;
  }

  private static TokenStream stemmedChain(StandardTokenizer source) {
    return stems(exactWords(source));
  }

  /**
   * The words as {@code text_exact} holds them: possessives dropped, lower-cased, accents folded,
   * no stop words.
   */
  static TokenStream exactWords(StandardTokenizer source) {
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    return new StopFilter(stream, STOP_WORDS);
  }

  /**
   * The exact words stemmed into the text field's terms, one term per word ({@link OnePassText}
   * pairs them up).
   */
  static TokenStream stems(TokenStream exactWords) {
    // Stop words leave no gaps, in passages and queries alike: "lying on your back" and the rule or
    // alias
    // "lying on my back" both become "lie on back", so phrases match whatever stop words stood
    // between.
    TokenStream stream = new ClosePositionGaps(exactWords);
    stream = new StemmerOverrideFilter(stream, LIE_FORMS);
    return new PorterStemFilter(stream);
  }

  /**
   * The per-field index analysis, which also hands the three fields of the passage text their
   * tokens from one analysis of it ({@link OnePassText}): analysing it once per field took a third
   * of a rebuild's time.
   */
  private static final class IndexAnalyzer extends DelegatingAnalyzerWrapper
      implements OnePassTextAnalyzer {
    private static final int HEADING_VALUE_GAP = 100;
    private final Analyzer stemmed;
    private final Analyzer exact;
    private final Analyzer pairs;

    IndexAnalyzer(Analyzer stemmed, Analyzer exact, Analyzer pairs) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.stemmed = stemmed;
      this.exact = exact;
      this.pairs = pairs;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      return switch (fieldName) {
        case PassageFields.TEXT_EXACT -> exact;
        case PassageFields.TEXT_PAIRS -> pairs;
        default -> stemmed;
      };
    }

    /**
     * The headings of a path are separate values: a phrase must not run from one heading into the
     * next.
     */
    @Override
    public int getPositionIncrementGap(String fieldName) {
      return PassageFields.HEADING.equals(fieldName)
          ? HEADING_VALUE_GAP
          : super.getPositionIncrementGap(fieldName);
    }

    @Override
    public TokenStream textTokens(String field, String text, TokenStream reuse) {
      return OnePassText.tokens(field, text, reuse);
    }
  }

  /**
   * Marks synonym tokens with a lower boost; Lucene's QueryBuilder turns it into per-term weights.
   */
  private static final class SynonymWeightFilter extends TokenFilter {
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final BoostAttribute boost = addAttribute(BoostAttribute.class);

    SynonymWeightFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      boost.setBoost(SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()) ? SYNONYM_WEIGHT : 1f);
      return true;
    }
  }

  /** Removes the position gaps stop words leave, so words either side of one count as adjacent. */
  private static final class ClosePositionGaps extends TokenFilter {
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);

    ClosePositionGaps(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (increment.getPositionIncrement() > 1) {
        increment.setPositionIncrement(1);
      }
      return true;
    }
  }

  /** lie, lay, lying, laying, lies, lays, laid, lain: one concept in people's writing about bed. */
  private static StemmerOverrideMap lieForms() {
    try {
      StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
      for (String form :
          new String[] {"lie", "lies", "lying", "lay", "lays", "laying", "laid", "lain", "layed"}) {
        builder.add(form, "lie");
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Synonym rules are read with the document chain, so they are matched after stemming. */
  private static SynonymMap parseSynonyms(String rules) {
    Analyzer ruleChain =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, stemmedChain(source));
          }
        };
    try (ruleChain) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, ruleChain);
      parser.parse(new StringReader(rules));
      return parser.build();
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Synonym rules cannot be read: " + describe(e), e);
    }
  }

  private static String describe(Exception e) {
    Throwable cause = e.getCause() != null && e instanceof ParseException ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private static CharArraySet loadStopwords() {
    try (Reader reader = new StringReader(resource(STOPWORDS))) {
      return CharArraySet.unmodifiableSet(
          WordlistLoader.getWordSet(reader, "#", new CharArraySet(64, true)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String path) {
    try (InputStream in = Analysis.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "Missing analysis resource " + path + " (packaged from index/)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
