package io.lumbar.semantic;

import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.NearestPassages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * The tagged passages nearest in meaning to a passage, for suggested tags. The passage's vector
 * comes from the database, so it need not be published or indexed; a passage the worker has not
 * embedded yet (just imported or edited, pending or rejected) asks {@code byWords} instead, so
 * suggestions never wait for the worker.
 */
public final class VectorNeighbours implements NearestPassages {
  private final PassageIndex index;
  private final PassageVectors vectors;
  private final NearestPassages byWords;

  public VectorNeighbours(PassageIndex index, PassageVectors vectors, NearestPassages byWords) {
    this.index = index;
    this.vectors = vectors;
    this.byWords = byWords;
  }

  @Override
  public List<Neighbour> nearestTagged(long passageId, String heading, String text, int k) {
    Optional<float[]> vector = vectors.current(passageId);
    if (vector.isEmpty()) {
      return byWords.nearestTagged(passageId, heading, text, k);
    }
    IndexSearcher searcher = index.acquire();
    try {
      var query =
          new KnnFloatVectorQuery(
              PassageFields.VECTOR, vector.get(), k, NearestPassages.taggedOtherThan(passageId));
      var stored = searcher.storedFields();
      List<Neighbour> neighbours = new ArrayList<>(k);
      for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
        // Lucene's dot-product score is (1 + cosine) / 2; opposite meanings count as no similarity.
        neighbours.add(NearestPassages.neighbour(stored, hit.doc, Math.max(0, 2 * hit.score - 1)));
      }
      return neighbours;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }
}
