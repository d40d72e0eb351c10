package io.lumbar.indexing;

import io.lumbar.db.Database;

/** Builds the indexing parts that only this package knows how to put together. */
public final class Indexing {
  private Indexing() {}

  public static IndexFollower follower(PassageIndex index, Database db) {
    return new IndexFollower(index, new IndexSource(db));
  }
}
