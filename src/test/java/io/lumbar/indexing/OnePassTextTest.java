package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.search.Analysis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The passage text analysed once for text, text_exact and text_pairs gives the index exactly what
 * analysing it once per field gives: the same terms, frequencies, positions, offsets and norms.
 */
class OnePassTextTest {
  private static final Analyzer ONE_PASS = Analysis.bundled().indexAnalyzer();

  /** The same analysis without the one pass: each field's text goes through its own chain. */
  private static final Analyzer PER_FIELD =
      new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
          return ONE_PASS;
        }
      };

  private static final List<String> EDGE_CASES =
      List.of(
          "",
          "   ",
          "the a of",
          "Sciatica",
          "sciatica the",
          "the sciatica",
          "Lying on your back at night, the pain in my lower back is worse than it was.",
          "She lies down; he laid it there. They're laying on their sides and have lain there, layed.",
          "John's doctor's advice: the physios' exercises didn't help.",
          "Café naïve Ångström façade résumé — Œdipus Straße ﬁnal.",
          "Low-back pain 3.5mg twice-daily, 10-20 mins, e.g. 2x/day; see www.example.org or mail a@b.com.",
          "Emoji 😀 pain 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 中文 text 日本語 한국어.",
          "Lone surrogate \uD800 here and \uDC00 there.",
          "x".repeat(300) + " then " + "y".repeat(600) + " the",
          "Running runners ran; stiffness stiffened stiffly. Inflammation inflamed!",
          "ALL CAPS SHOUTING ABOUT SCIATICA AND THE BACK OF THE KNEE",
          "back back back back pain pain back",
          "Ends with a possessive: the doctor's",
          "tab\tseparated\nnew\r\nlines\u00A0and\u2003spaces");

  private static final String[] WORDS = {
    "the",
    "a",
    "an",
    "of",
    "on",
    "in",
    "is",
    "my",
    "your",
    "and",
    "to",
    "at",
    "it",
    "be",
    "very",
    "just",
    "pain",
    "back",
    "lower",
    "sciatica",
    "sleeping",
    "sleep",
    "lying",
    "lie",
    "lay",
    "laid",
    "lies",
    "knee",
    "stretching",
    "stretches",
    "doctor's",
    "physio's",
    "disc",
    "herniated",
    "slipped",
    "numbness",
    "tingling",
    "café",
    "naïve",
    "Ångström",
    "low-back",
    "3.5mg",
    "10-20",
    "e.g.",
    "won't",
    "don't",
    "it's",
    "O'Brien",
    "Inflammation",
    "WEAKNESS",
    "hip",
    "hips",
    "worse",
    "better",
    "running",
    "walks",
    "😀",
    "中文",
    "ibuprofen"
  };
  private static final String[] SEPARATORS = {
    " ", " ", " ", ", ", ". ", "; ", " - ", "\n", "  ", "'s ", "/"
  };

  @Test
  void the_index_analyzer_reads_the_text_once() {
    assertThat(ONE_PASS).isInstanceOf(OnePassTextAnalyzer.class);
    assertThat(PER_FIELD).isNotInstanceOf(OnePassTextAnalyzer.class);
  }

  @Test
  void indexes_exactly_what_per_field_analysis_indexes() throws IOException {
    List<IndexedPassage> passages = passages();
    try (Directory onePass = index(ONE_PASS, passages);
        Directory perField = index(PER_FIELD, passages);
        DirectoryReader a = DirectoryReader.open(onePass);
        DirectoryReader b = DirectoryReader.open(perField)) {
      LeafReader left = a.leaves().getFirst().reader();
      LeafReader right = b.leaves().getFirst().reader();
      assertThat(left.maxDoc()).isEqualTo(passages.size());
      assertThat(right.maxDoc()).isEqualTo(passages.size());
      for (String field :
          List.of(
              PassageFields.TEXT,
              PassageFields.TEXT_EXACT,
              PassageFields.TEXT_PAIRS,
              PassageFields.HEADING)) {
        assertSamePostings(field, left, right);
        assertSameNorms(field, left, right);
      }
      for (int doc = 0; doc < passages.size(); doc++) {
        assertThat(left.storedFields().document(doc).toString())
            .isEqualTo(right.storedFields().document(doc).toString());
      }
      // The cases that matter most are there: pairs with the filler after trailing stop words, and
      // exact words
      // whose stop-word gaps the text field closes.
      assertThat(terms(left, PassageFields.TEXT_PAIRS)).contains("sciatica _", "lie on", "than _");
      assertThat(terms(left, PassageFields.TEXT_EXACT)).contains("lying", "laid", "cafe", "doctor");
    }
  }

  private static List<IndexedPassage> passages() {
    List<String> texts = new ArrayList<>(EDGE_CASES);
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      StringBuilder text = new StringBuilder();
      int words = random.nextInt(80);
      for (int w = 0; w < words; w++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        text.append(random.nextInt(8) == 0 ? word.toUpperCase() : word)
            .append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
      }
      texts.add(text.toString());
    }
    List<IndexedPassage> passages = new ArrayList<>();
    for (String text : texts) {
      int id = passages.size() + 1;
      passages.add(
          IndexFixture.passage(
              id,
              id % 7,
              "Article " + id % 7,
              id % 3 == 0 ? null : "Heading of " + text.strip(),
              text,
              id,
              List.of(new TagRef(TagRef.CAUSE, "sciatica", "Sciatica")),
              List.of()));
    }
    // The same text again, as the same string and as an equal one: a thread reuses its last
    // analysis for the first.
    IndexedPassage last = passages.getLast();
    passages.add(
        IndexFixture.passage(
            passages.size() + 1, 1, "Again", null, last.text(), 1, List.of(), List.of()));
    passages.add(
        IndexFixture.passage(
            passages.size() + 1,
            1,
            "Again",
            null,
            new String(last.text()),
            1,
            List.of(),
            List.of()));
    return passages;
  }

  private static Directory index(Analyzer analyzer, List<IndexedPassage> passages)
      throws IOException {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setMergeScheduler(new SerialMergeScheduler())
            .setSimilarity(PassageIndex.SIMILARITY);
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (IndexedPassage p : passages) {
        writer.addDocument(PassageDocuments.toDocument(p));
      }
      writer.forceMerge(1);
    }
    return dir;
  }

  private static void assertSamePostings(String field, LeafReader left, LeafReader right)
      throws IOException {
    Terms expected = right.terms(field);
    Terms actual = left.terms(field);
    assertThat(expected).as(field).isNotNull();
    assertThat(actual).as(field).isNotNull();
    assertThat(actual.size()).as(field + " terms").isEqualTo(expected.size());
    assertThat(actual.getSumDocFreq()).as(field).isEqualTo(expected.getSumDocFreq());
    assertThat(actual.getSumTotalTermFreq()).as(field).isEqualTo(expected.getSumTotalTermFreq());
    FieldInfo info = right.getFieldInfos().fieldInfo(field);
    assertThat(left.getFieldInfos().fieldInfo(field).getIndexOptions())
        .isEqualTo(info.getIndexOptions());
    boolean positions =
        info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
    boolean offsets =
        info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
            >= 0;
    TermsEnum e = expected.iterator();
    TermsEnum a = actual.iterator();
    for (var term = e.next(); term != null; term = e.next()) {
      assertThat(a.next()).as(field).isEqualTo(term);
      String where = field + ":" + term.utf8ToString();
      assertThat(a.docFreq()).as(where).isEqualTo(e.docFreq());
      assertThat(a.totalTermFreq()).as(where).isEqualTo(e.totalTermFreq());
      PostingsEnum ep = e.postings(null, PostingsEnum.ALL);
      PostingsEnum ap = a.postings(null, PostingsEnum.ALL);
      for (int doc = ep.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ep.nextDoc()) {
        assertThat(ap.nextDoc()).as(where).isEqualTo(doc);
        assertThat(ap.freq()).as(where).isEqualTo(ep.freq());
        if (positions) {
          for (int i = 0; i < ep.freq(); i++) {
            assertThat(ap.nextPosition()).as(where + " in " + doc).isEqualTo(ep.nextPosition());
            if (offsets) {
              assertThat(ap.startOffset()).as(where + " in " + doc).isEqualTo(ep.startOffset());
              assertThat(ap.endOffset()).as(where + " in " + doc).isEqualTo(ep.endOffset());
            }
          }
        }
      }
      assertThat(ap.nextDoc()).as(where).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
    }
    assertThat(a.next()).as(field).isNull();
  }

  private static void assertSameNorms(String field, LeafReader left, LeafReader right)
      throws IOException {
    NumericDocValues expected = right.getNormValues(field);
    NumericDocValues actual = left.getNormValues(field);
    if (expected == null) {
      assertThat(actual).as(field).isNull();
      return;
    }
    for (int doc = expected.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = expected.nextDoc()) {
      assertThat(actual.nextDoc()).as(field).isEqualTo(doc);
      assertThat(actual.longValue()).as(field + " norm of " + doc).isEqualTo(expected.longValue());
    }
    assertThat(actual.nextDoc()).as(field).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
  }

  private static List<String> terms(LeafReader reader, String field) throws IOException {
    List<String> terms = new ArrayList<>();
    TermsEnum e = reader.terms(field).iterator();
    for (var term = e.next(); term != null; term = e.next()) {
      terms.add(term.utf8ToString());
    }
    return terms;
  }
}
