package io.lumbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.importing.ArticleSource;
import io.lumbar.importing.ArticleSplitter;
import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.importing.BundledCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What synthetic text is made of, learnt from the bundled articles: a word-pair (bigram) model over
 * their passages, the words that start sentences, their headings, titles and publishers, and the
 * tag sets curators gave their passages (so tags come with the curated frequencies and
 * co-occurrences). Everything is kept in first-seen order, so the same resources always give the
 * same model.
 */
final class BundledLanguage {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** A curated passage's tags, as slugs. */
  record TagSet(List<String> causes, List<String> treatments) {}

  /** A bundled article's title and publisher. */
  record Source(String title, String publisher) {}

  final List<String> tokens = new ArrayList<>();

  /**
   * For each token id, the ids of the tokens seen right after it, once per occurrence (so frequent
   * pairs weigh more).
   */
  final int[][] followers;

  /** Ids of tokens that start a sentence. */
  final int[] sentenceStarts;

  final boolean[] endsSentence;
  final List<String> headings = new ArrayList<>();
  final List<Source> sources = new ArrayList<>();
  final List<TagSet> tagSets;

  /** The passages' texts as in the articles, for building queries. */
  final List<String> passages = new ArrayList<>();

  private BundledLanguage(List<ArticleSource> articles, List<TagSet> tagSets) {
    this.tagSets = List.copyOf(tagSets);
    Map<String, Integer> ids = new HashMap<>();
    List<List<Integer>> next = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    for (ArticleSource article : articles) {
      sources.add(new Source(article.title(), article.publisher()));
      for (Block block : ArticleSplitter.split(article.content()).blocks()) {
        if (!block.isContent()) {
          continue;
        }
        passages.add(block.text());
        if (block.heading() != null && !headings.contains(block.heading())) {
          headings.add(block.heading());
        }
        int previous = -1;
        for (String word : SPACE.split(block.text().strip())) {
          Integer id = ids.get(word);
          if (id == null) {
            id = tokens.size();
            ids.put(word, id);
            tokens.add(word);
            next.add(new ArrayList<>());
          }
          if (previous >= 0) {
            next.get(previous).add(id);
          }
          if ((previous < 0 || endsSentence(tokens.get(previous)))
              && Character.isUpperCase(word.codePointAt(0))) {
            starts.add(id);
          }
          previous = id;
        }
      }
    }
    followers = new int[tokens.size()][];
    endsSentence = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      followers[i] = next.get(i).stream().mapToInt(Integer::intValue).toArray();
      endsSentence[i] = endsSentence(tokens.get(i));
    }
    sentenceStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  static BundledLanguage load(ObjectMapper json) {
    List<TagSet> tagSets = new ArrayList<>();
    for (JsonNode passage : readTree(json, "/articles/curation.json").path("passages")) {
      tagSets.add(new TagSet(strings(passage.path("causes")), strings(passage.path("treatments"))));
    }
    return new BundledLanguage(BundledCorpus.articles(json), tagSets);
  }

  /**
   * The lay names people use for the bundled tags (aliases), in taxonomy order: realistic short
   * queries.
   */
  static List<String> tagAliases(ObjectMapper json) {
    List<String> aliases = new ArrayList<>();
    JsonNode taxonomy = readTree(json, "/articles/taxonomy.json");
    for (String kind : List.of("causes", "treatments")) {
      for (JsonNode tag : taxonomy.path(kind)) {
        aliases.addAll(strings(tag.path("aliases")));
      }
    }
    return aliases;
  }

  static boolean endsSentence(String token) {
    char last = token.charAt(token.length() - 1);
    return last == '.' || last == '!' || last == '?';
  }

  static JsonNode readTree(ObjectMapper json, String resource) {
    try (InputStream in = BundledLanguage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The bundled corpus is missing " + resource);
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
