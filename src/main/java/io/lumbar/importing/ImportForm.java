package io.lumbar.importing;

/**
 * What an editor typed into the import form, shown again when the import is refused. {@code url} is
 * the page the article was taken from, {@code published} its publication date as typed (YYYY-MM-DD
 * from a date input).
 */
public record ImportForm(
    String title, String publisher, String url, String published, String text) {
  static final ImportForm EMPTY = new ImportForm(null, null, null, null, null);

  public String value(String s) {
    return s == null ? "" : s;
  }
}
