package io.lumbar.indexing;

import io.lumbar.db.SectionPaths;
import java.time.LocalDate;
import java.util.List;

/**
 * What the index holds of one published passage: enough to answer a search without the database.
 * {@code sectionPath} holds the headings above {@code heading}, outermost first; {@code source} is
 * where the article was published; {@code vector} is its current sentence embedding (semantic
 * search), or null when it has none yet or semantic search is off.
 */
public record IndexedPassage(
    long id,
    long articleId,
    String articleTitle,
    String heading,
    String text,
    int position,
    List<TagRef> causes,
    List<TagRef> treatments,
    List<String> sectionPath,
    Provenance source,
    float[] vector) {

  /**
   * The section headings, outermost first, ending with the passage's own heading when it has one.
   */
  public List<String> headingPath() {
    return SectionPaths.headingPath(sectionPath, heading);
  }

  /** Where the article was published; each part null when not known. */
  public record Provenance(String url, String publisher, LocalDate published) {
    public static final Provenance UNKNOWN = new Provenance(null, null, null);
  }
}
