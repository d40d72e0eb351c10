package io.lumbar.semantic;

import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.IndexedPassage.TagRef;
import io.lumbar.indexing.PassageDocuments;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The published passages nearest in meaning to a given passage, e.g. its tagged neighbours, whose tags can be
 * suggested for it (issue 17, suggested tags). The passage's vector comes from the database, so it need not be
 * published or indexed; the neighbours come from the index's vector field.
 */
public final class NearestPassages {
  /** A neighbour: its id, cosine similarity to the passage, and tags. */
  public record Neighbour(long passageId, float similarity, List<TagRef> causes, List<TagRef> treatments) {}

  private final PassageIndex index;
  private final PassageVectors vectors;

  public NearestPassages(PassageIndex index, PassageVectors vectors) {
    this.index = index;
    this.vectors = vectors;
  }

  /** Up to {@code k} tagged passages nearest to passage {@code passageId}, nearest first; none while it has no vector. */
  public List<Neighbour> nearestTagged(long passageId, int k) {
    float[] vector = vectors.current(passageId).orElse(null);
    if (vector == null) {
      return List.of();
    }
    BooleanQuery tagged = new BooleanQuery.Builder()
        .add(new FieldExistsQuery(PassageFields.CAUSE), Occur.SHOULD)
        .add(new FieldExistsQuery(PassageFields.TREATMENT), Occur.SHOULD)
        .setMinimumNumberShouldMatch(1)
        .add(new TermQuery(new Term(PassageFields.ID, Long.toString(passageId))), Occur.MUST_NOT)
        .build();
    IndexSearcher searcher = index.acquire();
    try {
      List<Neighbour> neighbours = new ArrayList<>(k);
      var stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(PassageFields.VECTOR, vector, k, tagged), k).scoreDocs) {
        IndexedPassage p = PassageDocuments.fromDocument(stored.document(hit.doc));
        // Lucene's dot-product score is (1 + cosine) / 2.
        neighbours.add(new Neighbour(p.id(), 2 * hit.score - 1, p.causes(), p.treatments()));
      }
      return neighbours;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }
}
