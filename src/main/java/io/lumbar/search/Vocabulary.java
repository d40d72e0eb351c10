package io.lumbar.search;

import io.lumbar.search.TagMatcher.TagTerms;
import java.util.List;

/**
 * What a search needs besides the index, built from the database and swapped whole when editors change
 * it: the analysis with their synonyms, and the taxonomy's names and aliases.
 */
public final class Vocabulary {
  private final Analysis analysis;
  private final TagMatcher tags;

  Vocabulary(Analysis analysis, List<TagTerms> tags) {
    this.analysis = analysis;
    this.tags = new TagMatcher(tags, analysis.stemmedAnalyzer());
  }

  /** The bundled synonyms and no taxonomy: for commands and tests that need no database. */
  public static Vocabulary bundled() {
    return new Vocabulary(Analysis.bundled(), List.of());
  }

  Analysis analysis() {
    return analysis;
  }

  TagMatcher tags() {
    return tags;
  }
}
