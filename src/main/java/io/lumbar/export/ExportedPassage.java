package io.lumbar.export;

import io.lumbar.db.SectionPaths;
import io.lumbar.indexing.TagRef;
import io.lumbar.indexing.TaggedPassageReader.Article;
import java.time.Instant;
import java.util.List;

/**
 * One exported passage, as every format writes it and restore reads it. {@code originalText} is
 * null when the text was never edited; {@code duplicateOf} is the passage this one duplicates, if
 * any; {@code sectionPath} holds the headings above {@code heading}, outermost first; rows of one
 * article share its {@code article} record.
 */
record ExportedPassage(
    long id,
    String text,
    String originalText,
    String heading,
    List<String> sectionPath,
    String status,
    String rejectReason,
    int position,
    Long duplicateOf,
    Article article,
    List<TagRef> causes,
    List<TagRef> treatments,
    int version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  /** The section headings, outermost first, ending with {@code heading} when there is one. */
  List<String> headingPath() {
    return SectionPaths.headingPath(sectionPath, heading);
  }
}
