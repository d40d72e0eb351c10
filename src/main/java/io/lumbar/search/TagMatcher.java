package io.lumbar.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * Finds the causes and treatments a query names: a tag matches when its name or one of its lay aliases
 * occurs in the query as consecutive words, compared after stemming ("pinched nerves" names the alias
 * "pinched nerve"). Matched tags boost the passages editors tagged with them.
 */
final class TagMatcher {
  /** A cause or treatment as search sees it. */
  record TagTerms(String kind, String slug, String name, List<String> aliases) {}

  private record Form(List<String> tokens, TagTerms tag) {}

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
      forms.add(new Form(tokens, tag));
      this.words.addAll(tokens);
    }
  }

  /** Tags named in the query, each once, in the order of the taxonomy. */
  List<TagTerms> matches(String query) {
    List<String> words = SymptomQuery.tokens(analyzer, query);
    List<TagTerms> found = new ArrayList<>();
    for (Form form : forms) {
      if (!found.contains(form.tag()) && Collections.indexOfSubList(words, form.tokens()) >= 0) {
        found.add(form.tag());
      }
    }
    return found;
  }

  /**
   * Tags one of whose short names or aliases (one or two words) is among these words, in any order: used with a
   * passage's synonym-expanded words, so a passage saying "ibuprofen" suggests a tag aliased "advil".
   */
  List<TagTerms> mentionedAmong(java.util.Set<String> words) {
    List<TagTerms> found = new ArrayList<>();
    for (Form form : forms) {
      if (form.tokens().size() <= 2 && !found.contains(form.tag()) && words.containsAll(form.tokens())) {
        found.add(form.tag());
      }
    }
    return found;
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
