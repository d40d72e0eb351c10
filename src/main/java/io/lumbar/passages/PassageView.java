package io.lumbar.passages;

import io.lumbar.indexing.TagRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A passage as the public API shows it: with its article and tags. {@code headingPath} is the
 * section headings above the passage, outermost first, ending with {@code heading} when it has one.
 */
public record PassageView(
    long id,
    String heading,
    List<String> headingPath,
    String text,
    int position,
    String status,
    int version,
    Instant createdAt,
    Instant updatedAt,
    ArticleRef article,
    List<TagRef> causes,
    List<TagRef> treatments) {

  /**
   * Where the passage comes from: {@code url} of the source page and {@code published} date, when
   * known.
   */
  public record ArticleRef(
      long id, String title, String publisher, String url, LocalDate published) {}
}
