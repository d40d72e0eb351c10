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
   * A query and the text fragments ("needles") that mark its relevant passages; {@code split} (tune
   * or test, may be null) says whether it may be used to tune ranking or only to report it.
   */
  record JudgedQuery(String q, List<String> needles, String split) {
    JudgedQuery(String q, List<String> needles) {
      this(q, needles, null);
    }
  }

  /** Only the queries of {@code split} ("tune" or "test"); all of them when null. */
  QuerySet only(String split) {
    if (split == null) {
      return this;
    }
    List<JudgedQuery> chosen = queries.stream().filter(q -> split.equals(q.split())).toList();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("No queries with \"split\": \"" + split + "\"");
    }
    return new QuerySet(about, chosen);
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
