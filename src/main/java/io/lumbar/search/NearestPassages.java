package io.lumbar.search;

import java.util.List;

/**
 * The passages most like a given one, among those editors have tagged: what tag suggestions vote with. The
 * lexical implementation ({@link LexicalNeighbours}) compares words; one comparing stored passage vectors can
 * take its place without the suggestions changing.
 */
public interface NearestPassages {
  /**
   * A similar passage: {@code similarity} in [0, 1] (1: as alike as the passage is to itself), and its cause and
   * treatment slugs.
   */
  record Neighbour(long id, double similarity, List<String> tags) {}

  /**
   * The {@code k} tagged passages most similar to passage {@code passageId}, most similar first, never the
   * passage itself. {@code heading} (may be null) and {@code text} are the passage's, given also for a passage
   * search does not hold (pending, rejected).
   */
  List<Neighbour> nearestTagged(long passageId, String heading, String text, int k);
}
