package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.VectorUtil;

/**
 * The meaning side of a search: the query's vector and its nearest passages, and how they are
 * fused.
 */
final class HybridSearch {
  /**
   * Nearest passages fetched per search (more when the page reaches further). Their similarities
   * also set the scale of the meaning evidence (the best of them), so this is a candidate pool, not
   * a page.
   */
  static final int NEAREST = 50;

  private final QueryVectors vectors;
  private final FusionWeights weights;

  HybridSearch(QueryVectors vectors, FusionWeights weights) {
    this.vectors = vectors;
    this.weights = weights;
  }

  FusionWeights weights() {
    return weights;
  }

  /**
   * The query's vector, or null when the meaning side has no say: quoted phrases ask for exact
   * words.
   */
  float[] queryVector(SearchRequest request) {
    return SymptomQuery.hasPhrases(request.query()) ? null : vectors.of(request.query());
  }

  /**
   * The cosine similarity of each of {@code docs} to {@code vector}, read from the documents' own
   * vectors (NaN for a passage without one): the lexical candidates' meaning, also beyond the
   * nearest {@link #NEAREST}.
   */
  static float[] similarities(IndexSearcher searcher, ScoreDoc[] docs, float[] vector)
      throws IOException {
    float[] result = new float[docs.length];
    java.util.Arrays.fill(result, Float.NaN);
    Integer[] byDoc = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      byDoc[i] = i;
    }
    // In document order, so each segment's vectors are read forward once.
    java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> docs[i].doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = -1;
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator iterator = null;
    int docBase = 0;
    for (int i : byDoc) {
      int doc = docs[i].doc;
      int leaf = ReaderUtil.subIndex(doc, leaves);
      if (leaf != leafIndex) {
        leafIndex = leaf;
        docBase = leaves.get(leaf).docBase;
        values = leaves.get(leaf).reader().getFloatVectorValues(PassageFields.VECTOR);
        iterator = values == null ? null : values.iterator();
      }
      if (iterator == null) {
        continue;
      }
      int target = doc - docBase;
      int at = iterator.docID() >= target ? iterator.docID() : iterator.advance(target);
      if (at == target) {
        result[i] = VectorUtil.dotProduct(vector, values.vectorValue(iterator.index()));
      }
    }
    return result;
  }

  /**
   * The {@code k} passages nearest to {@code vector} among those {@code filter} (null: all) lets
   * through.
   */
  ScoreDoc[] nearest(IndexSearcher searcher, float[] vector, Query filter, int k)
      throws IOException {
    return searcher.search(new KnnFloatVectorQuery(PassageFields.VECTOR, vector, k, filter), k)
        .scoreDocs;
  }
}
