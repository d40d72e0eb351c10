package io.lumbar.export;

import java.time.Instant;
import java.util.List;

/**
 * One exported passage, as every format writes it and restore reads it. {@code originalText} is null when the
 * text was never edited; {@code duplicateOf} is the passage this one duplicates, if any.
 */
record ExportedPassage(long id, String text, String originalText, String heading, String status, String rejectReason,
    int position, Long duplicateOf, Article article, List<TagRef> causes, List<TagRef> treatments, int version,
    Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

  /** The article a passage comes from; {@code source} is the file name or URL it was imported from. */
  record Article(long id, String title, String publisher, String source) {}

  record TagRef(String slug, String name) {}
}
