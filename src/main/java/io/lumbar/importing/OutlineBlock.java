package io.lumbar.importing;

import java.util.List;

/**
 * One block of a page in reading order, before it is judged: a heading (level 1–6), a paragraph, a
 * whole list (one line per item, markers kept) or a table (one line per row). The evidence fields
 * come from the page: {@code linkShare} is the share of the text inside links (0 for plain text),
 * {@code inMain} whether the content extractor counted the block as part of the article (always
 * true for plain text), {@code chrome} whether it sits in the page's navigation, header, footer,
 * sidebar or a figure caption. {@code label} is the short lead of a long list item ("Sciatica —
 * ..."), which heads that item's passage.
 */
record OutlineBlock(
    Kind kind,
    int level,
    List<String> lines,
    String label,
    double linkShare,
    boolean inMain,
    String chrome) {

  enum Kind {
    HEADING,
    PARAGRAPH,
    LIST,
    TABLE
  }

  OutlineBlock {
    lines = List.copyOf(lines);
  }

  static OutlineBlock heading(int level, String text) {
    return new OutlineBlock(Kind.HEADING, level, List.of(text), null, 0, true, null);
  }

  static OutlineBlock paragraph(List<String> lines) {
    return new OutlineBlock(Kind.PARAGRAPH, 0, lines, null, 0, true, null);
  }

  static OutlineBlock list(List<String> items) {
    return new OutlineBlock(Kind.LIST, 0, items, null, 0, true, null);
  }

  String text() {
    return String.join("\n", lines);
  }

  boolean isHeading() {
    return kind == Kind.HEADING;
  }

  /**
   * A list, a table, a labelled list item or several lines: something a list intro may announce.
   */
  boolean listLike() {
    return kind == Kind.LIST || kind == Kind.TABLE || label != null || lines.size() > 1;
  }

  /** The same block counted as part of what the extractor took for the article. */
  OutlineBlock inArticle() {
    return new OutlineBlock(kind, level, lines, label, linkShare, true, chrome);
  }

  /** The same block in another page region (a section label found once its heading is seen). */
  OutlineBlock withChrome(String newChrome) {
    return new OutlineBlock(kind, level, lines, label, linkShare, inMain, newChrome);
  }

  /** The same text as if none of it were in links, to judge it by its words alone. */
  OutlineBlock withoutLinks() {
    return new OutlineBlock(kind, level, lines, label, 0, inMain, chrome);
  }

  OutlineBlock withLabel(String newLabel) {
    return new OutlineBlock(kind, level, lines, newLabel, linkShare, inMain, chrome);
  }
}
