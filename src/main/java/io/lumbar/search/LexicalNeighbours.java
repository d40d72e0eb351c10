package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermStatistics;

/**
 * Nearest passages by their words: a more-like-this query of the passage's most telling words over
 * the live index, limited to tagged passages. A score is turned into a similarity by dividing it by
 * the score the passage itself would get, computed on the passage alone with the index's
 * statistics, so it works the same for a passage search does not hold.
 */
public final class LexicalNeighbours implements NearestPassages {
  private final PassageIndex index;
  private final Supplier<Vocabulary> vocabulary;

  public LexicalNeighbours(PassageIndex index, Supplier<Vocabulary> vocabulary) {
    this.index = index;
    this.vocabulary = vocabulary;
  }

  @Override
  public List<Neighbour> nearestTagged(long passageId, String heading, String text, int k) {
    IndexSearcher searcher = index.acquire();
    try {
      Vocabulary words = vocabulary.get();
      Map<String, Collection<Object>> fields = new LinkedHashMap<>();
      fields.put(PassageFields.TEXT, List.of(text));
      if (heading != null && !heading.isBlank()) {
        fields.put(PassageFields.HEADING, List.of(heading));
      }
      Query like = SimilarText.moreLikeThis(searcher.getIndexReader(), words).like(fields);
      double self = selfScore(searcher, like, fields, words);
      if (!(self > 0)) {
        return List.of();
      }
      Query query =
          new BooleanQuery.Builder()
              .add(like, Occur.MUST)
              .add(NearestPassages.taggedOtherThan(passageId), Occur.FILTER)
              .build();
      StoredFields stored = searcher.storedFields();
      List<Neighbour> nearest = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
        nearest.add(NearestPassages.neighbour(stored, hit.doc, Math.min(1, hit.score / self)));
      }
      return nearest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /** The query's score on the passage alone, with the live index's term and field statistics. */
  private static double selfScore(
      IndexSearcher live, Query like, Map<String, Collection<Object>> fields, Vocabulary words)
      throws IOException {
    MemoryIndex alone = new MemoryIndex();
    alone.setSimilarity(live.getSimilarity());
    fields.forEach(
        (field, values) ->
            alone.addField(
                field, (String) values.iterator().next(), words.analysis().indexAnalyzer()));
    IndexReader liveReader = live.getIndexReader();
    IndexSearcher searcher =
        new IndexSearcher(alone.createSearcher().getIndexReader()) {
          @Override
          public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq)
              throws IOException {
            int liveDocFreq = liveReader.docFreq(term);
            return liveDocFreq == 0
                ? super.termStatistics(term, docFreq, totalTermFreq)
                : new TermStatistics(term.bytes(), liveDocFreq, liveReader.totalTermFreq(term));
          }

          @Override
          public CollectionStatistics collectionStatistics(String field) throws IOException {
            CollectionStatistics stats = live.collectionStatistics(field);
            return stats == null ? super.collectionStatistics(field) : stats;
          }
        };
    searcher.setSimilarity(live.getSimilarity());
    ScoreDoc[] hits = searcher.search(like, 1).scoreDocs;
    return hits.length == 0 ? 0 : hits[0].score;
  }
}
