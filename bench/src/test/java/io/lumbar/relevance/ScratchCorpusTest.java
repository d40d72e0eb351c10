package io.lumbar.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --corpus DIR --corpus-split SPLIT}: only the articles whose labels carry a split. */
class ScratchCorpusTest {
  @TempDir Path dir;

  private static final String ARTICLE =
      """
      %s

      A made-up paragraph about resting a sore knee after a long walk, long enough to be kept as a
      passage of its own by the importer.

      Another made-up paragraph says that gentle stretching in the morning eases a stiff knee and
      that a warm shower before it helps too.
      """;

  private void article(String name, String title, String split) throws Exception {
    Files.createDirectories(dir.resolve("articles"));
    Files.createDirectories(dir.resolve("labels"));
    Files.writeString(dir.resolve("articles").resolve(name + ".txt"), ARTICLE.formatted(title));
    Files.writeString(
        dir.resolve("labels").resolve(name + ".json"),
        """
        {"file": "%s.txt", "split": "%s", "blocks": []}"""
            .formatted(name, split));
  }

  private String importInto(Set<String> splits) throws Exception {
    StringWriter err = new StringWriter();
    try (TestDatabase db = TestDatabase.create()) {
      ScratchCorpus.importArticles(db.database(), dir, splits, new PrintWriter(err, true));
    }
    return err.toString();
  }

  @Test
  void imports_only_the_articles_of_the_chosen_splits() throws Exception {
    article("a1", "Knee care at home", "tune");
    article("b1", "Stiff knees in the morning", "fresh");
    article("c1", "Walking with a sore knee", "fresh2");

    assertThat(importInto(Set.of("fresh")).lines())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("b1.txt: imported as article"));
    assertThat(importInto(Set.of("tune", "fresh2")).lines())
        .hasSize(2)
        .satisfiesExactly(
            line -> assertThat(line).startsWith("a1.txt: imported as article"),
            line -> assertThat(line).startsWith("c1.txt: imported as article"));
    assertThat(importInto(Set.of()).lines()).hasSize(3);
  }
}
