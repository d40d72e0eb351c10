package io.lumbar.relevance;

import java.util.List;

/** Something that answers a query with ranked passage texts: Lumbar itself or a baseline. */
interface Ranker extends AutoCloseable {
  String name();

  /** The full texts of the best {@code k} passages for {@code query}, best first. */
  List<String> top(String query, int k);

  @Override
  default void close() {}
}
