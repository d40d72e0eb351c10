package io.lumbar.passages;

import io.lumbar.indexing.TagRef;
import java.time.Instant;
import java.util.List;

/**
 * A passage as editors see it: any status, its original text, version and tags. {@code sectionPath}
 * holds the headings above {@code heading}, outermost first; they come from the article's structure
 * and are not edited here.
 */
public record EditablePassage(
    long id,
    long articleId,
    String articleTitle,
    int position,
    List<String> sectionPath,
    String heading,
    String text,
    String originalText,
    String status,
    String rejectReason,
    int version,
    Instant updatedAt,
    String updatedBy,
    Long duplicateOf,
    List<TagRef> tags) {

  public boolean edited() {
    return !text.equals(originalText);
  }
}
