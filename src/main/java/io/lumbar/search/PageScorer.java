package io.lumbar.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage scorer (BM25 over the passage's matches, same parameters, same arithmetic in the
 * same order), without its per-candidate {@code BytesRefHash}: that hash allocates a 32 KB block
 * for every candidate fragment of every hit, a fifth of the bytes a search allocated. A passage has
 * a handful of matches, so its distinct terms are found by comparing with the ones seen before, in
 * first-seen order as the hash numbers them; the scores are therefore identical, so is every
 * snippet.
 */
final class PageScorer extends PassageScorer {
  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    BytesRef[] distinct = new BytesRef[matches];
    int[] freqInPassage = new int[matches];
    int[] freqInDoc = new int[matches];
    int size = 0;
    for (int i = 0; i < matches; i++) {
      int id = 0;
      while (id < size && !distinct[id].bytesEquals(terms[i])) {
        id++;
      }
      if (id == size) {
        distinct[size++] = terms[i];
        freqInDoc[id] = freqsInDoc[i];
      }
      freqInPassage[id]++;
    }
    double score = 0;
    for (int i = 0; i < size; i++) {
      score += tf(freqInPassage[i], passage.getLength()) * weight(contentLength, freqInDoc[i]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
