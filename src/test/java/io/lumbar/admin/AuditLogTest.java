package io.lumbar.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /admin/audit}: who did what, when; filtered, paged, escaped, and read-only. */
class AuditLogTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static ConsoleSession edna;
  static long passage;

  @BeforeAll
  static void someHistory() {
    ConsoleSession.createUser(app, "edna", "a long enough password", false);
    edna = new ConsoleSession(app);
    edna.login("edna", "a long enough password");
    passage = app.passageIdStartingWith("Thirty-nine percent of adults");
    edna.post("/admin/passages/" + passage + "/tags", Map.of("tag", "sciatica"));
    edna.post("/admin/passages/" + passage + "/tags/sciatica/remove", Map.of());
    // 60 more rows so the log needs a second page: 50 a page.
    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "INSERT INTO audit_log (actor, action, entity_type) VALUES ('<b>mallory</b>', 'test.noise', 'test')")) {
                for (int i = 0; i < 60; i++) {
                  st.executeUpdate();
                }
              }
              return null;
            });
  }

  private static List<String> rows(Document page) {
    return page.select("table.audit tbody tr").stream()
        .map(tr -> tr.child(1).text() + " " + tr.child(2).text() + " " + tr.child(3).text())
        .toList();
  }

  @Test
  void filters_by_who_what_and_on_which_entity_with_links_to_it() {
    Document page =
        Jsoup.parse(
            edna.get("/admin/audit?actor=edna&action=passage.&entity=passage&id=" + passage)
                .body());

    assertThat(rows(page))
        .containsExactly(
            "edna passage.untag passage " + passage, "edna passage.tag passage " + passage);
    assertThat(page.select("table.audit a").attr("href")).isEqualTo("/admin/passages/" + passage);
    assertThat(page.select("table.audit td code").first().text()).contains("sciatica");
    assertThat(page.select("a[rel=next]")).isEmpty();
  }

  @Test
  void pages_newest_first_and_escapes_what_was_recorded() {
    String first = edna.get("/admin/audit").body();
    assertThat(first).contains("&lt;b&gt;mallory&lt;/b&gt;").doesNotContain("<b>mallory</b>");
    Document page = Jsoup.parse(first);
    assertThat(rows(page)).hasSize(50).allMatch(row -> row.startsWith("<b>mallory</b> test.noise"));
    String older = page.selectFirst("a[rel=next]").attr("href");
    assertThat(older).startsWith("/admin/audit?before=");

    Document second = Jsoup.parse(edna.get(older).body());
    assertThat(rows(second)).hasSizeGreaterThan(10).contains("edna passage.tag passage " + passage);
  }

  @Test
  void bad_filters_are_a_400_page() {
    assertThat(edna.get("/admin/audit?id=abc").status()).isEqualTo(400);
    assertThat(edna.get("/admin/audit?before=-5").status()).isEqualTo(400);
    assertThat(edna.get("/admin/audit?action=" + "x".repeat(101)).status()).isEqualTo(400);
    assertThat(edna.get("/admin/audit?action=%25").body()).contains("Nothing recorded matches.");
  }
}
