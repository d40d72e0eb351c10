package io.lumbar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.config.Config;
import io.lumbar.testing.CommandRunner;
import io.lumbar.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lumbar generate}: loads the synthetic corpus into an empty database, and refuses anything
 * else in one line.
 */
class GenerateCommandTest {
  @TempDir Path tmp;
  TestDatabase db;
  Config config;
  CommandRunner cli;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    config =
        Config.fromMap(Map.of())
            .withDatabase(db.url(), db.user(), db.password())
            .withIndexDir(tmp.resolve("index"));
    cli = new CommandRunner(config, System.in, BenchMain::commandLine);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  @Test
  void loads_published_tagged_passages_with_a_change_log_row_each_then_refuses_a_second_load() {
    assertThat(cli.run("generate", "--passages", "1200", "--seed", "5")).isZero();

    assertThat(cli.out())
        .startsWith("generated 1200 passages in ")
        .contains("seed 5")
        .contains("into database '" + db.database().name() + "'");
    assertThat(count("SELECT COUNT(*) FROM passages WHERE status = 'published'")).isEqualTo(1200);
    assertThat(count("SELECT COUNT(*) FROM index_changes")).isEqualTo(1200);
    assertThat(count("SELECT COUNT(DISTINCT passage_id) FROM passage_tags")).isBetween(900L, 1200L);
    assertThat(count("SELECT COUNT(*) FROM articles")).isBetween(3L, 8L);
    assertThat(
            count(
                "SELECT COUNT(*) FROM passages p LEFT JOIN articles a ON a.id = p.article_id WHERE a.id IS NULL"))
        .isZero();

    cli.clear();
    assertThat(cli.run("generate", "--passages", "10")).isEqualTo(1);
    assertThat(cli.err().strip())
        .isEqualTo(
            "error: The database '"
                + db.database().name()
                + "' is not empty ("
                + count("SELECT COUNT(*) FROM articles")
                + " articles, 1200 passages, "
                + count("SELECT COUNT(*) FROM tags")
                + " tags); generate loads only into an empty database: point LUMBAR_DB_URL at a new one");
  }

  @Test
  void bad_numbers_get_one_line() {
    assertThat(cli.run("generate", "--passages", "lots")).isEqualTo(1);
    assertThat(cli.run("generate", "--passages", "0")).isEqualTo(1);
    assertThat(cli.run("generate", "--passages", "10", "--seed", "x")).isEqualTo(1);
    assertThat(cli.err().lines())
        .containsExactly(
            "error: --passages must be whole numbers such as 10000, 10k or 1M, got 'lots'",
            "error: --passages must be between 1 and 10000000, got '0'",
            "error: --seed must be a whole number, got 'x'");
  }

  private long count(String sql) {
    return db.database()
        .read(
            c -> {
              try (var st = c.createStatement();
                  var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }
}
