package io.lumbar.relevance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A labelled outside corpus: {@code articles/*.html|*.txt} with {@code labels/<same name>.json}
 * saying, block by block, what is content, heading or boilerplate. {@code DIR} holds articles/ and
 * labels/, or folders that do.
 */
record ImportLabels(
    Path article, String file, String publisher, String url, String split, List<Label> blocks) {

  record Label(String label, Integer level, String text) {}

  private record LabelFile(
      String file,
      String publisher,
      String url,
      String title,
      String published,
      String split,
      List<Label> blocks) {}

  /**
   * Every article with readable labels; a labels file that does not parse (still being written) is
   * skipped.
   */
  static List<ImportLabels> read(Path dir, ObjectMapper json) {
    List<ImportLabels> all = new ArrayList<>();
    for (Path root : roots(dir)) {
      try (Stream<Path> files = Files.list(root.resolve("labels"))) {
        for (Path labels : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          LabelFile parsed;
          try {
            parsed = json.readValue(labels.toFile(), LabelFile.class);
          } catch (IOException e) {
            continue;
          }
          Path article =
              root.resolve("articles").resolve(parsed.file() == null ? "" : parsed.file());
          if (parsed.file() == null || parsed.blocks() == null || !Files.isRegularFile(article)) {
            continue;
          }
          all.add(
              new ImportLabels(
                  article,
                  parsed.file(),
                  parsed.publisher(),
                  parsed.url(),
                  parsed.split() == null ? "tune" : parsed.split(),
                  parsed.blocks()));
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return all;
  }

  private static List<Path> roots(Path dir) {
    if (Files.isDirectory(dir.resolve("labels"))) {
      return List.of(dir);
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(
              c ->
                  Files.isDirectory(c.resolve("labels"))
                      && Files.isDirectory(c.resolve("articles")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read " + dir + ": " + e.getMessage());
    }
  }
}
