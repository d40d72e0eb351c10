package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;

/**
 * More-like-this as related passages and tag suggestions both use it: a passage's most telling
 * words.
 */
final class SimilarText {
  private static final int MAX_QUERY_TERMS = 25;

  private SimilarText() {}

  /** Compares the text and heading fields with the index's own analysis. */
  static MoreLikeThis moreLikeThis(IndexReader reader, Vocabulary vocabulary)
      throws java.io.IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(vocabulary.analysis().indexAnalyzer());
    mlt.setFieldNames(new String[] {PassageFields.TEXT, PassageFields.HEADING});
    // A small corpus has few repeats; the defaults (2 and 5) would leave nothing to compare.
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
    return mlt;
  }
}
