package io.lumbar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.Main;
import io.lumbar.config.Config;
import io.lumbar.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as an operator runs them: one summary line per file, one error line per failure. */
class CommandLineTest {
  @TempDir Path tmp;
  TestDatabase db;
  Config config;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    config =
        Config.fromMap(Map.of())
            .withDatabase(db.url(), db.user(), db.password())
            .withIndexDir(tmp.resolve("index"))
            // The model is loaded only by the test that is about it: it costs seconds.
            .withSemantic(false);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  private int run(Config withConfig, String... args) {
    CommandLine cli = Main.commandLine(withConfig);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void import_prints_a_summary_per_file_and_an_error_per_bad_file() throws Exception {
    Path good =
        Files.writeString(
            tmp.resolve("good.txt"),
            "A title\n\nLying on the side with bent knees eases back pain.\n\nSkip to content\n");
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n\n");
    Path missing = tmp.resolve("missing.txt");

    int exit = run(config, "import", good.toString(), empty.toString(), missing.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().strip())
        .isEqualTo(
            "good.txt: imported as article 1 (\"A title\"): 1 passages kept, 1 rejected, 0 duplicates");
    assertThat(err.toString().lines())
        .containsExactly(
            "error: " + empty + ": empty.txt is empty: there is no text to import",
            "error: " + missing + ": " + missing + " cannot be read: no such file");

    out.getBuffer().setLength(0);
    assertThat(run(config, "import", good.toString())).isZero();
    assertThat(out.toString()).contains("already imported as article 1");
  }

  @Test
  void bad_fusion_weights_stop_a_command_before_it_opens_anything() {
    Config badFusion =
        Config.fromMap(Map.of("LUMBAR_FUSION", "0.6,0.1,0.8"))
            .withDatabase(db.url(), db.user(), db.password())
            .withIndexDir(tmp.resolve("index"))
            .withSemantic(false);

    int exit = run(badFusion, "reindex");

    assertThat(exit).isNotZero();
    assertThat(err.toString().lines())
        .containsExactly(
            "error: LUMBAR_FUSION: Fusion weights are six numbers"
                + " FLOOR,SPAN,LOW,HIGH,AGREE,DISAGREE, got '0.6,0.1,0.8'");
    assertThat(out.toString()).isEmpty();
    assertThat(Files.exists(tmp.resolve("index"))).isFalse();
  }

  @Test
  void import_stores_the_new_passages_vectors_before_it_ends() throws Exception {
    Path good =
        Files.writeString(
            tmp.resolve("good.txt"),
            "A title\n\nLying on the side with bent knees eases back pain.\n");

    assertThat(run(config.withSemantic(true), "import", good.toString()))
        .as(err.toString())
        .isZero();

    assertThat(out.toString()).contains("embedded 1 passages for search by meaning in ");
    assertThat(vectorCount()).isEqualTo(1);

    Path other =
        Files.writeString(
            tmp.resolve("other.txt"),
            "B title\n\nA firm mattress keeps the spine level at night.\n");
    out.getBuffer().setLength(0);
    assertThat(run(config.withSemantic(true), "import", "--no-embed", other.toString())).isZero();
    assertThat(out.toString()).doesNotContain("embedded");
    assertThat(vectorCount()).isEqualTo(1);
  }

  private long vectorCount() {
    return db.database()
        .read(
            c -> {
              try (var rs =
                  c.createStatement().executeQuery("SELECT COUNT(*) FROM passage_vectors")) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  @Test
  void import_records_the_source_url_publisher_and_publication_date() throws Exception {
    Path good =
        Files.writeString(
            tmp.resolve("good.txt"),
            "A title\n\nLying on the side with bent knees eases back pain.\n");

    assertThat(
            run(
                config,
                "import",
                "--url",
                "https://example.org/side-sleeping",
                "--publisher",
                "Spine Weekly",
                "--published",
                "2021-02-03",
                good.toString()))
        .as(err.toString())
        .isZero();

    String stored =
        db.database()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT CONCAT_WS('|', source_url, publisher, published_on, source_name) FROM articles")) {
                    rs.next();
                    return rs.getString(1);
                  }
                });
    assertThat(stored)
        .isEqualTo("https://example.org/side-sleeping|Spine Weekly|2021-02-03|good.txt");
  }

  @Test
  void import_refuses_unusable_provenance_with_one_line() throws Exception {
    Path a =
        Files.writeString(
            tmp.resolve("a.txt"),
            "A title\n\nLying on the side with bent knees eases back pain.\n");
    Path b =
        Files.writeString(
            tmp.resolve("b.txt"), "B title\n\nA firm mattress keeps the spine level at night.\n");

    assertThat(run(config, "import", "--url", "https://example.org/a", a.toString(), b.toString()))
        .isEqualTo(1);
    assertThat(run(config, "import", "--published", "3 Feb 2021", a.toString())).isEqualTo(1);
    assertThat(run(config, "import", "--url", "www.example.org/a", a.toString())).isEqualTo(1);

    assertThat(err.toString().lines())
        .containsExactly(
            "error: --url names the page of one article; import the 2 files one at a time, each with its own --url",
            "error: The publication date '3 Feb 2021' is not a date: write it as YYYY-MM-DD",
            "error: "
                + a
                + ": The source URL 'www.example.org/a' must be an absolute http:// or https:// address");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void an_oversized_paragraph_fails_its_file_only() throws Exception {
    Path big =
        Files.writeString(
            tmp.resolve("big.txt"),
            "Big\n\n" + "the back hurts and the pain is worse at night ".repeat(2_000) + "\n");
    Path small =
        Files.writeString(tmp.resolve("small.txt"), "Small\n\nA short passage about back pain.\n");

    assertThat(run(config, "import", big.toString(), small.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("big.txt has a paragraph of over 65535 bytes");
    assertThat(out.toString()).contains("small.txt: imported as article 1");
  }

  @Test
  void reindex_rebuilds_from_the_database() throws Exception {
    Path good =
        Files.writeString(
            tmp.resolve("good.txt"),
            "A title\n\nSleeping on your side with a pillow between the knees eases the lower back.\n\n"
                + "Pain that wakes you at night and does not ease is worth a visit to the doctor.\n");
    run(config, "import", good.toString());

    assertThat(run(config, "reindex")).isZero();
    assertThat(out.toString()).contains("indexed 2 published passages");
  }

  @Test
  void an_unreachable_database_stops_with_one_line() {
    Config unreachable = config.withDatabase("jdbc:mariadb://127.0.0.1:1/lumbar", "root", "");
    int exit = run(unreachable, "reindex");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("error: Cannot reach the database at 127.0.0.1:1 as 'root'");
  }

  @Test
  void an_index_folder_that_cannot_be_created_stops_the_server_with_one_line() throws Exception {
    // Under a regular file: no folder can be made there, even by root (permissions would not stop
    // root).
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    Config unwritable = config.withIndexDir(file.resolve("index"));

    assertThat(run(unwritable, "serve")).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(1);
    err.getBuffer().setLength(0);

    assertThat(run(config.withIndexDir(file), "serve")).as("the folder itself a file").isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: Cannot open the search index in "
                + file
                + ": "
                + file
                + " is a file, not a folder");
    err.getBuffer().setLength(0);
    assertThat(run(unwritable, "serve")).isEqualTo(1);

    assertThat(err.toString().lines())
        .containsExactly(
            "error: Cannot open the search index in "
                + file.resolve("index")
                + ": "
                + file.resolve("index")
                + ": Not a directory");
  }
}
