package io.lumbar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search log keeps what a search was narrowed by; a narrowed search finding nothing is not a
 * failing query.
 */
class FilteredSearchLogTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  private static List<String> logged() {
    return app.database()
        .read(
            c -> {
              List<String> rows = new ArrayList<>();
              try (var rs =
                  c.createStatement()
                      .executeQuery("SELECT query, filters, hits FROM search_log ORDER BY id")) {
                while (rs.next()) {
                  rows.add(
                      rs.getString(1)
                          + " | "
                          + rs.getString(2)
                          + " | "
                          + (rs.getInt(3) > 0 ? "hits" : "none"));
                }
              }
              return rows;
            });
  }

  @Test
  void filters_are_logged_and_only_plain_searches_count_as_finding_nothing() {
    assertThat(app.get("/api/search?q=back+pain").status()).isEqualTo(200);
    assertThat(
            app.get("/api/search?q=back+pain&treatment=see-a-doctor&cause=sciatica")
                .json()
                .get("total")
                .asLong())
        .isZero();
    assertThat(app.get("/?q=back+pain&cause=sciatica,muscle-strain").status()).isEqualTo(200);
    assertThat(app.get("/api/search?q=zzzqqq").status()).isEqualTo(200);
    // Unknown filters are refused before searching: nothing to log.
    assertThat(app.get("/api/search?q=back+pain&cause=nope").status()).isEqualTo(400);

    Eventually.within(
        Duration.ofSeconds(10),
        () ->
            assertThat(logged())
                .containsExactly(
                    "back pain |  | hits",
                    "back pain | cause=sciatica&treatment=see-a-doctor | none",
                    "back pain | cause=muscle-strain&cause=sciatica | none",
                    "zzzqqq |  | none"));

    ConsoleSession.createUser(app, "edna", "a long enough password", false);
    ConsoleSession editor = new ConsoleSession(app);
    editor.login("edna", "a long enough password");
    var zero = editor.get("/api/admin/analytics/zero-result-searches").json().get("searches");
    assertThat(zero).hasSize(1);
    assertThat(zero.get(0).get("query").asText()).isEqualTo("zzzqqq");
  }
}
