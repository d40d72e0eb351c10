package io.lumbar.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lumbar.testing.TestDatabase;
import io.lumbar.web.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the import's quality on the labelled outside corpus from sliding back. Measured on 29 articles (a partial
 * corpus from /work/corpus-stage, 2025-12-07): tune F1 84.4 %, test F1 92.0 %, all F1 87.4 % (precision 83.0 %,
 * recall 92.3 %), boilerplate published 30.2 %, content rejected 7.7 %, headed 77.0 %. With site template by
 * repetition (publisher and URL from the labels, scored after all imports): tune F1 82.8 %, test F1 91.9 %, all F1
 * 87.9 % (precision 84.0 %, recall 92.1 %), boilerplate published 28.0 %, content rejected 7.9 %, headed 76.9 %.
 * The thresholds sit a little under these; raise them as the import improves.
 */
class ImportEvaluationTest {
  private static final Path CORPUS = Path.of("src/test/resources/outside");

  @Test
  void outsideCorpusScoresAtLeastWhatWasMeasured() throws Exception {
    assumeTrue(Files.isDirectory(CORPUS),
        "The outside corpus is not in src/test/resources/outside yet (articles/, labels/)");
    try (TestDatabase db = TestDatabase.create()) {
      List<ImportEvaluation.Row> rows = ImportEvaluation.run(db.database(), CORPUS, Json.mapper());
      StringWriter table = new StringWriter();
      ImportEvaluation.print(new PrintWriter(table), rows);
      Map<String, ImportScore> totals = ImportEvaluation.totals(rows);
      ImportScore all = totals.get("all");
      assertThat(rows).as(table.toString()).allSatisfy(row -> assertThat(row.error()).isNull());
      assertThat(all.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.86);
      assertThat(all.recall()).as(table.toString()).isGreaterThanOrEqualTo(0.90);
      assertThat(all.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.30);
      assertThat(all.headedShare()).as(table.toString()).isGreaterThanOrEqualTo(0.74);
    }
  }

  @Test
  void refusesADatabaseThatAlreadyHoldsArticles() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      db.database().inTransaction(c -> {
        try (var st = c.prepareStatement("""
            INSERT INTO articles (title, source_name, original_text, checksum, imported_by)
            VALUES ('t', 's', 'x', 'c', 'test')""")) {
          st.executeUpdate();
        }
        return null;
      });
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImportEvaluation.run(db.database(), CORPUS, Json.mapper()))
          .hasMessageStartingWith("The database already holds 1 articles");
    }
  }
}
