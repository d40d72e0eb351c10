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
 * Keeps the import's quality on the labelled outside corpus from sliding back. Measured on 29 articles (scorer with
 * whole-piece matching for one- and two-word pieces), branch recall: tune F1 95.2 % (precision 94.5, recall 95.9,
 * boilerplate published 7.6 %, content rejected 4.1 %, headed 82.2 %); test F1 93.2 % (precision 94.1, recall 92.3,
 * boilerplate published 10.7 %, content rejected 7.7 %, headed 74.2 %); all F1 94.0 % (precision 94.2, recall 93.8,
 * boilerplate published 9.2 %, headed 77.7 %). The thresholds sit a little under these; raise them as the import
 * improves.
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
      ImportScore tune = totals.get("tune");
      ImportScore test = totals.get("test");
      assertThat(rows).as(table.toString()).allSatisfy(row -> assertThat(row.error()).isNull());
      assertThat(tune.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.95);
      assertThat(tune.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.08);
      assertThat(tune.contentRejectedShare()).as(table.toString()).isLessThanOrEqualTo(0.045);
      assertThat(test.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.93);
      assertThat(test.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.11);
      assertThat(test.contentRejectedShare()).as(table.toString()).isLessThanOrEqualTo(0.08);
      assertThat(all.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.935);
      assertThat(all.recall()).as(table.toString()).isGreaterThanOrEqualTo(0.935);
      assertThat(all.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.095);
      assertThat(all.headedShare()).as(table.toString()).isGreaterThanOrEqualTo(0.77);
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
