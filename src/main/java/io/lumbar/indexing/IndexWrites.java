package io.lumbar.indexing;

import java.io.IOException;

/**
 * What the change-log follower does to an index: the live one, or a rebuilt one catching up before
 * the swap.
 */
interface IndexWrites {
  /** Adds the passage, or replaces the document with the same id. */
  void replace(IndexedPassage passage) throws IOException;

  void delete(long passageId) throws IOException;

  /** Makes everything written so far durable, together with the change-log position it reflects. */
  default void commit(long position) throws IOException {
    commit(position, "");
  }

  /**
   * The same, with the follower's state above {@code position} (the changes applied beyond it and
   * the holes still open, see {@link IndexFollower}), so a restart goes on exactly from there
   * instead of replaying past the holes.
   */
  void commit(long position, String followed) throws IOException;

  /** Makes everything written so far visible to new searches. */
  void refresh() throws IOException;
}
