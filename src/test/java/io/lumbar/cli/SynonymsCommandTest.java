package io.lumbar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.Main;
import io.lumbar.config.Config;
import io.lumbar.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lumbar synonyms ...}: editors' rules are checked before they are stored. */
class SynonymsCommandTest {
  @TempDir Path tmp;
  TestDatabase db;
  Config config;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    config =
        Config.fromMap(Map.of())
            .withDatabase(db.url(), db.user(), db.password())
            .withIndexDir(tmp.resolve("index"));
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = Main.commandLine(config);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void adds_lists_changes_and_removes_rules() {
    assertThat(run("synonyms", "add", "tailbone, coccyx", "--by", "ed")).isZero();
    assertThat(out.toString().strip()).isEqualTo("added rule 1");
    assertThat(run("synonyms", "change", "1", "tailbone, coccyx, sacrum")).isZero();
    assertThat(run("synonyms", "list")).isZero();
    assertThat(out.toString().strip()).isEqualTo("1\ttailbone, coccyx, sacrum\tcli");
    assertThat(run("synonyms", "remove", "1", "--by", "ed")).isZero();
    assertThat(run("synonyms", "list")).isZero();
    assertThat(out.toString()).isEmpty();
    // Every change is in the audit log with who made it; a removal keeps the rule's text.
    java.util.List<String> audit =
        db.database()
            .read(
                c -> {
                  var lines = new java.util.ArrayList<String>();
                  try (var st =
                          c.prepareStatement(
                              "SELECT actor, action, entity_id, JSON_VALUE(detail, '$.rule') FROM audit_log "
                                  + "WHERE entity_type = 'synonym' ORDER BY id");
                      var rs = st.executeQuery()) {
                    while (rs.next()) {
                      lines.add(
                          rs.getString(1)
                              + " "
                              + rs.getString(2)
                              + " "
                              + rs.getLong(3)
                              + " "
                              + rs.getString(4));
                    }
                  }
                  return lines;
                });
    assertThat(audit)
        .containsExactly(
            "ed synonym.add 1 tailbone, coccyx",
            "cli synonym.change 1 tailbone, coccyx, sacrum",
            "ed synonym.remove 1 tailbone, coccyx, sacrum");
  }

  @Test
  void a_bad_rule_or_id_is_one_error_line_and_stores_nothing() {
    assertThat(run("synonyms", "add", "=> coccyx")).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: Both sides of \"=>\" need a word or phrase, e.g. \"pee => pee, urinate\"");
    assertThat(run("synonyms", "add", "tailbone")).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("error: A rule needs at least two words or phrases");
    assertThat(run("synonyms", "add", "the, of")).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: Synonym rules cannot be read: term: the was completely eliminated by analyzer");
    assertThat(run("synonyms", "add", "a\nb")).isEqualTo(1);
    assertThat(run("synonyms", "remove", "42")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("error: Synonym rule 42 not found");
    assertThat(run("synonyms", "list")).isZero();
    assertThat(out.toString()).isEmpty();
  }
}
