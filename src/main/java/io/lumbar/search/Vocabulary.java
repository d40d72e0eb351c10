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

  /** A cause or treatment, for pickers and suggestions in the console. */
  public record TagInfo(String kind, String slug, String name) {}

  /** Every active tag, causes first, by name. */
  public List<TagInfo> allTags() {
    return tags.all().stream().map(Vocabulary::info)
        .sorted(java.util.Comparator.comparing(TagInfo::kind).thenComparing(TagInfo::name)).toList();
  }

  /** Tags whose name or one of whose aliases occurs in {@code text}: suggestions for tagging a passage. */
  public List<TagInfo> suggestTags(String text) {
    return tags.matches(text).stream().map(Vocabulary::info).toList();
  }

  private static TagInfo info(TagTerms t) {
    return new TagInfo(t.kind(), t.slug(), t.name());
  }

  Analysis analysis() {
    return analysis;
  }

  TagMatcher tags() {
    return tags;
  }
}
