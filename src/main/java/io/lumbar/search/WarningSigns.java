package io.lumbar.search;

import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageDocuments;
import io.lumbar.indexing.PassageFields;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.search.SearchResponse.WarningSign;
import io.lumbar.search.TagMatcher.TagTerms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Warning signs first. Everything here comes from the taxonomy editors keep, never from phrases in
 * code:
 *
 * <ul>
 *   <li>A query <em>describes warning signs</em> when it names a tag marked as a warning sign: its
 *       name or an alias occurs in the query as consecutive words after stemming (as tags are
 *       matched for ranking), or a one- or two-word name or alias is among the query's words
 *       expanded by the search synonyms (the bundled list and editors' rules), in any order.
 *   <li>The callout holds the passages tagged with a warning-sign <em>treatment</em> (the advice to
 *       seek care), at most {@link #MAX_PASSAGES}, best first: those also tagged with a
 *       warning-sign cause the query named, then by how well they match the query, then in passage
 *       order. When the taxonomy marks no treatment, the passages tagged with the warning-sign tags
 *       the query named.
 * </ul>
 *
 * The request's filters do not apply: a filtered search that describes warning signs still shows
 * them.
 */
final class WarningSigns {
  static final int MAX_PASSAGES = 3;
  private static final int SNIPPET_CHARS = 240;

  /**
   * Above any query score: a passage about the named cause's warning signs comes before better word
   * matches.
   */
  private static final float NAMED_CAUSE_WEIGHT = 1_000f;

  private WarningSigns() {}

  /**
   * The warning signs {@code query} describes with the passages to show first; null when it
   * describes none.
   */
  static SearchResponse.WarningSigns find(
      IndexSearcher searcher, Vocabulary words, SearchFeatures features, String query)
      throws IOException {
    List<TagMatcher.Mention> named = named(words, query);
    if (named.isEmpty()) {
      return null;
    }
    List<WarningSign> signs =
        named.stream()
            .map(m -> new WarningSign(m.tag().kind(), m.tag().slug(), m.tag().name(), m.words()))
            .toList();
    Query advice = advice(words, named);
    BooleanQuery.Builder ranking = new BooleanQuery.Builder().add(advice, Occur.FILTER);
    for (TagMatcher.Mention m : named) {
      if (m.tag().kind().equals("cause")) {
        Query aboutCause =
            new ConstantScoreQuery(new TermQuery(new Term(PassageFields.CAUSE, m.tag().slug())));
        ranking.add(new BoostQuery(aboutCause, NAMED_CAUSE_WEIGHT), Occur.SHOULD);
      }
    }
    Query matches =
        new SymptomQuery(words, searcher.getIndexReader(), features)
            .plan(SearchRequest.firstPage(query, MAX_PASSAGES))
            .query();
    if (matches != null) {
      ranking.add(matches, Occur.SHOULD);
    }
    TopDocs top = searcher.search(ranking.build(), MAX_PASSAGES);
    StoredFields stored = searcher.storedFields();
    Set<String> queryTerms = Snippets.queryTerms(query, words.analysis().synonymAnalyzer());
    List<Hit> passages = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      IndexedPassage p = PassageDocuments.fromDocument(stored.document(doc.doc));
      String snippet =
          Snippets.bestSentence(
              p.text(), queryTerms, words.analysis().stemmedAnalyzer(), SNIPPET_CHARS);
      passages.add(Hit.of(p, snippet, doc.score));
    }
    return new SearchResponse.WarningSigns(signs, passages);
  }

  /** The warning-sign tags the query names, each once, in the order of the taxonomy. */
  static List<TagMatcher.Mention> named(Vocabulary words, String query) {
    TagMatcher tags = words.tags();
    Map<String, TagMatcher.Mention> found = new LinkedHashMap<>();
    for (TagMatcher.Mention m : tags.named(query)) {
      if (m.tag().warningSign()) {
        found.putIfAbsent(m.tag().slug(), m);
      }
    }
    if (tags.all().stream().anyMatch(TagTerms::warningSign)) {
      Set<String> expanded =
          new HashSet<>(SymptomQuery.tokens(words.analysis().synonymAnalyzer(), query));
      for (TagMatcher.Mention m : tags.mentionedAmong(expanded)) {
        if (m.tag().warningSign()) {
          found.putIfAbsent(m.tag().slug(), m);
        }
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * Passages tagged with a warning-sign treatment; with the named tags when the taxonomy marks no
   * treatment.
   */
  private static Query advice(Vocabulary words, List<TagMatcher.Mention> named) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    List<TagTerms> treatments =
        words.tags().all().stream()
            .filter(t -> t.warningSign() && t.kind().equals("treatment"))
            .toList();
    List<TagTerms> tags =
        treatments.isEmpty() ? named.stream().map(TagMatcher.Mention::tag).toList() : treatments;
    for (TagTerms t : tags) {
      any.add(
          new TermQuery(
              new Term(
                  t.kind().equals("cause") ? PassageFields.CAUSE : PassageFields.TREATMENT,
                  t.slug())),
          Occur.SHOULD);
    }
    return any.build();
  }
}
