package io.lumbar.search;

/**
 * Ranking features that can be switched off one by one, so {@code lumbar eval --ablation} can say
 * what each is worth and what it costs. The server always runs with {@link #ALL}.
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

  /** Every variant with exactly one feature off, named by the feature. */
  public static java.util.Map<String, SearchFeatures> ablations() {
    var variants = new java.util.LinkedHashMap<String, SearchFeatures>();
    variants.put("-synonyms", new SearchFeatures(false, true, true, true, true, true, true, true));
    variants.put("-exact", new SearchFeatures(true, false, true, true, true, true, true, true));
    variants.put("-heading", new SearchFeatures(true, true, false, true, true, true, true, true));
    variants.put("-proximity", new SearchFeatures(true, true, true, false, true, true, true, true));
    variants.put("-tags", new SearchFeatures(true, true, true, true, false, true, true, true));
    variants.put("-typos", new SearchFeatures(true, true, true, true, true, false, true, true));
    variants.put("-facets", new SearchFeatures(true, true, true, true, true, true, false, true));
    variants.put("-snippets", new SearchFeatures(true, true, true, true, true, true, true, false));
    return variants;
  }
}
