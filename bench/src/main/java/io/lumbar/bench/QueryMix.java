package io.lumbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The fixed query mix every system in the benchmark answers: the judged lay queries of the eval
 * sets, lay names of the bundled tags ("pulled muscle", "bad posture"), and short phrases cut from
 * the bundled passages, 200 in all, in a fixed order. Or the lines of a file given with {@code
 * --queries}.
 */
final class QueryMix {
  static final int SIZE = 200;

  /**
   * The eval query files copied into the jar (pom.xml); listed because a jar's folder cannot be
   * listed.
   */
  private static final List<String> EVAL_FILES =
      List.of("/bench/eval/dev-queries.json", "/bench/eval/lay-queries.json");

  private static final int ALIASES = 70;
  private static final long SEED = 20_240_601L;

  private QueryMix() {}

  static List<String> bundled(ObjectMapper json) {
    Set<String> queries = new LinkedHashSet<>();
    for (String file : EVAL_FILES) {
      for (JsonNode query : BundledLanguage.readTree(json, file).path("queries")) {
        queries.add(query.path("q").asText());
      }
    }
    Random random = new Random(SEED);
    List<String> aliases = BundledLanguage.tagAliases(json);
    int aliasTarget = queries.size() + ALIASES;
    while (queries.size() < aliasTarget && queries.size() < aliases.size()) {
      queries.add(aliases.get(random.nextInt(aliases.size())));
    }
    List<String> passages = BundledLanguage.load(json).passages;
    while (queries.size() < SIZE) {
      String[] words =
          passages
              .get(random.nextInt(passages.size()))
              .toLowerCase(Locale.ROOT)
              .split("[^\\p{L}\\p{N}']+");
      int length = 2 + random.nextInt(3);
      if (words.length > length) {
        int from = random.nextInt(words.length - length);
        queries.add(String.join(" ", List.of(words).subList(from, from + length)).strip());
      }
    }
    queries.remove("");
    return List.copyOf(queries);
  }

  /**
   * One query a line; blank lines and lines starting with # are skipped. A .json file is read as an
   * eval query set.
   */
  static List<String> fromFile(Path file, ObjectMapper json) {
    List<String> queries = new ArrayList<>();
    try {
      String content = Files.readString(file);
      if (file.toString().endsWith(".json")) {
        json.readTree(content).path("queries").forEach(q -> queries.add(q.path("q").asText()));
      } else {
        content
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(queries::add);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("No such query file: " + file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read the query file " + file + ": " + e.getMessage());
    }
    queries.removeIf(String::isBlank);
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("No queries in " + file + ": expected one query a line");
    }
    return queries;
  }
}
