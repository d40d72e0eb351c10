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
 * Keeps the import's quality on the labelled outside corpus from sliding back. Measured on 29
 * articles (2026-12-07, branch import: glued text, bulletless item rows, term lists, feedback
 * prompts, accordion panels; a duplicate of a published passage scored as kept): tune F1 97.4 %
 * (precision 95.7, recall 99.3, boilerplate published 6.1 %, content rejected 0.7 %, headed 82.7
 * %); test F1 94.1 % (precision 93.0, recall 95.2, boilerplate published 13.1 %, content rejected
 * 4.8 %, headed 74.8 %); all F1 95.5 % (precision 94.1, recall 96.9, boilerplate published 9.7 %,
 * headed 78.3 %). The thresholds sit just under these; raise them as the import improves. The "all"
 * thresholds hold for tune and test together, the articles they were measured on. The held-out
 * splits {@code fresh} (batch e) and {@code fresh2} (batch f), both added 2026-12-07, are scored
 * and reported but hold no threshold: their figures are a check of generalisation, not a target to
 * tune to.
 */
class ImportEvaluationTest {
  private static final Path CORPUS = Path.of("src/test/resources/outside");

  @Test
  void outsideCorpusScoresAtLeastWhatWasMeasured() throws Exception {
    assumeTrue(
        Files.isDirectory(CORPUS),
        "The outside corpus is not in src/test/resources/outside yet (articles/, labels/)");
    try (TestDatabase db = TestDatabase.create()) {
      List<ImportEvaluation.Row> rows = ImportEvaluation.run(db.database(), CORPUS, Json.mapper());
      StringWriter table = new StringWriter();
      ImportEvaluation.print(new PrintWriter(table), rows);
      Map<String, ImportScore> totals = ImportEvaluation.totals(rows);
      ImportScore tune = totals.get("tune");
      ImportScore test = totals.get("test");
      ImportScore all = tune.plus(test);
      assertThat(totals.keySet()).containsExactly("tune", "test", "fresh", "fresh2", "all");
      assertThat(rows).as(table.toString()).allSatisfy(row -> assertThat(row.error()).isNull());
      assertThat(tune.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.97);
      assertThat(tune.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.065);
      assertThat(tune.contentRejectedShare()).as(table.toString()).isLessThanOrEqualTo(0.01);
      assertThat(test.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.938);
      assertThat(test.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.135);
      assertThat(test.contentRejectedShare()).as(table.toString()).isLessThanOrEqualTo(0.05);
      assertThat(all.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.952);
      assertThat(all.recall()).as(table.toString()).isGreaterThanOrEqualTo(0.965);
      assertThat(all.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.10);
      assertThat(all.headedShare()).as(table.toString()).isGreaterThanOrEqualTo(0.78);
    }
  }

  @Test
  void refusesADatabaseThatAlreadyHoldsArticles() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      db.database()
          .inTransaction(
              c -> {
                try (var st =
                    c.prepareStatement(
                        """
            INSERT INTO articles (title, source_name, original_text, checksum, imported_by)
            VALUES ('t', 's', 'x', 'c', 'test')""")) {
                  st.executeUpdate();
                }
                return null;
              });
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> ImportEvaluation.run(db.database(), CORPUS, Json.mapper()))
          .hasMessageStartingWith("The database already holds 1 articles");
    }
  }
}
