package io.lumbar.search;

import org.jsoup.nodes.Entities;

/** Snippet text for passages where no query word matched the body (e.g. a heading-only match). */
final class Snippets {
  private Snippets() {}

  /** The first {@code max} characters, cut at a word boundary, HTML-escaped. */
  static String leading(String text, int max) {
    String cut = text;
    if (text.length() > max) {
      int space = text.lastIndexOf(' ', max);
      cut = text.substring(0, space > max / 2 ? space : max) + " …";
    }
    return escape(cut);
  }

  static String escape(String text) {
    return Entities.escape(text);
  }
}
