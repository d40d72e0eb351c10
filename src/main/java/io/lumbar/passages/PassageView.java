package io.lumbar.passages;

import java.time.Instant;
import java.util.List;

/** A passage as the public API shows it: with its article and tags. */
record PassageView(
    long id,
    String heading,
    String text,
    int position,
    String status,
    int version,
    Instant createdAt,
    Instant updatedAt,
    ArticleRef article,
    List<TagRef> causes,
    List<TagRef> treatments) {

  record ArticleRef(long id, String title, String publisher) {}

  record TagRef(String slug, String name) {}
}
