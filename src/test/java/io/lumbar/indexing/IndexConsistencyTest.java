package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.Main;
import io.lumbar.search.Analysis;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code lumbar check [--repair]}: differences made on purpose are reported exactly and repaired.
 */
class IndexConsistencyTest {
  @RegisterExtension final RunningApp app = RunningApp.perTest();
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @Test
  void a_fresh_index_is_consistent() {
    app.stopServer();

    assertThat(check()).isZero();

    assertThat(out.toString().lines())
        .contains("missing: 0", "stale: 0", "extra: 0", "duplicated: 0", "result: consistent");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void deleted_stray_and_stale_documents_are_reported_then_repaired() throws Exception {
    long published = count("SELECT COUNT(*) FROM passages WHERE status = 'published'");
    long position = count("SELECT MAX(id) FROM index_changes");
    List<Long> ids = publishedIds();
    long deleted = ids.get(0);
    long reworded = ids.get(1);
    long unpublished = ids.get(2);
    app.stopServer();
    // Behind the change log's back: one document lost, one stray added, one passage reworded, one
    // unpublished.
    try (PassageIndex index = openIndex()) {
      index.delete(deleted);
      index.replace(IndexFixture.passage(999_999, "Zyxwvut, a stray document"));
      index.commit(index.committedPosition());
    }
    sql("UPDATE passages SET text = 'Quokkas rarely get lumbago.' WHERE id = " + reworded);
    sql(
        "UPDATE passages SET status = 'rejected', reject_reason = 'test' WHERE id = "
            + unpublished);

    assertThat(check()).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            "published passages: " + (published - 1) + ", index documents: " + published,
            "change log: index at " + position + ", database at " + position,
            "missing: 1 [" + deleted + "]",
            "stale: 1 [" + reworded + "]",
            "extra: 2 [" + unpublished + ", 999999]",
            "duplicated: 0",
            "result: 4 differences");

    assertThat(check("--repair")).isZero();
    assertThat(out.toString().lines())
        .contains(
            "repaired: 2 documents replaced, 2 deleted",
            "after repair: published passages: "
                + (published - 1)
                + ", index documents: "
                + (published - 1),
            "after repair: result: consistent");
    assertThat(check()).isZero();

    app.restart();
    assertThat(app.get("/api/search?q=quokkas").json().get("total").asLong()).isEqualTo(1);
    assertThat(app.get("/api/search?q=zyxwvut").json().get("total").asLong()).isZero();
  }

  @Test
  void a_heading_path_or_provenance_changed_behind_the_change_log_is_stale_until_repaired() {
    long moved = publishedIds().get(0);
    long article = count("SELECT MAX(article_id) FROM passages WHERE status = 'published'");
    List<Long> ofArticle =
        app.database()
            .read(
                c -> {
                  List<Long> ids = new java.util.ArrayList<>();
                  try (var rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT id FROM passages WHERE status = 'published' AND article_id = "
                                  + article
                                  + " ORDER BY id")) {
                    while (rs.next()) {
                      ids.add(rs.getLong(1));
                    }
                  }
                  return ids;
                });
    app.stopServer();
    sql("UPDATE passages SET section_path = '[\"Wombat corner\"]' WHERE id = " + moved);
    sql(
        "UPDATE articles SET source_url = 'https://example.org/night', published_on = '2020-02-02' WHERE id = "
            + article);

    assertThat(check()).isEqualTo(1);
    List<Long> stale = new java.util.ArrayList<>(List.of(moved));
    stale.addAll(ofArticle);
    assertThat(out.toString().lines()).contains("stale: " + stale.size() + " " + stale);

    assertThat(check("--repair")).isZero();
    app.restart();
    var hit = app.get("/api/search?q=wombat").json().get("results").get(0);
    assertThat(hit.get("id").asLong()).isEqualTo(moved);
    assertThat(hit.get("headingPath").get(0).asText()).isEqualTo("Wombat corner");
    var fromArticle = app.get("/api/search?q=back&article=" + article).json().get("results").get(0);
    assertThat(fromArticle.get("articleUrl").asText()).isEqualTo("https://example.org/night");
    assertThat(fromArticle.get("articlePublished").asText()).isEqualTo("2020-02-02");
  }

  @Test
  void an_index_ahead_of_the_database_is_reported_and_repaired() throws Exception {
    long position = count("SELECT MAX(id) FROM index_changes");
    app.stopServer();
    try (PassageIndex index = openIndex()) {
      index.commit(position + 500);
    }

    assertThat(check()).isEqualTo(1);
    assertThat(out.toString().lines())
        .contains(
            "change log: index at "
                + (position + 500)
                + ", database at "
                + position
                + " (index ahead of the database)",
            "result: 0 differences and the change-log position");

    assertThat(check("--repair")).isZero();
    assertThat(out.toString().lines())
        .contains("after repair: change log: index at " + position + ", database at " + position);
    try (PassageIndex index = openIndex()) {
      assertThat(index.committedPosition()).isEqualTo(position);
    }
  }

  @Test
  void admins_can_check_a_running_server() {
    ConsoleSession.createUser(app, "adam", "a long enough password", true);
    ConsoleSession admin = new ConsoleSession(app);
    admin.login("adam", "a long enough password");

    var report = admin.get("/api/admin/check?show=5").json();

    assertThat(report.get("consistent").asBoolean()).isTrue();
    assertThat(report.get("missing").get("count").asLong()).isZero();
    assertThat(report.get("publishedPassages").asLong())
        .isEqualTo(report.get("indexDocuments").asLong());
  }

  @Test
  void without_a_database_the_check_says_so_in_one_line_and_exits_2() {
    app.stopServer();
    CommandLine cli =
        Main.commandLine(
            app.config().withDatabase("jdbc:mariadb://127.0.0.1:1/nowhere", "root", ""));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("check")).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("error: Cannot reach the database at 127.0.0.1:1");
  }

  private PassageIndex openIndex() {
    return PassageIndex.open(
        app.indexDir(), Analysis.bundled().indexAnalyzer(), Analysis.indexFingerprint());
  }

  private int check(String... options) {
    out.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine(app.config());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] args = new String[options.length + 1];
    args[0] = "check";
    System.arraycopy(options, 0, args, 1, options.length);
    return cli.execute(args);
  }

  private List<Long> publishedIds() {
    return app.database()
        .read(
            c -> {
              List<Long> ids = new java.util.ArrayList<>();
              try (var rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT id FROM passages WHERE status = 'published' ORDER BY id LIMIT 3")) {
                while (rs.next()) {
                  ids.add(rs.getLong(1));
                }
              }
              return ids;
            });
  }

  private long count(String query) {
    return app.database()
        .read(
            c -> {
              try (var rs = c.createStatement().executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  private void sql(String statement) {
    app.database().read(c -> c.createStatement().executeUpdate(statement));
  }
}
