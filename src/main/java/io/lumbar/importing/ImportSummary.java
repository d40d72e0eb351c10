package io.lumbar.importing;

/** The outcome of importing one article, as the command and the console report it. */
public record ImportSummary(
    String sourceName,
    long articleId,
    String title,
    boolean alreadyImported,
    int published,
    int rejected,
    int duplicates) {

  /** One line for people: what happened to this file. */
  public String describe() {
    if (alreadyImported) {
      return sourceName
          + ": already imported as article "
          + articleId
          + " (\""
          + title
          + "\"), nothing added";
    }
    return sourceName
        + ": imported as article "
        + articleId
        + " (\""
        + title
        + "\"): "
        + published
        + " passages kept, "
        + rejected
        + " rejected, "
        + duplicates
        + " duplicates";
  }
}
