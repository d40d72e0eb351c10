package io.lumbar.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Undo of tag changes through the console, on the real database: a bulk replace, a merge, a
 * retirement and a tag removal each confirm first, then are undone to the exact rows they changed,
 * leaving only audit rows behind; passages edited since are left alone and listed.
 */
class UndoTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final String PASSWORD = "a long enough password";
  private static final Pattern UNDO_FORM = Pattern.compile("action=\"/admin/changes/(\\d+)/undo\"");

  /**
   * Every row of the tables a tag change may touch, and of passages (which an undo must not touch).
   */
  private static final List<String> TABLES =
      List.of(
          "SELECT * FROM passage_tags ORDER BY passage_id, tag_id",
          "SELECT * FROM tags ORDER BY id",
          "SELECT * FROM tag_links ORDER BY cause_id, treatment_id",
          "SELECT * FROM passages ORDER BY id",
          "SELECT * FROM passage_revisions ORDER BY id");

  static ConsoleSession edna;
  static ConsoleSession adam;

  @BeforeAll
  static void signIn() {
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    ConsoleSession.createUser(app, "adam", PASSWORD, true);
    edna = new ConsoleSession(app);
    edna.login("edna", PASSWORD);
    adam = new ConsoleSession(app);
    adam.login("adam", PASSWORD);
  }

  private static List<String> tables() {
    return app.database()
        .read(
            c -> {
              List<String> rows = new ArrayList<>();
              for (String sql : TABLES) {
                try (var st = c.prepareStatement(sql);
                    var rs = st.executeQuery()) {
                  int columns = rs.getMetaData().getColumnCount();
                  while (rs.next()) {
                    StringBuilder row = new StringBuilder(sql.substring(14, 30));
                    for (int i = 1; i <= columns; i++) {
                      row.append(" | ").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                  }
                }
              }
              return rows;
            });
  }

  private static long count(String sql, Object... values) {
    return app.database()
        .read(
            c -> {
              try (var st = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                  st.setObject(i + 1, values[i]);
                }
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  private static long changeSetIn(String body) {
    Matcher m = UNDO_FORM.matcher(body);
    assertThat(m.find()).as("an Undo form in: %s", body).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static long searchTotal(String query) {
    return app.get("/api/search?" + query).json().get("total").asLong();
  }

  @Test
  void a_bulk_replace_confirms_first_and_its_undo_leaves_only_audit_rows() {
    List<String> before = tables();
    long dryNeedlingBefore = searchTotal("q=kidney+stones&treatment=dry-needling");
    long auditBefore = count("SELECT COUNT(*) FROM audit_log");
    Map<String, String> replace =
        Map.of("cause", "kidney-stones", "tag", "dry-needling", "mode", "replace");

    Page confirm = edna.post("/admin/passages/bulk", replace);

    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("Adds Dry needling to 5 passages (of 5 matched).")
        .containsPattern("Removes [^<]+ from \\d+ passages?\\.")
        .contains("name=\"confirm\" value=\"yes\"")
        .contains("name=\"cause\" value=\"kidney-stones\"");
    assertThat(tables()).as("the confirmation step writes nothing").isEqualTo(before);

    Map<String, String> confirmed = new java.util.HashMap<>(replace);
    confirmed.put("confirm", "yes");
    Page applied = edna.post("/admin/passages/bulk", confirmed);
    assertThat(applied.body())
        .contains("Dry needling now replaces the other tags of its kind on 5 passages");
    assertThat(tables()).isNotEqualTo(before);
    Eventually.within(
        Duration.ofSeconds(2),
        () -> assertThat(searchTotal("q=kidney+stones&treatment=dry-needling")).isEqualTo(5));

    long changeSet = changeSetIn(applied.body());
    Page undone = edna.post("/admin/changes/" + changeSet + "/undo", Map.of());

    assertThat(undone.location()).isEqualTo("/admin/changes/" + changeSet + "?done=undone");
    assertThat(edna.get(undone.location()).body())
        .contains("Undone: everything is back as it was.")
        .contains("Undone by edna");
    assertThat(tables()).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM audit_log") - auditBefore).isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'change.undo' AND entity_id = ?",
                changeSet))
        .isEqualTo(1);
    Eventually.within(
        Duration.ofSeconds(2),
        () ->
            assertThat(searchTotal("q=kidney+stones&treatment=dry-needling"))
                .isEqualTo(dryNeedlingBefore));

    Page twice = edna.post("/admin/changes/" + changeSet + "/undo", Map.of());
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.body()).contains("cannot be undone twice");
    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void a_merge_confirms_first_and_is_undone_from_the_audit_log() {
    List<String> before = tables();

    Page confirm = adam.post("/admin/tags/massage-tools/merge", Map.of("into", "massage"));
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("Merge Self-massage tools into")
        .containsPattern("Removes Self-massage tools from \\d+ passages?")
        .contains("Retires Self-massage tools.");
    assertThat(tables()).isEqualTo(before);

    Page merged =
        adam.post("/admin/tags/massage-tools/merge", Map.of("into", "massage", "confirm", "yes"));
    assertThat(merged.location()).startsWith("/admin/tags/massage?done=merged&from=massage-tools");
    long changeSet = changeSetIn(adam.get(merged.location()).body());
    assertThat(app.get("/api/tags").body()).doesNotContain("\"massage-tools\"");

    Page audit = adam.get("/admin/audit?action=tag.merge");
    assertThat(changeSetIn(audit.body())).isEqualTo(changeSet);
    assertThat(edna.get("/admin/audit?action=tag.merge").body())
        .as("editors do not undo merges")
        .doesNotContain("/undo\"");
    assertThat(edna.post("/admin/changes/" + changeSet + "/undo", Map.of()).status())
        .isEqualTo(403);
    assertThat(adam.postRaw("/admin/changes/" + changeSet + "/undo", Map.of()).status())
        .as("without the CSRF token")
        .isEqualTo(403);

    assertThat(adam.post("/admin/changes/" + changeSet + "/undo", Map.of()).status())
        .isEqualTo(302);

    assertThat(tables()).isEqualTo(before);
    assertThat(app.get("/api/tags").body()).contains("\"massage-tools\"");
    assertThat(adam.get("/admin/audit?action=tag.merge").body())
        .contains(">undone</a>")
        .doesNotContain("/undo\"");
  }

  @Test
  void a_retirement_confirms_first_and_its_undo_brings_the_tag_back_to_search() {
    List<String> before = tables();
    long tagged =
        count(
            "SELECT COUNT(*) FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.slug = 'see-a-doctor'");

    Page confirm = adam.post("/admin/tags/see-a-doctor/retire", Map.of());
    assertThat(confirm.body())
        .contains("Retire Seeing a doctor and warning signs")
        .contains("on " + tagged + " passage");
    assertThat(tables()).isEqualTo(before);

    Page retired = adam.post("/admin/tags/see-a-doctor/retire", Map.of("confirm", "yes"));
    assertThat(retired.location()).startsWith("/admin/tags/see-a-doctor?done=retired&change=");
    assertThat(app.get("/api/tags").body()).doesNotContain("\"see-a-doctor\"");
    long changeSet = changeSetIn(adam.get(retired.location()).body());

    adam.post("/admin/changes/" + changeSet + "/undo", Map.of());

    assertThat(tables()).isEqualTo(before);
    assertThat(app.get("/api/tags").body()).contains("\"see-a-doctor\"");
    Eventually.within(
        Duration.ofSeconds(2),
        () ->
            assertThat(app.get("/api/search?q=doctor&treatment=see-a-doctor").status())
                .isEqualTo(200));
  }

  @Test
  void a_tag_removal_from_a_passage_is_undone_from_its_confirmation() {
    long id = app.passageIdStartingWith("Pebbles can form in one or both kidneys");
    String slug =
        app.database()
            .read(
                c -> {
                  try (var st =
                      c.prepareStatement(
                          "SELECT t.slug FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = ? LIMIT 1")) {
                    st.setLong(1, id);
                    try (var rs = st.executeQuery()) {
                      rs.next();
                      return rs.getString(1);
                    }
                  }
                });
    List<String> before = tables();

    Page removed = edna.post("/admin/passages/" + id + "/tags/" + slug + "/remove", Map.of());
    assertThat(removed.location()).startsWith("/admin/passages/" + id + "?done=untagged&change=");
    long changeSet = changeSetIn(edna.get(removed.location()).body());
    assertThat(tables()).isNotEqualTo(before);

    edna.post("/admin/changes/" + changeSet + "/undo", Map.of());

    assertThat(tables()).isEqualTo(before);
  }

  @Test
  void an_undo_leaves_passages_edited_or_retagged_since_alone_and_lists_them() {
    List<Long> ids = new ArrayList<>();
    app.database()
        .read(
            c -> {
              try (var st =
                      c.prepareStatement(
                          """
          SELECT pt.passage_id FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.slug = 'kidney-stones' ORDER BY pt.passage_id
          """);
                  var rs = st.executeQuery()) {
                while (rs.next()) {
                  ids.add(rs.getLong(1));
                }
              }
              return null;
            });
    edna.post(
        "/admin/passages/bulk",
        Map.of("cause", "kidney-stones", "tag", "acupuncture", "mode", "add"));
    assertThat(
            edna.post(
                    "/admin/passages/bulk",
                    Map.of("cause", "kidney-stones", "tag", "acupuncture", "mode", "remove"))
                .body())
        .contains("Removes Acupuncture from " + ids.size() + " passages.");
    Page removed =
        edna.post(
            "/admin/passages/bulk",
            Map.of(
                "cause",
                "kidney-stones",
                "tag",
                "acupuncture",
                "mode",
                "remove",
                "confirm",
                "yes"));
    long changeSet = changeSetIn(removed.body());
    long edited = ids.get(0);
    long retagged = ids.get(1);
    Page editPage = edna.get("/admin/passages/" + edited);
    edna.post(
        "/admin/passages/" + edited,
        Map.of(
            "version",
            Integer.toString(editPage.formVersion()),
            "heading",
            "",
            "text",
            "An editor rewrote this passage after the bulk change.",
            "status",
            "published",
            "reject_reason",
            "",
            "action",
            "save"));
    edna.post("/admin/passages/" + retagged + "/tags", Map.of("tag", "acupuncture"));
    List<String> afterEdits = tables();

    Page undone = edna.get(edna.post("/admin/changes/" + changeSet + "/undo", Map.of()).location());

    assertThat(undone.body())
        .contains("Undone, except 2 things changed since")
        .contains("href=\"/admin/passages/" + edited + "\"")
        .contains("href=\"/admin/passages/" + retagged + "\"");
    String withHeat =
        """
        SELECT COUNT(*) FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.slug = 'acupuncture' AND pt.passage_id = ?
        """;
    assertThat(count(withHeat, edited)).as("the edited passage stays as it is").isZero();
    for (long other : ids.subList(2, ids.size())) {
      assertThat(count(withHeat, other)).as("passage %d gets the tag back", other).isEqualTo(1);
    }
    List<String> expected = new ArrayList<>(afterEdits);
    List<String> now = tables();
    // The retagged passage keeps the row its editor made, not the one the undo would have brought
    // back.
    assertThat(
            now.stream()
                .filter(r -> r.contains("passage_tags") && r.contains(" | " + retagged + " | "))
                .toList())
        .isEqualTo(
            expected.stream()
                .filter(r -> r.contains("passage_tags") && r.contains(" | " + retagged + " | "))
                .toList());
    assertThat(
            count(
                "SELECT JSON_LENGTH(undo_skipped, '$.passages') FROM change_sets WHERE id = ?",
                changeSet))
        .isEqualTo(2);
  }

  @Test
  void two_undos_at_once_undo_once() throws Exception {
    List<String> before = tables();
    Page applied =
        edna.post(
            "/admin/passages/bulk",
            Map.of(
                "cause", "muscle-strain", "tag", "stretching", "mode", "remove", "confirm", "yes"));
    long changeSet = changeSetIn(applied.body());
    assertThat(tables()).isNotEqualTo(before);

    var first =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> edna.post("/admin/changes/" + changeSet + "/undo", Map.of()));
    var second =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> adam.post("/admin/changes/" + changeSet + "/undo", Map.of()));

    assertThat(List.of(first.get().status(), second.get().status()))
        .containsExactlyInAnyOrder(302, 400);
    assertThat(tables()).isEqualTo(before);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'change.undo' AND entity_id = ?",
                changeSet))
        .isEqualTo(1);
  }
}
