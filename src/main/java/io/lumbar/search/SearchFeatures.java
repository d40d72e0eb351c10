package io.lumbar.search;

/**
 * The ranking features a search plan uses. The server searches with {@link #ALL}; checking whether
 * a corrected query finds anything runs without typo tolerance (the corrected words are index
 * terms). Each can be switched off alone, so what it is worth and costs can be measured (the
 * bench's {@code eval --ablation}).
 */
public record SearchFeatures(
    boolean synonyms,
    boolean exactBoost,
    boolean headingBoost,
    boolean proximity,
    boolean tagBoost,
    boolean typoTolerance,
    boolean facets,
    boolean snippets) {
  public static final SearchFeatures ALL =
      new SearchFeatures(true, true, true, true, true, true, true, true);
}
