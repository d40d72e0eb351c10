package io.lumbar.relevance;

import io.lumbar.indexing.PassageDocuments;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.QueryVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * Meaning only: the passages nearest to the query's vector in Lumbar's own index, words not
 * consulted. The yardstick for what hybrid ranking adds to plain vector search; it asks Lucene for
 * as many neighbours as hybrid search does and keeps those with a positive cosine similarity, as
 * the fusion does when no word matches.
 */
final class DenseRanker implements Ranker {
  /** Neighbours asked for at least, as hybrid search asks (more when {@code k} is larger). */
  private static final int NEIGHBOURS = 50;

  private final String name;
  private final PassageIndex index;
  private final QueryVectors vectors;

  DenseRanker(String name, PassageIndex index, QueryVectors vectors) {
    this.name = name;
    this.index = index;
    this.vectors = vectors;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> top(String query, int k) {
    float[] vector = vectors.of(query);
    if (vector == null) {
      return List.of();
    }
    int neighbours = Math.max(k, NEIGHBOURS);
    IndexSearcher searcher = index.acquire();
    try {
      StoredFields stored = searcher.storedFields();
      List<String> texts = new ArrayList<>();
      ScoreDoc[] nearest =
          searcher.search(
                  new KnnFloatVectorQuery(PassageFields.VECTOR, vector, neighbours, null),
                  neighbours)
              .scoreDocs;
      for (ScoreDoc hit : nearest) {
        // Lucene's dot-product score is (1 + cos) / 2.
        float cos = 2 * hit.score - 1;
        if (texts.size() == k || cos <= 0) {
          break;
        }
        texts.add(PassageDocuments.fromDocument(stored.document(hit.doc)).text());
      }
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }
}
