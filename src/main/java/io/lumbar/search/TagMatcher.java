package io.lumbar.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * Finds the causes and treatments a query names: a tag matches when its name or one of its lay
 * aliases occurs in the query as consecutive words, compared after stemming ("pinched nerves" names
 * the alias "pinched nerve"). Matched tags boost the passages editors tagged with them.
 */
final class TagMatcher {
  /**
   * A cause or treatment as search sees it; {@code warningSign} when editors marked it as one (a
   * query naming it shows the advice to see a doctor first, see {@link WarningSigns}).
   */
  record TagTerms(
      String kind, String slug, String name, List<String> aliases, boolean warningSign) {
    TagTerms(String kind, String slug, String name, List<String> aliases) {
      this(kind, slug, name, aliases, false);
    }
  }

  private record Form(String words, List<String> tokens, TagTerms tag) {}

  /** A tag found in a text, with the name or alias that named it as the taxonomy spells it. */
  record Mention(TagTerms tag, String words) {}

  private final Analyzer analyzer;
  private final List<Form> forms = new ArrayList<>();
  private final java.util.Set<String> words = new java.util.HashSet<>();
  private final Map<String, TagTerms> bySlug = new LinkedHashMap<>();

  TagMatcher(List<TagTerms> tags, Analyzer analyzer) {
    this.analyzer = analyzer;
    for (TagTerms tag : tags) {
      bySlug.put(tag.slug(), tag);
      add(tag.name(), tag);
      tag.aliases().forEach(alias -> add(alias, tag));
    }
  }

  private void add(String words, TagTerms tag) {
    List<String> tokens = SymptomQuery.tokens(analyzer, words);
    if (!tokens.isEmpty()) {
      forms.add(new Form(words, tokens, tag));
      this.words.addAll(tokens);
    }
  }

  /** Tags named in the query, each once, in the order of the taxonomy. */
  List<TagTerms> matches(String query) {
    return named(query).stream().map(Mention::tag).toList();
  }

  /** Like {@link #matches}, with the first name or alias found for each tag. */
  List<Mention> named(String text) {
    List<String> words = SymptomQuery.tokens(analyzer, text);
    return found(form -> Collections.indexOfSubList(words, form.tokens()) >= 0);
  }

  /**
   * Tags one of whose short names or aliases (one or two words) is among these words, in any order:
   * used with a passage's synonym-expanded words, so a passage saying "ibuprofen" suggests a tag
   * aliased "advil".
   */
  List<Mention> mentionedAmong(java.util.Set<String> words) {
    return found(form -> form.tokens().size() <= 2 && words.containsAll(form.tokens()));
  }

  private List<Mention> found(java.util.function.Predicate<Form> present) {
    Map<TagTerms, Mention> found = new LinkedHashMap<>();
    for (Form form : forms) {
      if (!found.containsKey(form.tag()) && present.test(form)) {
        found.put(form.tag(), new Mention(form.tag(), form.words()));
      }
    }
    return List.copyOf(found.values());
  }

  /** Whether some tag's name or alias uses this word (after stemming). */
  boolean mentions(String word) {
    return SymptomQuery.tokens(analyzer, word).stream().anyMatch(words::contains);
  }

  /** The tag's display name; the slug itself when the taxonomy no longer has it. */
  String nameOf(String slug) {
    TagTerms tag = bySlug.get(slug);
    return tag == null ? slug : tag.name();
  }

  List<TagTerms> all() {
    return List.copyOf(bySlug.values());
  }
}
