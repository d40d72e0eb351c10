package io.lumbar.importing;

/** What an editor typed into the import form, shown again when the import is refused. */
public record ImportForm(String title, String publisher, String text) {
  static final ImportForm EMPTY = new ImportForm(null, null, null);

  public String value(String s) {
    return s == null ? "" : s;
  }
}
