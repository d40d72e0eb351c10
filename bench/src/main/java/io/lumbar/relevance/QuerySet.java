package io.lumbar.relevance;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A judged query file, in the shape of {@code shared/eval/dev-queries.json}. */
record QuerySet(String about, List<JudgedQuery> queries) {
  /**
   * A query and the text fragments ("needles") that mark its relevant passages; {@code split} (may
   * be null) names the part of the corpus it targets, e.g. "tune" (may be used to tune ranking),
   * "test" or a held-out batch such as "fresh" (only reported).
   */
  record JudgedQuery(String q, List<String> needles, String split) {
    JudgedQuery(String q, List<String> needles) {
      this(q, needles, null);
    }
  }

  /**
   * Only the queries of {@code split}; all of them when null. Any split the file uses is accepted,
   * so a new held-out batch needs no code change.
   */
  QuerySet only(String split) {
    if (split == null) {
      return this;
    }
    List<JudgedQuery> chosen = queries.stream().filter(q -> split.equals(q.split())).toList();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "No queries with \"split\": \""
              + split
              + "\" (the file has: "
              + String.join(", ", splits())
              + ")");
    }
    return new QuerySet(about, chosen);
  }

  /** The splits the queries name, in order of first use ("none" when no query names one). */
  List<String> splits() {
    return queries.stream().map(q -> q.split() == null ? "none" : q.split()).distinct().toList();
  }

  static QuerySet read(Path file, ObjectMapper json) {
    QuerySet set;
    try {
      set = json.readValue(Files.readString(file), QuerySet.class);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("No such query file: " + file);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Not a query file (" + file + "): " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage());
    }
    if (set == null || set.queries() == null || set.queries().isEmpty()) {
      throw new IllegalArgumentException(
          "No queries in " + file + ": expected {\"queries\": [{\"q\": ..., \"needles\": [...]}]}");
    }
    for (JudgedQuery query : set.queries()) {
      if (query.q() == null
          || query.q().isBlank()
          || query.needles() == null
          || query.needles().isEmpty()) {
        throw new IllegalArgumentException(
            "Every query in " + file + " needs a non-empty \"q\" and \"needles\"");
      }
    }
    return set;
  }
}
