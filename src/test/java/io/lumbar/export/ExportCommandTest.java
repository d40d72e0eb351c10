package io.lumbar.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.Main;
import io.lumbar.config.Config;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lumbar export} gives the API's bytes; {@code lumbar restore} round-trips an export or
 * refuses cleanly.
 */
class ExportCommandTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final String PASSWORD = "a long enough password";
  static ConsoleSession editor;

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeAll
  static void setUp() {
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    editor = new ConsoleSession(app);
    editor.login("edna", PASSWORD);
    ExportFixture.trickyPassage(app.database(), "sciatica", "chiropractic");
    // Something of every kind a restore must carry: an edit, a rejection with a reason, a
    // duplicate.
    ExportFixture.sql(
        app.database(),
        "UPDATE passages SET status = 'rejected', reject_reason = 'Too vague, \"really\"', version = 3 "
            + "WHERE id = (SELECT MIN(id) FROM (SELECT id FROM passages WHERE status = 'published') x)");
  }

  private int run(Config config, String... args) {
    var cli = Main.commandLine(config);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String exportFile(Config config, String name, String... options) throws Exception {
    Path file = tmp.resolve(name);
    List<String> args = new ArrayList<>(List.of("export", "-o", file.toString()));
    args.addAll(List.of(options));
    assertThat(run(config, args.toArray(String[]::new))).as(err.toString()).isZero();
    return Files.readString(file);
  }

  @Test
  void the_command_writes_the_same_bytes_as_the_api() throws Exception {
    assertThat(exportFile(app.config(), "a.jsonl")).isEqualTo(app.get("/api/export").body());
    assertThat(exportFile(app.config(), "b.csv", "--format", "csv", "--cause", "sciatica"))
        .isEqualTo(app.get("/api/export?format=csv&cause=sciatica").body());
    assertThat(
            exportFile(
                app.config(),
                "c.json",
                "--format",
                "json",
                "--status",
                "any",
                "--q",
                "kidney",
                "--updated-since",
                "2000-01-01"))
        .isEqualTo(
            editor
                .get("/api/export?format=json&status=any&q=kidney&updatedSince=2000-01-01")
                .body());
    assertThat(err.toString()).contains("exported ").contains(" passages to ");
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("a.jsonl", "b.csv", "c.json");
  }

  @Test
  void a_bad_filter_is_one_line_and_a_non_zero_exit_and_leaves_no_file() {
    Path file = tmp.resolve("never.jsonl");
    assertThat(run(app.config(), "export", "--updated-since", "last week", "-o", file.toString()))
        .isNotZero();
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: 'updatedSince' must be an ISO-8601 date (2025-03-01) or instant "
                + "(2025-03-01T12:00:00Z), got 'last week'");
    assertThat(run(app.config(), "export", "--format", "xml")).isNotZero();
    assertThat(err.toString().lines().toList())
        .last()
        .isEqualTo("error: 'format' must be jsonl, json or csv");
    assertThat(file).doesNotExist();
  }

  @Test
  void an_export_restores_into_an_empty_database_and_exports_the_same() throws Exception {
    String original = exportFile(app.config(), "all.jsonl", "--status", "any");
    try (TestDatabase fresh = TestDatabase.create()) {
      Config restored = config(fresh, "index-restored");

      assertThat(run(restored, "restore", tmp.resolve("all.jsonl").toString()))
          .as(err.toString())
          .isZero();

      long passages = original.lines().count();
      long published = original.lines().filter(l -> l.contains("\"status\":\"published\"")).count();
      assertThat(out.toString())
          .contains("restored " + passages + " passages and ")
          .contains("indexed " + published + " published passages");
      assertThat(exportFile(restored, "again.jsonl", "--status", "any")).isEqualTo(original);
      assertThat(ExportFixture.ids(fresh.database(), "JOIN index_changes c ON c.passage_id = p.id"))
          .hasSize((int) passages);
      assertThat(
              ExportFixture.ids(
                  fresh.database(), "JOIN audit_log l ON l.action = 'export.restore'"))
          .hasSize((int) passages);

      // A second restore would mix two corpora: refused unless asked to merge.
      err.getBuffer().setLength(0);
      assertThat(run(restored, "restore", tmp.resolve("all.jsonl").toString())).isNotZero();
      assertThat(err.toString().strip())
          .isEqualTo(
              "error: the database is not empty; restore into an empty database, "
                  + "or add --merge to add the passages it does not have yet");
      assertThat(run(restored, "restore", "--merge", tmp.resolve("all.jsonl").toString())).isZero();
      assertThat(out.toString())
          .contains(
              "restored 0 passages and 0 articles from all.jsonl (0 tags created, "
                  + passages
                  + " passages already there)");
    }
  }

  @Test
  void a_bad_line_is_named_and_nothing_is_written() throws Exception {
    List<String> lines =
        new ArrayList<>(exportFile(app.config(), "good.jsonl", "--status", "any").lines().toList());
    try (TestDatabase fresh = TestDatabase.create()) {
      Config target = config(fresh, "index-bad");
      String third = lines.get(2);
      for (var badCase :
          List.of(
              List.of(
                  third.replaceFirst("\"status\":\"[a-z]+\"", "\"status\":\"draft\""),
                  "error: line 3 has an unknown status \"draft\"; expected pending, published or rejected"),
              List.of(
                  third.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                  "error: line 3 has schemaVersion 2; this Lumbar restores schemaVersion 1"),
              List.of(third.substring(0, 40), "error: line 3 is not valid JSON: "),
              List.of(
                  third.replaceFirst(",\"text\":\"(\\\\.|[^\"\\\\])*\"", ""),
                  "error: line 3 needs 'text'"),
              List.of(lines.get(0), "error: line 3 has id "),
              List.of(
                  third.replaceFirst("\"headingPath\":\\[[^\\]]*\\]", "\"headingPath\":[1]"),
                  "error: line 3 has a 'headingPath' that is not a list of strings"),
              List.of(
                  third
                      .replaceFirst(
                          "\"headingPath\":\\[[^\\]]*\\]", "\"headingPath\":[\"Elsewhere\"]")
                      .replaceFirst(
                          "\"heading\":(null|\"(\\\\.|[^\"\\\\])*\")", "\"heading\":\"Here\""),
                  "error: line 3 has a 'headingPath' that does not end with its 'heading'"),
              List.of(
                  third.replaceFirst(
                      "\"url\":(null|\"[^\"]*\")", "\"url\":\"javascript:alert(1)\""),
                  "error: line 3 has an article whose provenance is refused: The source URL 'javascript:alert(1)' must be an "
                      + "absolute http:// or https:// address"),
              List.of(
                  third.replaceFirst("\"published\":(null|\"[^\"]*\")", "\"published\":\"5 May\""),
                  "error: line 3 has an article 'published' that is not a date (YYYY-MM-DD)"))) {
        List<String> bad = new ArrayList<>(lines);
        bad.set(2, badCase.get(0));
        Path file = Files.write(tmp.resolve("bad.jsonl"), bad);
        err.getBuffer().setLength(0);

        assertThat(run(target, "restore", file.toString())).isNotZero();

        assertThat(err.toString().strip()).startsWith(badCase.get(1));
        assertThat(err.toString().lines().count()).isEqualTo(1);
        assertThat(ExportFixture.ids(fresh.database(), "")).isEmpty();
      }
    }
  }

  private Config config(TestDatabase db, String index) {
    return Config.fromMap(Map.of())
        .withDatabase(db.url(), db.user(), db.password())
        .withIndexDir(tmp.resolve(index));
  }
}
