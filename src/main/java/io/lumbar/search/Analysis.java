package io.lumbar.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * Lumbar's English analysis. Passages and queries go through the same chain (tokenize, drop possessives,
 * lower-case, fold accents, drop stop words, fold lie/lay forms, Porter stem); queries additionally expand
 * synonyms as a graph, so "slipped disc" also finds "herniated disc".
 */
public final class Analysis {
  private static final String STOPWORDS = "/analysis/stopwords.txt";
  private static final String SYNONYMS = "/analysis/synonyms.txt";

  private final CharArraySet stopwords;
  private final StemmerOverrideMap lieForms;
  private final Analyzer indexAnalyzer;
  private final Analyzer queryAnalyzer;

  private Analysis(CharArraySet stopwords, String synonymRules) {
    this.stopwords = stopwords;
    this.lieForms = lieForms();
    this.indexAnalyzer = new Chain(null);
    this.queryAnalyzer = new Chain(parseSynonyms(synonymRules));
  }

  /** The analysis shipped in {@code index/}: its stop words and curated synonyms. */
  public static Analysis bundled() {
    return new Analysis(loadStopwords(), resource(SYNONYMS));
  }

  /** Builds analysis with these synonym rules (Solr format) instead of the bundled ones. */
  public static Analysis withSynonyms(String synonymRules) {
    return new Analysis(loadStopwords(), synonymRules);
  }

  /** For documents: no synonyms, so the index holds only what the passage says. */
  public Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  /** For queries: the document chain plus the synonym graph. */
  public Analyzer queryAnalyzer() {
    return queryAnalyzer;
  }

  private final class Chain extends Analyzer {
    private final SynonymMap synonyms;

    Chain(SynonymMap synonyms) {
      this.synonyms = synonyms;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      if (synonyms != null) {
        // Before stop words and stemming: rules were parsed with the same chain, so both sides agree.
        stream = new SynonymGraphFilter(stream, synonyms, true);
      }
      stream = new StopFilter(stream, stopwords);
      stream = new StemmerOverrideFilter(stream, lieForms);
      stream = new PorterStemFilter(stream);
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /** lie, lay, lying, laying, lies, lays, laid, lain: one concept in people's writing about bed. */
  private static StemmerOverrideMap lieForms() {
    try {
      StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
      for (String form : new String[] {"lie", "lies", "lying", "lay", "lays", "laying", "laid", "lain", "layed"}) {
        builder.add(form, "lie");
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Synonym rules are read with a synonym-free chain so multi-word entries line up with query tokens. */
  private SynonymMap parseSynonyms(String rules) {
    Analyzer plain = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
      }
    };
    try (plain) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
      parser.parse(new StringReader(rules));
      return parser.build();
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("Synonym rules cannot be read: " + e.getMessage(), e);
    }
  }

  private static CharArraySet loadStopwords() {
    try (Reader reader = new StringReader(resource(STOPWORDS))) {
      return WordlistLoader.getWordSet(reader, "#", new CharArraySet(64, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String path) {
    try (InputStream in = Analysis.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing analysis resource " + path + " (packaged from index/)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
