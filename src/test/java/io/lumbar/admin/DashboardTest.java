package io.lumbar.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's front page over the curated sample corpus. */
class DashboardTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void shows_counts_the_cause_treatment_heat_map_and_search_reports() {
    ConsoleSession.createUser(app, "edna", "a long enough password", false);
    ConsoleSession editor = new ConsoleSession(app);
    editor.login("edna", "a long enough password");
    app.get("/api/search?q=sciatica");
    app.get("/api/search?q=zzzqqq");

    Eventually.within(
        Duration.ofSeconds(10),
        () -> assertThat(editor.get("/admin").body()).contains(">zzzqqq</a>"));
    String page = editor.get("/admin").body();

    assertThat(page)
        .contains(
            "<strong>101</strong> published",
            "<strong>40</strong> rejected",
            "<strong>10</strong> published but untagged");
    assertThat(page).contains("<table class=\"heat-map\"");
    // Kidney infections: the one passage about antibiotics is the cell's only passage.
    assertThat(page)
        .contains(
            "<a href=\"/admin/passages?cause=kidney-infection&amp;treatment=antibiotics\""
                + " aria-label=\"Kidney infection × Antibiotics: 1 passage\"");
    assertThat(page).contains("<a href=\"/admin/passages?q=sciatica\">sciatica</a>");
    assertThat(page).contains("login");
  }

  @Test
  void an_admin_rebuilds_the_index_and_watches_its_progress_while_search_keeps_answering() {
    ConsoleSession.createUser(app, "adam", "a long enough password", true);
    ConsoleSession.createUser(app, "eve", "a long enough password", false);
    ConsoleSession editor = new ConsoleSession(app);
    editor.login("eve", "a long enough password");
    assertThat(editor.post("/admin/reindex", java.util.Map.of()).status()).isEqualTo(403);
    ConsoleSession admin = new ConsoleSession(app);
    admin.login("adam", "a long enough password");
    assertThat(admin.get("/admin").body()).contains("Rebuild the search index");

    ConsoleSession.Page started = admin.post("/admin/reindex", java.util.Map.of());

    assertThat(started.status()).isEqualTo(302);
    String job = started.location().replace("/admin/jobs/", "");
    assertThat(admin.get(started.location()).body()).contains("<progress max=\"101\"");
    assertThat(app.get("/api/search?q=sciatica").status()).isEqualTo(200);
    Eventually.within(
        Duration.ofSeconds(20),
        () -> {
          var state = admin.get("/api/admin/jobs/" + job).json();
          assertThat(state.get("state").asText()).isEqualTo("done");
          assertThat(state.get("done").asLong()).isEqualTo(101);
          assertThat(state.get("message").asText()).isEqualTo("Indexed 101 published passages.");
        });
    assertThat(app.get("/api/search?q=sciatica").json().get("total").asLong()).isEqualTo(4);
    String rebuiltBy =
        app.database()
            .read(
                c -> {
                  try (var st =
                          c.prepareStatement(
                              "SELECT actor FROM audit_log WHERE action = 'index.rebuild'");
                      var rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                  }
                });
    assertThat(rebuiltBy).isEqualTo("adam");
    assertThat(admin.get("/api/admin/jobs/999").status()).isEqualTo(404);
  }
}
