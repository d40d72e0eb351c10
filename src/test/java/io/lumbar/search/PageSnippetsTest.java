package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.importing.ArticleSource;
import io.lumbar.importing.ArticleSplitter;
import io.lumbar.importing.BundledCorpus;
import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.web.Json;
import java.io.IOException;
import java.io.InputStream;
import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast snippet path ({@link PageOffsets}, {@link CachedBreakIterator}) against Lucene's own
 * weight matches and the JDK's sentence iterator: the same snippet for every hit of several hundred
 * queries, over the bundled articles and made-up passages in several segments.
 */
class PageSnippetsTest {
  private static final Vocabulary VOCABULARY = Vocabulary.bundled();
  private static PassageIndex index;
  private static List<String> texts;

  @BeforeAll
  static void indexCorpus() throws IOException {
    ObjectMapper json = Json.mapper();
    List<IndexedPassage> passages = new ArrayList<>();
    for (ArticleSource article : BundledCorpus.articles(json)) {
      for (ArticleSplitter.Block block : ArticleSplitter.split(article).blocks()) {
        if (block.isContent()) {
          passages.add(passage(passages.size() + 1, block.heading(), block.text()));
        }
      }
    }
    // Made-up passages besides: sentences of the bundled ones shuffled together, many more texts
    // and segments than five articles give.
    List<String> sentences = sentences(passages);
    Random random = new Random(7);
    for (int i = 0; i < 6_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = 2 + random.nextInt(5); n > 0; n--) {
        text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
      }
      passages.add(passage(passages.size() + 1, null, text.toString().strip()));
    }
    texts = passages.stream().map(IndexedPassage::text).toList();
    index = IndexFixture.empty(VOCABULARY.analysis().indexAnalyzer());
    for (IndexedPassage p : passages) {
      index.replace(p);
      if (p.id() % 400 == 0) {
        index.refresh(); // several segments: postings are looked up per segment
      }
    }
    index.refresh();
  }

  private static List<String> sentences(List<IndexedPassage> passages) {
    List<String> sentences = new ArrayList<>();
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
    for (IndexedPassage p : passages) {
      iterator.setText(p.text());
      for (int start = iterator.first(), end = iterator.next();
          end != BreakIterator.DONE;
          start = end, end = iterator.next()) {
        sentences.add(p.text().substring(start, end).strip());
      }
    }
    return sentences;
  }

  private static IndexedPassage passage(long id, String heading, String text) {
    return IndexFixture.passage(id, 1, "Article", heading, text, (int) id, List.of(), List.of());
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void every_snippet_is_the_one_lucenes_own_matches_and_sentence_iterator_give()
      throws IOException {
    PageSnippets snippets = new PageSnippets();
    Analyzer analyzer = VOCABULARY.analysis().indexAnalyzer();
    int compared = 0;
    int marked = 0;
    IndexSearcher searcher = index.acquire();
    try {
      StoredFields stored = searcher.storedFields();
      for (String query : queries()) {
        SearchRequest request = SearchRequest.firstPage(query, 10);
        assertThat(takesTheFastPath(request)).as("fast path for %s", query).isTrue();
        SymptomQuery.Plan plan =
            new SymptomQuery(VOCABULARY, searcher.getIndexReader(), SearchFeatures.ALL)
                .plan(request);
        if (plan.highlight() == null) {
          continue;
        }
        ScoreDoc[] hits = searcher.search(plan.query(), 20).scoreDocs;
        for (int from = 0; from < hits.length; from += 10) {
          ScoreDoc[] page = Arrays.copyOfRange(hits, from, Math.min(hits.length, from + 10));
          Map<Integer, String> texts = new HashMap<>();
          for (ScoreDoc hit : page) {
            texts.put(hit.doc, stored.document(hit.doc).get(PassageFields.TEXT));
          }
          String[] expected = lucenesOwn(searcher, analyzer, plan.highlight(), page);
          assertThat(snippets.highlight(searcher, analyzer, plan.highlight(), page, texts))
              .as("%s, hits %d to %d", query, from, from + page.length)
              .containsExactly(expected);
          compared += page.length;
          marked +=
              (int) Arrays.stream(expected).filter(e -> e != null && e.contains("<mark>")).count();
        }
      }
    } finally {
      index.release(searcher);
    }
    assertThat(compared).as("snippets compared").isGreaterThan(4_000);
    assertThat(marked).as("snippets with marks").isGreaterThan(compared * 3 / 4);
  }

  /**
   * Lucene's unified highlighter as it comes (its own weight matches and passage scorer, stored
   * fields, the JDK's sentence iterator) with the fragments {@link PageSnippets} asks for: two of
   * about 160 characters, marked with {@code <mark>}, joined by an ellipsis, HTML escaped.
   */
  private static String[] lucenesOwn(
      IndexSearcher searcher, Analyzer analyzer, Query highlight, ScoreDoc[] page)
      throws IOException {
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), 160, 0.5f))
            .build();
    TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    return highlighter.highlight(PassageFields.TEXT, highlight, docs, 2);
  }

  /**
   * Whether the page's matches come from {@link PageOffsets}, not from Lucene's strategy it falls
   * back on.
   */
  private static boolean takesTheFastPath(SearchRequest request) throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      SymptomQuery.Plan plan =
          new SymptomQuery(VOCABULARY, searcher.getIndexReader(), SearchFeatures.ALL).plan(request);
      return plan.highlight() == null
          || PageOffsets.of(
                  new UHComponents(
                      PassageFields.TEXT,
                      PassageFields.TEXT::equals,
                      plan.highlight(),
                      null,
                      null,
                      null,
                      false,
                      Set.of()),
                  searcher)
              != null;
    } finally {
      index.release(searcher);
    }
  }

  /**
   * The judged queries, quoted phrases and misspellings cut from the passages, and words of every
   * kind.
   */
  private static Set<String> queries() throws IOException {
    Set<String> queries =
        new LinkedHashSet<>(
            List.of(
                "\"lower back pain\" sciatica",
                "slipped disc",
                "\"sleep on your back\"",
                "back back pain",
                "pain pain pain",
                "sciatika when lying down",
                "herniated disk numbness",
                "\"the\"",
                "ache"));
    ObjectMapper json = Json.mapper();
    for (String file : List.of("/eval/dev-queries.json", "/eval/lay-queries.json")) {
      try (InputStream in = PageSnippetsTest.class.getResourceAsStream(file)) {
        for (JsonNode q : json.readTree(in).get("queries")) {
          queries.add(q.get("q").asText());
        }
      }
    }
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      String[] words = texts.get(random.nextInt(texts.size())).split("\\s+");
      int length = 2 + random.nextInt(3);
      int start = random.nextInt(Math.max(1, words.length - length));
      String phrase =
          String.join(" ", List.of(words).subList(start, Math.min(words.length, start + length)))
              .replaceAll("[^\\p{L}\\p{N}' ]", "");
      queries.add(
          switch (i % 3) {
            case 0 -> "\"" + phrase + "\"";
            case 1 -> phrase + " " + words[random.nextInt(words.length)];
            default -> misspelled(phrase, random);
          });
    }
    return queries;
  }

  private static String misspelled(String phrase, Random random) {
    if (phrase.length() < 6) {
      return phrase;
    }
    int at = 1 + random.nextInt(phrase.length() - 2);
    return phrase.substring(0, at) + phrase.substring(at + 1);
  }

  @Test
  void the_cached_break_iterator_answers_every_move_as_the_jdks_does() {
    Random random = new Random(3);
    for (String text : texts.subList(0, 300)) {
      BreakIterator expected = BreakIterator.getSentenceInstance(Locale.ROOT);
      BreakIterator actual =
          new CachedBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT));
      expected.setText(text);
      actual.setText(text);
      for (int step = 0; step < 60; step++) {
        int offset = random.nextInt(text.length() + 1);
        String move =
            switch (random.nextInt(8)) {
              case 0 -> "following";
              case 1 -> "preceding";
              case 2 -> "next";
              case 3 -> "previous";
              case 4 -> "first";
              case 5 -> "last";
              case 6 -> "isBoundary";
              default -> "next(n)";
            };
        int n = random.nextInt(5) - 2;
        assertThat(move(actual, move, offset, n))
            .as("%s(%d) in %s", move, offset, text)
            .isEqualTo(move(expected, move, offset, n));
        assertThat(actual.current())
            .as("current after %s(%d)", move, offset)
            .isEqualTo(expected.current());
      }
    }
  }

  @Test
  void the_cached_break_iterator_works_on_a_text_that_does_not_start_at_zero_and_on_an_empty_one() {
    BreakIterator cached = new CachedBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT));
    cached.setText(new StringCharacterIterator("xxHello there. Bye now.", 2, 23, 2));
    assertThat(cached.first()).isEqualTo(2);
    assertThat(cached.next()).isEqualTo(15);
    assertThat(cached.following(20)).isEqualTo(23);
    assertThat(cached.following(23)).isEqualTo(BreakIterator.DONE);
    assertThat(cached.preceding(2)).isEqualTo(BreakIterator.DONE);
    cached.setText("");
    assertThat(cached.first()).isZero();
    assertThat(cached.next()).isEqualTo(BreakIterator.DONE);
    assertThat(cached.following(0)).isEqualTo(BreakIterator.DONE);
  }

  private static int move(BreakIterator it, String move, int offset, int n) {
    return switch (move) {
      case "following" -> it.following(offset);
      case "preceding" -> it.preceding(offset);
      case "next" -> it.next();
      case "previous" -> it.previous();
      case "first" -> it.first();
      case "last" -> it.last();
      case "isBoundary" -> it.isBoundary(offset) ? 1 : 0;
      default -> it.next(n);
    };
  }
}
