package io.lumbar.search;

import io.lumbar.search.TagMatcher.TagTerms;
import java.util.List;

/**
 * What a search needs besides the index, built from the database and swapped whole when editors
 * change it: the analysis with their synonyms, and the taxonomy's names and aliases.
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
    return tags.all().stream()
        .map(Vocabulary::info)
        .sorted(java.util.Comparator.comparing(TagInfo::kind).thenComparing(TagInfo::name))
        .toList();
  }

  /**
   * Suggestions for tagging a passage: tags whose name or an alias occurs in {@code text}, then
   * tags a search synonym of its words names ("ibuprofen" in the text, "advil" an alias of NSAIDs).
   */
  public List<TagInfo> suggestTags(String text) {
    return tagMentions(text).stream().map(TagMention::tag).toList();
  }

  /**
   * A tag a text names: {@code words} is the tag's name or alias as the taxonomy spells it; {@code
   * bySynonym} when the text says it only through a search synonym of those words.
   */
  public record TagMention(TagInfo tag, String words, boolean bySynonym) {}

  /** The tags of {@link #suggestTags}, each with the words that named it. */
  public List<TagMention> tagMentions(String text) {
    java.util.Map<String, TagMention> found = new java.util.LinkedHashMap<>();
    for (TagMatcher.Mention m : tags.named(text)) {
      found.putIfAbsent(m.tag().slug(), new TagMention(info(m.tag()), m.words(), false));
    }
    for (TagMatcher.Mention m :
        tags.mentionedAmong(
            new java.util.HashSet<>(SymptomQuery.tokens(analysis.synonymAnalyzer(), text)))) {
      found.putIfAbsent(m.tag().slug(), new TagMention(info(m.tag()), m.words(), true));
    }
    return List.copyOf(found.values());
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
