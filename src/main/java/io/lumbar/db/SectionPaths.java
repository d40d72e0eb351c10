package io.lumbar.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code passages.section_path} column: the headings above a passage's own heading, outermost
 * first, stored as a JSON array of strings. Every feature that reads or writes the column goes
 * through here, so the encoding has one owner.
 */
public final class SectionPaths {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private SectionPaths() {}

  /** The column value for {@code ancestors} (null counts as none). */
  public static String toColumn(List<String> ancestors) {
    try {
      return JSON.writeValueAsString(ancestors == null ? List.of() : ancestors);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A list of strings is always JSON", e);
    }
  }

  /** The ancestors a column value holds; null (a passage from before the column) is none. */
  public static List<String> fromColumn(String column) {
    if (column == null || column.isEmpty()) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(column, STRINGS));
    } catch (JsonProcessingException e) {
      // The column is CHECKed to be JSON; an array of something else is a bug worth seeing.
      throw new DataAccessException("section_path is not a JSON array of strings: " + column, e);
    }
  }

  /** The heading path: the ancestors, then the heading when there is one. */
  public static List<String> headingPath(List<String> ancestors, String heading) {
    if (heading == null) {
      return ancestors;
    }
    List<String> path = new ArrayList<>(ancestors.size() + 1);
    path.addAll(ancestors);
    path.add(heading);
    return List.copyOf(path);
  }
}
