package io.lumbar.search;

import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageDocuments;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.SearchResponse.FacetCount;
import io.lumbar.search.SearchResponse.Facets;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.search.SearchResponse.TotalRelation;
import io.lumbar.search.SymptomQuery.Plan;
import io.lumbar.web.BadRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Runs a search on the current index view and shapes the answer: ranked hits, snippets, facets,
 * corrections.
 */
public final class SearchService {
  /** Score first; equal scores in passage-id order, so paging never repeats or skips a passage. */
  private static final Sort RANKING =
      new Sort(SortField.FIELD_SCORE, new SortField(PassageFields.ID_SORT, SortField.Type.LONG));

  /**
   * Totals are exact up to here and a lower bound above ({@code totalRelation} "gte"): counting
   * every match of a common word would make every search visit every passage, instead of skipping
   * those that cannot reach the top.
   */
  static final int EXACT_TOTAL_UP_TO = 1_000;

  /**
   * The best matches the plan's boosts are added to before the page is cut from them (more when the
   * page reaches further), and whose tags the facets count (all matches, when there are no more).
   */
  static final int BEST_MATCHES = 100;

  static final int FACET_SAMPLE = BEST_MATCHES;
  private static final int SNIPPET_FALLBACK_CHARS = 240;

  private final PassageIndex index;
  private final Supplier<Vocabulary> vocabulary;
  private final SearchFeatures features;
  private final PageSnippets snippets = new PageSnippets();

  /** The meaning side of hybrid ranking; null: lexical only, exactly as before semantic search. */
  private final HybridSearch hybrid;

  /** Plans and corrections of the current index view and vocabulary, for searches that repeat. */
  private final PlanningCache planning = new PlanningCache();

  public SearchService(PassageIndex index, Supplier<Vocabulary> vocabulary) {
    this(index, vocabulary, SearchFeatures.ALL);
  }

  public SearchService(
      PassageIndex index, Supplier<Vocabulary> vocabulary, SearchFeatures features) {
    this(index, vocabulary, features, null);
  }

  /**
   * Hybrid search: lexical candidates fused with the nearest passages by meaning ({@code vectors}
   * embeds queries), weighed by {@code fusion} ({@link FusionWeights#DEFAULT} unless configured).
   */
  public static SearchService hybrid(
      PassageIndex index,
      Supplier<Vocabulary> vocabulary,
      QueryVectors vectors,
      FusionWeights fusion) {
    return new SearchService(
        index, vocabulary, SearchFeatures.ALL, new HybridSearch(vectors, fusion));
  }

  SearchService(
      PassageIndex index,
      Supplier<Vocabulary> vocabulary,
      SearchFeatures features,
      HybridSearch hybrid) {
    this.index = index;
    this.vocabulary = vocabulary;
    this.features = features;
    this.hybrid = hybrid;
  }

  public SearchResponse search(SearchRequest request) {
    return search(request, false);
  }

  /**
   * A search; with {@code explain}, each hit says how it was found and scored ({@code ?debug=1}).
   */
  public SearchResponse search(SearchRequest request, boolean explain) {
    try {
      return run(request, explain).withWarningSigns(warningSigns(request.query()));
    } catch (IndexSearcher.TooManyClauses e) {
      // Synonym combinations of a long query can exceed Lucene's clause limit; that is the caller's
      // to shorten.
      throw new BadRequestException(
          "The query is too complex: use fewer words, phrases or filters");
    }
  }

