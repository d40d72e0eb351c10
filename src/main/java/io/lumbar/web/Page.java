package io.lumbar.web;

/** A typed page: the jte template that renders it and, as the object itself, all its data. */
public interface Page {
  /** Template path under src/main/jte, e.g. {@code search/search.jte}. */
  String template();
}
