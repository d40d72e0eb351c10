package io.lumbar.search;

import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageDocuments;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.QueryParser.ParsedQuery;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.web.BadRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

/** Turns a search request into a Lucene query, runs it on the current index view and shapes the answer. */
public final class SearchService {
  /** Score first; equal scores in passage-id order, so paging never repeats or skips a passage. */
  private static final Sort RANKING = new Sort(SortField.FIELD_SCORE, new SortField(PassageFields.ID_SORT, SortField.Type.LONG));
  private static final int SNIPPET_PASSAGES = 2;
  private static final int SNIPPET_FALLBACK_CHARS = 240;

  private final PassageIndex index;
  private final Analysis analysis;

  public SearchService(PassageIndex index, Analysis analysis) {
    this.index = index;
    this.analysis = analysis;
  }

  public SearchResponse search(SearchRequest request) {
    try {
      return run(request);
    } catch (IndexSearcher.TooManyClauses e) {
      // Synonym combinations of a long query can exceed Lucene's clause limit; that is the caller's to shorten.
      throw new BadRequestException("The query is too complex: use fewer words, phrases or filters");
    }
  }

  private SearchResponse run(SearchRequest request) {
    long started = System.nanoTime();
    Query query = buildQuery(request);
    if (query == null) {
      return new SearchResponse(request.query(), 0, elapsedMillis(started), List.of());
    }
    IndexSearcher searcher = index.acquire();
    try {
      TopFieldDocs top = searcher.search(query, request.offset() + request.limit(), RANKING, true);
      long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value() : searcher.count(query);
      ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length), top.scoreDocs.length);
      List<Hit> hits = toHits(searcher, query, top.totalHits, page);
      return new SearchResponse(request.query(), total, elapsedMillis(started), hits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /** Null when the text holds nothing searchable (only stop words or punctuation). */
  Query buildQuery(SearchRequest request) {
    ParsedQuery parsed = QueryParser.parse(request.query());
    QueryBuilder builder = new QueryBuilder(analysis.queryAnalyzer());
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean searchable = false;

    Query loose = looseWords(builder, parsed.looseText());
    if (loose != null) {
      query.add(loose, parsed.phrases().isEmpty() ? Occur.MUST : Occur.SHOULD);
      searchable = true;
    }
    for (String phrase : parsed.phrases()) {
      Query exact = anyField(builder.createPhraseQuery(PassageFields.TEXT, phrase), builder.createPhraseQuery(PassageFields.HEADING, phrase));
      if (exact != null) {
        query.add(exact, Occur.MUST);
        searchable = true;
      }
    }
    if (!searchable) {
      return null;
    }
    request.causes().forEach(slug -> query.add(new TermQuery(new Term(PassageFields.CAUSE, slug)), Occur.FILTER));
    request.treatments().forEach(slug -> query.add(new TermQuery(new Term(PassageFields.TREATMENT, slug)), Occur.FILTER));
    anyOf(PassageFields.ARTICLE_ID, request.articles(), query);
    return query.build();
  }

  /** Any word may match; words near each other and matches in the heading count more. */
  private static Query looseWords(QueryBuilder builder, String text) {
    if (text.isEmpty()) {
      return null;
    }
    Query inText = builder.createBooleanQuery(PassageFields.TEXT, text, Occur.SHOULD);
    if (inText == null) {
      return null;
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder().add(inText, Occur.SHOULD);
    Query inHeading = builder.createBooleanQuery(PassageFields.HEADING, text, Occur.SHOULD);
    if (inHeading != null) {
      words.add(new BoostQuery(inHeading, 0.5f), Occur.SHOULD);
    }
    Query near = builder.createPhraseQuery(PassageFields.TEXT, text, 3);
    if (near != null && !near.equals(inText)) {
      words.add(new BoostQuery(near, 2f), Occur.SHOULD);
    }
    return words.build();
  }

  private static Query anyField(Query a, Query b) {
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

  private List<Hit> toHits(IndexSearcher searcher, Query query, TotalHits totalHits, ScoreDoc[] page) throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analysis.indexAnalyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .build();
    String[] snippets = highlighter.highlight(PassageFields.TEXT, query, new TopDocs(totalHits, page), SNIPPET_PASSAGES);
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      IndexedPassage p = PassageDocuments.fromDocument(stored.document(page[i].doc));
      String snippet = snippets[i] != null ? snippets[i] : Snippets.leading(p.text(), SNIPPET_FALLBACK_CHARS);
      hits.add(new Hit(p.id(), p.articleId(), p.articleTitle(), p.heading(), p.position(), p.text(), snippet,
          page[i].score, p.causes(), p.treatments()));
    }
    return hits;
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
