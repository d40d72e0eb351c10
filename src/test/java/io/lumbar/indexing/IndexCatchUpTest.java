package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The index follows the database: live, after changes made while the server was down, and from
 * scratch.
 */
class IndexCatchUpTest {
  @RegisterExtension final RunningApp app = RunningApp.perTest();

  @Test
  void restart_catches_up_with_changes_made_behind_the_index() throws Exception {
    assertThat(total("sciatica")).isEqualTo(4);
    app.stopServer();
    // While the server is down: unpublish two sciatica passages and reword a third, through the
    // change log.
    List<Long> sciatica =
        app.database()
            .inTransaction(
                c -> {
                  List<Long> ids = new java.util.ArrayList<>();
                  try (var rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT id FROM passages WHERE status = 'published' AND text LIKE '%sciatica%' ORDER BY id")) {
                    while (rs.next()) {
                      ids.add(rs.getLong(1));
                    }
                  }
                  try (var st =
                      c.prepareStatement(
                          "UPDATE passages SET status = 'rejected', reject_reason = 'test' WHERE id IN (?, ?)")) {
                    st.setLong(1, ids.get(0));
                    st.setLong(2, ids.get(1));
                    st.executeUpdate();
                  }
                  try (var st =
                      c.prepareStatement(
                          "UPDATE passages SET text = 'Zyxwv is a made-up word for sciatica.' WHERE id = ?")) {
                    st.setLong(1, ids.get(2));
                    st.executeUpdate();
                  }
                  ChangeLog.append(c, ids.subList(0, 3));
                  return ids;
                });

    app.restart();

    assertThat(total("sciatica")).isEqualTo(2);
    assertThat(total("zyxwv")).isEqualTo(1);
    assertThat(app.get("/api/search?q=zyxwv").json().get("results").get(0).get("id").asLong())
        .isEqualTo(sciatica.get(2));
  }

  @Test
  void live_changes_are_searchable_within_a_second() {
    app.database()
        .inTransaction(
            c -> {
              long id;
              try (var rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT id FROM passages WHERE status = 'published' ORDER BY id LIMIT 1")) {
                rs.next();
                id = rs.getLong(1);
              }
              try (var st =
                  c.prepareStatement(
                      "UPDATE passages SET text = 'Quokkas rarely get lumbago.' WHERE id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
              }
              ChangeLog.append(c, id);
              return null;
            });
    Eventually.within(Duration.ofSeconds(1), () -> assertThat(total("quokkas")).isEqualTo(1));
  }

  @Test
  void a_lost_index_is_rebuilt_from_the_change_log_on_start() throws Exception {
    int before = app.get("/health").json().get("indexedPassages").asInt();
    app.stopServer();
    try (var files = Files.walk(app.indexDir())) {
      files
          .sorted(Comparator.reverseOrder())
          .filter(p -> !p.equals(app.indexDir()))
          .forEach(p -> p.toFile().delete());
    }

    app.restart();

    assertThat(app.get("/health").json().get("indexedPassages").asInt()).isEqualTo(before);
    assertThat(total("sciatica")).isEqualTo(4);
  }

  private long total(String q) {
    return app.get("/api/search?q=" + q).json().get("total").asLong();
  }
}
