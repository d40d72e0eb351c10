package io.lumbar.indexing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A tag as shown with a passage, the one type for every reader of passages (search hits, the public
 * passage, the editor, the index, exports). {@code kind} is {@code cause} or {@code treatment};
 * JSON leaves it out because a tag is always written under {@code causes} or {@code treatments},
 * which say it.
 */
@JsonIgnoreProperties("kind")
public record TagRef(String kind, String slug, String name) {
  public static final String CAUSE = "cause";
  public static final String TREATMENT = "treatment";
}
