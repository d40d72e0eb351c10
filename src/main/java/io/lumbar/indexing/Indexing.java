package io.lumbar.indexing;

import io.lumbar.db.Database;

/** Builds the indexing parts that only this package knows how to put together. */
public final class Indexing {
  private Indexing() {}

  /**
   * Threads a full rebuild adds documents on: every core, up to four (reading MariaDB needs one
   * too).
   */
  public static int rebuildThreads() {
    return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  public static IndexFollower follower(PassageIndex index, Database db) {
    return follower(index, db, null);
  }

  /**
   * A follower whose documents carry the stored vectors of {@code vectorModel} (null: none, lexical
   * only).
   */
  public static IndexFollower follower(PassageIndex index, Database db, String vectorModel) {
    return new IndexFollower(index, new IndexSource(db, vectorModel));
  }
}