  /** The warning signs {@code query} describes, with the passages to show first; null when none. */
  private SearchResponse.WarningSigns warningSigns(String query) {
    Vocabulary words = vocabulary.get();
    IndexSearcher searcher = index.acquire();
    try {
      if (!planning
          .of(searcher.getIndexReader(), words)
          .namesWarningSigns(query, q -> !WarningSigns.named(words, q).isEmpty())) {
        return null;
      }
      return WarningSigns.find(searcher, words, features, query);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  private SearchResponse run(SearchRequest request, boolean explain) {
    long started = System.nanoTime();
    Vocabulary words = vocabulary.get();
    IndexSearcher searcher = index.acquire();
    try {
      PlanningCache.View cached = planning.of(searcher.getIndexReader(), words);
      SymptomQuery planner =
          new SymptomQuery(words, searcher.getIndexReader(), features, cached.corrections());
      Plan plan = cached.plan(request, planner::plan);
      if (plan.query() == null) {
        return SearchResponse.empty(request.query(), elapsedMillis(started));
      }
      if (hybrid != null) {
        float[] vector = hybrid.queryVector(request);
        if (vector != null) {
          return fused(request, explain, started, words, searcher, plan, vector);
        }
      }
      int wanted = request.offset() + request.limit();
      Lexical lexical = lexical(searcher, plan, wanted);
      FieldDoc[] ranked = lexical.ranked();
      Facets facets = features.facets() ? facets(searcher, ranked, words.tags()) : Facets.NONE;
      ScoreDoc[] page =
          Arrays.copyOfRange(
              ranked, Math.min(request.offset(), ranked.length), Math.min(wanted, ranked.length));
      for (ScoreDoc doc : page) {
        // The score is the first sort value; no second scoring pass.
        doc.score = (Float) ((FieldDoc) doc).fields[0];
      }
      List<Hit> hits =
          toHits(
              searcher,
              words,
              plan,
              request.query(),
              page,
              explain ? lexicalExplanations(page) : null);
      String didYouMean = didYouMean(request, plan, words, searcher);
      boolean exact = lexical.total().relation() == TotalHits.Relation.EQUAL_TO;
      return new SearchResponse(
          request.query(),
          lexical.total().value(),
          exact ? TotalRelation.EXACT : TotalRelation.LOWER_BOUND,
          elapsedMillis(started),
          hits,
          facets,
          didYouMean);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /**
   * The lexical candidates (as the lexical search ranks them) fused with the nearest passages by
   * meaning under the same filters; totals, facets and the page come from the fused ranking.
   */
  private SearchResponse fused(
      SearchRequest request,
      boolean explain,
      long started,
      Vocabulary words,
      IndexSearcher searcher,
      Plan plan,
      float[] vector)
      throws IOException {
    int wanted = request.offset() + request.limit();
    Lexical byWords = lexical(searcher, plan, wanted);
    FieldDoc[] lexical = byWords.ranked();
    for (FieldDoc doc : lexical) {
      doc.score = (Float) doc.fields[0];
    }
    TotalHits lexicalTotal = byWords.total();
    ScoreDoc[] nearest =
        hybrid.nearest(
            searcher, vector, SymptomQuery.filter(request), Math.max(wanted, HybridSearch.NEAREST));
    float[] lexicalSimilarity = HybridSearch.similarities(searcher, lexical, vector);
    List<HybridFusion.Fused> fused =
        HybridFusion.fuse(lexical, lexicalSimilarity, nearest, hybrid.weights());
    ScoreDoc[] ranked = new ScoreDoc[fused.size()];
    long meaningOnly = 0;
    for (int i = 0; i < ranked.length; i++) {
      HybridFusion.Fused f = fused.get(i);
      ranked[i] = new ScoreDoc(f.doc(), f.score());
      meaningOnly += f.side() == HybridFusion.Side.MEANING ? 1 : 0;
    }
    Facets facets = features.facets() ? facets(searcher, ranked, words.tags()) : Facets.NONE;
    int from = Math.min(request.offset(), ranked.length);
    int to = Math.min(wanted, ranked.length);
    ScoreDoc[] page = Arrays.copyOfRange(ranked, from, to);
    Hit.Explain[] explanations = null;
    if (explain) {
      explanations = new Hit.Explain[page.length];
      for (int i = 0; i < page.length; i++) {
        HybridFusion.Fused f = fused.get(from + i);
        explanations[i] =
            new Hit.Explain(
                f.side().json,
                Float.isNaN(f.lexical()) ? null : f.lexical(),
                Float.isNaN(f.similarity()) ? null : f.similarity(),
                f.score());
      }
    }
    List<Hit> hits = toHits(searcher, words, plan, request.query(), page, explanations);
    String didYouMean = didYouMean(request, plan, words, searcher);
    boolean exact = lexicalTotal.relation() == TotalHits.Relation.EQUAL_TO;
    return new SearchResponse(
        request.query(),
        lexicalTotal.value() + meaningOnly,
        exact ? TotalRelation.EXACT : TotalRelation.LOWER_BOUND,
        elapsedMillis(started),
        hits,
        facets,
        didYouMean);
  }

  /** The lexical ranking (best matches with the plan's boosts) and how many passages matched. */
  private record Lexical(FieldDoc[] ranked, TotalHits total) {}

  /**
   * The plan's best matches by words, at least {@link #BEST_MATCHES} and as many as the page
   * reaches; each one's score is still its first sort value.
   */
  private static Lexical lexical(IndexSearcher searcher, Plan plan, int wanted) throws IOException {
    // Counting stops being exact at EXACT_TOTAL_UP_TO: past it Lucene may skip matches that cannot
    // reach the top.
    int collected = Math.max(wanted, BEST_MATCHES);
    TopFieldDocs docs =
        searcher.search(
            plan.query(),
            new TopFieldCollectorManager(RANKING, collected, null, EXACT_TOTAL_UP_TO));
    FieldDoc[] ranked = Arrays.copyOf(docs.scoreDocs, docs.scoreDocs.length, FieldDoc[].class);
    if (plan.boosts() != null) {
      ranked = BestMatchBoosts.apply(searcher, plan.boosts(), ranked);
    }
    return new Lexical(ranked, docs.totalHits);
  }

  private static Hit.Explain[] lexicalExplanations(ScoreDoc[] page) {
    Hit.Explain[] explanations = new Hit.Explain[page.length];
    for (int i = 0; i < page.length; i++) {
      explanations[i] =
          new Hit.Explain(HybridFusion.Side.LEXICAL.json, page[i].score, null, page[i].score);
    }
    return explanations;
  }

  /** The corrected query, offered only when it finds something. */
  private String didYouMean(
      SearchRequest request, Plan plan, Vocabulary words, IndexSearcher searcher)
      throws IOException {
    if (plan.corrections().isEmpty()) {
      return null;
    }
    String corrected = SymptomQuery.corrected(request.query(), plan.corrections());
    if (corrected.equalsIgnoreCase(request.query())) {
      return null;
    }
    // Checked without typo tolerance: the corrected words are index terms, and correcting again
    // costs time.
    SearchFeatures exactOnly =
        new SearchFeatures(
            features.synonyms(),
            features.exactBoost(),
            features.headingBoost(),
            features.proximity(),
            features.tagBoost(),
            false,
            features.facets(),
            features.snippets());
    SearchRequest correctedRequest =
        new SearchRequest(
            corrected, 1, 0, request.causes(), request.treatments(), request.articles());
    boolean finds =
        planning
            .of(searcher.getIndexReader(), words)
            .correctedFinds(
                correctedRequest,
                check -> {
                  Query query =
                      new SymptomQuery(words, searcher.getIndexReader(), exactOnly)
                          .plan(check)
                          .query();
                  try {
                    return query != null && anyMatch(searcher, query);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    return finds ? corrected : null;
  }

  /**
   * Whether some live passage matches: stops at the first, where counting them all visits every
   * match.
   */
  private static boolean anyMatch(IndexSearcher searcher, Query query) throws IOException {
    return LiveMatches.count(searcher, query, 1) > 0;
  }

  private static Facets facets(IndexSearcher searcher, ScoreDoc[] ranked, TagMatcher tags)
      throws IOException {
    ScoreDoc[] sample = ranked.length > FACET_SAMPLE ? Arrays.copyOf(ranked, FACET_SAMPLE) : ranked;
    TagFacets.Counts counts = TagFacets.count(searcher.getIndexReader(), sample);
    return new Facets(
        sorted(counts.causes(), tags), sorted(counts.treatments(), tags), sample.length);
  }

  private static List<FacetCount> sorted(Map<String, Integer> counts, TagMatcher tags) {
    return counts.entrySet().stream()
        .map(e -> new FacetCount(e.getKey(), tags.nameOf(e.getKey()), e.getValue()))
        .sorted(
            Comparator.comparingInt(FacetCount::count).reversed().thenComparing(FacetCount::name))
        .toList();
  }

  private List<Hit> toHits(
      IndexSearcher searcher,
      Vocabulary words,
      Plan plan,
      String query,
      ScoreDoc[] page,
      Hit.Explain[] explanations)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    List<IndexedPassage> passages = new ArrayList<>(page.length);
    for (ScoreDoc doc : page) {
      passages.add(PassageDocuments.fromDocument(stored.document(doc.doc)));
    }
    String[] snippets =
        features.snippets()
            ? snippets(searcher, words, plan, page, passages)
            : new String[page.length];
    Set<String> queryTerms = null;
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      IndexedPassage p = passages.get(i);
      String snippet = snippets[i];
      if (snippet == null && hybrid == null) {
        // Words only (semantic off): a match in the heading alone shows the passage's opening, as
        // it always has.
        snippet = Snippets.leading(p.text(), SNIPPET_FALLBACK_CHARS);
      } else if (snippet == null) {
        // No query word in the body (found by meaning, or by its heading): the sentence nearest the
        // query's words.
        queryTerms =
            queryTerms != null
                ? queryTerms
                : Snippets.queryTerms(query, words.analysis().synonymAnalyzer());
        snippet =
            Snippets.bestSentence(
                p.text(), queryTerms, words.analysis().stemmedAnalyzer(), SNIPPET_FALLBACK_CHARS);
      }
      hits.add(Hit.of(p, snippet, page[i].score, explanations == null ? null : explanations[i]));
    }
    return hits;
  }

  /**
   * Fragments around the densest matches; only words the query matched (synonyms and corrections
   * included) are marked.
   */
  private String[] snippets(
      IndexSearcher searcher,
      Vocabulary words,
      Plan plan,
      ScoreDoc[] page,
      List<IndexedPassage> passages)
      throws IOException {
    Map<Integer, String> texts = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      texts.put(page[i].doc, passages.get(i).text());
    }
    return snippets.highlight(
        searcher, words.analysis().indexAnalyzer(), plan.highlight(), page, texts);
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
