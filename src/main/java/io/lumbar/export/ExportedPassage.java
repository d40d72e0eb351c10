package io.lumbar.export;

import io.lumbar.db.SectionPaths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One exported passage, as every format writes it and restore reads it. {@code originalText} is null when the
 * text was never edited; {@code duplicateOf} is the passage this one duplicates, if any; {@code sectionPath} holds
 * the headings above {@code heading}, outermost first.
 */
record ExportedPassage(long id, String text, String originalText, String heading, List<String> sectionPath, String status,
    String rejectReason, int position, Long duplicateOf, Article article, List<TagRef> causes, List<TagRef> treatments,
    int version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

  /** The section headings, outermost first, ending with {@code heading} when there is one. */
  List<String> headingPath() {
    return SectionPaths.headingPath(sectionPath, heading);
  }

  /**
   * The article a passage comes from; {@code source} is the file name or label it was imported from, {@code url}
   * the page it was taken from and {@code published} its publication date (each null when not known).
   */
  record Article(long id, String title, String publisher, String source, String url, LocalDate published) {}

  record TagRef(String slug, String name) {}
}
