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
 * articles (2026-12-07, branch import2: lists that lost their bullets to blank lines, sign-offs,
 * calls after the reader's condition or ending a short promotion, Roman-numbered headings,
 * captions, page metadata): tune F1 97.8 % (precision 96.0, recall 99.6, boilerplate published 5.6
 * %, content rejected 0.4 %, headed 82.4 %); test F1 98.5 % (precision 99.2, recall 97.9,
 * boilerplate published 1.5 %, content rejected 2.1 %, headed 82.6 %); all F1 98.2 % (precision
 * 97.8, recall 98.6, boilerplate published 3.5 %, headed 82.5 %). Each threshold lets through no
 * more than the blocks measured: one more mistake fails. Raise them as the import improves. The
 * "all" thresholds hold for tune and test together, the articles they were measured on. The batches
 * {@code fresh} (batch e) and {@code fresh2} (batch f), added 2026-12-07 as held-out checks, were
 * both released for tuning the same day and hold thresholds too (eyebrow labels, the provider
 * speaking about itself, sentences a crawler broke at its links, colon headings): fresh F1 97.0 %
 * (boilerplate published 8 of 119 blocks, content rejected 2 of 162, headed 59.4 %), fresh2 F1 98.9
 * % (boilerplate published 4 of 153, content rejected 0 of 176, headed 94.2 %). Batch g ({@code
 * fresh3}) was released for tuning the same evening (branch import5: questions answered outside the
 * extracted column, bold-only headings, an announced list's last item, unlinked lists of points,
 * captions, the provider's pitch section, a list that opens the page, a list resuming after a long
 * first item, record labels on lines of their own) and holds thresholds too: F1 97.2 % (boilerplate
 * published 9 of 103 blocks, content rejected 1 of 174, headed 98.0 %). The same changes took fresh
 * to F1 97.3 % (boilerplate published 7 of 119), and its thresholds with it. Batch h ({@code
 * fresh4}) was released once batch i had been added (branch import6: a list the extractor dropped
 * from between the article's paragraphs, priced or exam calls to action, reading-time and
 * credential bylines, a page's "Discover ..." summary, a practice's "since" tagline, the provider
 * introducing a list that explains each item): F1 99.3 % (boilerplate published 2 of 94, content
 * rejected 0 of 140, headed 92.7 % with short single-break pastes split); the same changes took
 * tune to boilerplate published 10 of 198. Batch i ({@code fresh5}) was released once batch j had
 * been added (a "why choose" pitch with its reasons, paragraphs in another language, a list's intro
 * the extractor dropped, a section's points after the last long paragraph, page edges, a writer's
 * name alone, journal citations): F1 98.6 % (boilerplate published 3 of 86, content rejected 2 of
 * 176, headed 37.2 %); batch j's changes took it to 98.9 % (content rejected 1 of 176, headed 36.9
 * %). Batch j ({@code fresh6}) was released once batch k had been added (bare titles in the middle
 * of an article, cards' sentences outside the extracted column, eyebrow regions, the writer's
 * self-introduction, "let's" in a pitch): F1 97.3 % (boilerplate published 3 of 108, content
 * rejected 9 of 222, headed 74.2 %). Batch k ({@code fresh7}) was released once batch l had been
 * added (a video host's greeting, empty record labels, the title with the site's name, a paragraph
 * ending by pointing to the site's guide): F1 99.3 % (boilerplate published 1 of 54, content
 * rejected 0 of 68, headed 95.5 %). Batch l ({@code fresh8}) was released once batch m had been
 * added (boxes of one design read as a list, numbered section labels, headings outside the column
 * over kept text, a photo's caption and credit, a shop's invitation, a button run into a sentence):
 * F1 98.9 % (boilerplate published 1 of 192, content rejected 1 of 89, headed 98.5 %); the same
 * changes took fresh6's headed share to 86.6 %. Batch m ({@code fresh9}) was released once batch n
 * had been added (a patient's review with its signature, a dateline, a trail run together, a
 * practice's address and towns served, a free service's doctors, a component's eyebrow, a linked
 * card title, paragraphs that open alike after an intro): F1 90.1 % (boilerplate published 25 of
 * 282, content rejected 1 of 119, headed 91.7 %; much of what is still published is the practice
 * describing its visits, labelled boilerplate). Batch n ({@code fresh10}) was released once batch o
 * had been added (degrees written with stops, a practitioner's long bio, the practice's town and
 * state, insurance questions and answers, calls to book appointments, a teaser ending in "Learn
 * more about"): F1 93.9 % (boilerplate published 11 of 324, content rejected 4 of 119, headed 95.1
 * %); the same rules took tune to boilerplate published 9 of 198, fresh3 to 8 of 103 and fresh4 to
 * 1 of 94. Batch o ({@code fresh11}) was released once batch p had been added (the buttons, hours
 * and links of shops, booking forms and blogs, a call ending in a phone number, how long a visit
 * lasts, a career in a line, a not-medical-advice note): F1 98.2 % (boilerplate published 5 of 116,
 * content rejected 2 of 190, headed 98.1 %). Batch p ({@code fresh12}) was released once batch q
 * had been added (the practice inviting contact in so many words, a reader's toolbar and cart, a
 * site's strapline, an icon's name alone, numbered paragraphs after an intro): F1 99.6 %
 * (boilerplate published 1 of 132, content rejected 0 of 113, headed 100 %). Batch q ({@code
 * fresh13}) was released once batch r had been added (text put straight in a list, a practice's
 * record of its results, a blurb's question and promise, two degrees, a hobby bio): F1 97.1 %
 * (boilerplate published 4 of 152, content rejected 4 of 140, headed 98.3 %). Batch r ({@code
 * fresh14}, added 2026-12-08) arrived at F1 77.1 % (session-start importer) and 76.7 % (every rule
 * of the day): the one regression it showed, a list of boxes judged outside the article, was fixed
 * (78.9 %), and it holds that figure; no other mistake of it was worked on. {@code fresh15} (batch
 * s, added 2026-12-08) is the held-out batch: nobody has tuned on it, and it holds no threshold;
 * its figures are a check of generalisation, not a target to tune to.
 */
class ImportEvaluationTest {
  private static final Path CORPUS = Path.of("../src/test/resources/outside");

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
      assertThat(totals.keySet())
          .containsExactly(
              "tune", "test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7",
              "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15",
              "all");
      assertThat(rows).as(table.toString()).allSatisfy(row -> assertThat(row.error()).isNull());
      assertThat(tune.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.975);
      assertThat(tune.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.046);
      assertThat(tune.contentRejectedShare()).as(table.toString()).isLessThanOrEqualTo(0.005);
      assertThat(test.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.982);
      assertThat(test.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.016);
      assertThat(test.contentRejectedShare()).as(table.toString()).isLessThanOrEqualTo(0.022);
      // Each released batch: F1, boilerplate published, content rejected, headed share.
      holds(totals.get("fresh"), table, 0.971, 0.063, 0.015, 0.59);
      holds(totals.get("fresh2"), table, 0.987, 0.03, 0.005, 0.94);
      holds(totals.get("fresh3"), table, 0.974, 0.078, 0.01, 0.975);
      holds(totals.get("fresh4"), table, 0.995, 0.011, 0.005, 0.94);
      holds(totals.get("fresh5"), table, 0.988, 0.035, 0.006, 0.365);
      holds(totals.get("fresh6"), table, 0.972, 0.028, 0.041, 0.86);
      holds(totals.get("fresh7"), table, 0.992, 0.019, 0.0, 0.954);
      holds(totals.get("fresh8"), table, 0.988, 0.006, 0.012, 0.98);
      holds(totals.get("fresh9"), table, 0.9, 0.089, 0.009, 0.915);
      holds(totals.get("fresh10"), table, 0.938, 0.034, 0.034, 0.95);
      holds(totals.get("fresh11"), table, 0.981, 0.044, 0.011, 0.98);
      holds(totals.get("fresh12"), table, 0.995, 0.008, 0.0, 0.99);
      holds(totals.get("fresh13"), table, 0.97, 0.027, 0.029, 0.98);
      holds(totals.get("fresh14"), table, 0.788, 0.152, 0.112, 0.875);
      assertThat(all.f1()).as(table.toString()).isGreaterThanOrEqualTo(0.98);
      assertThat(all.recall()).as(table.toString()).isGreaterThanOrEqualTo(0.984);
      assertThat(all.boilerplatePublishedShare()).as(table.toString()).isLessThanOrEqualTo(0.036);
      assertThat(all.headedShare()).as(table.toString()).isGreaterThanOrEqualTo(0.845);
    }
  }

  /** At least the F1 and headed share, at most the boilerplate published and content rejected. */
  private static void holds(
      ImportScore score,
      StringWriter table,
      double f1,
      double boilerplatePublished,
      double contentRejected,
      double headed) {
    assertThat(score.f1()).as(table.toString()).isGreaterThanOrEqualTo(f1);
    assertThat(score.boilerplatePublishedShare())
        .as(table.toString())
        .isLessThanOrEqualTo(boilerplatePublished);
    assertThat(score.contentRejectedShare())
        .as(table.toString())
        .isLessThanOrEqualTo(contentRejected);
    assertThat(score.headedShare()).as(table.toString()).isGreaterThanOrEqualTo(headed);
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
