package io.lumbar.passages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Editors curating passages through the console: edits, conflicts, escaping, tags, history. */
class PassageCurationTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final String PASSWORD = "a long enough password";
  static ConsoleSession edna;
  static ConsoleSession eric;

  @BeforeAll
  static void signIn() {
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    ConsoleSession.createUser(app, "eric", PASSWORD, false);
    edna = new ConsoleSession(app);
    edna.login("edna", PASSWORD);
    eric = new ConsoleSession(app);
    eric.login("eric", PASSWORD);
  }

  private static int version(Page page) {
    Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page.body());
    assertThat(m.find()).as("version field").isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static Map<String, String> form(int version, String text, String status) {
    return Map.of(
        "version",
        Integer.toString(version),
        "heading",
        "",
        "text",
        text,
        "status",
        status,
        "reject_reason",
        "",
        "action",
        "save");
  }

  private static String search(String q) {
    return app.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
  }

  @Test
  void an_edit_is_saved_with_a_new_revision_and_reaches_search_within_a_second() {
    long id = app.passageIdStartingWith("Pebbles can form in one or both kidneys");
    Page page = edna.get("/admin/passages/" + id);
    int version = version(page);
    String text =
        "Pebbles can form in one or both kidneys; a zanthoxylum marker proves the edit reached search.";

    Page saved = edna.post("/admin/passages/" + id, form(version, text, "published"));

    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.location()).isEqualTo("/admin/passages/" + id + "?done=saved");
    Page after = edna.get(saved.location());
    assertThat(version(after)).isEqualTo(version + 1);
    assertThat(after.body())
        .contains("Saved. Search shows the change")
        .contains("Original text")
        .contains(">edna<");
    Eventually.within(
        Duration.ofSeconds(1),
        () -> assertThat(search("zanthoxylum")).contains("zanthoxylum marker"));
  }

  @Test
  void saving_a_stale_copy_shows_both_versions_and_loses_nothing() {
    long id = app.passageIdStartingWith("Small kidney stones can pass through the urinary system");
    int version = version(edna.get("/admin/passages/" + id));
    version(eric.get("/admin/passages/" + id));
    assertThat(
            eric.post(
                    "/admin/passages/" + id,
                    form(version, "Eric's version of the kidney stone passage.", "published"))
                .status())
        .isEqualTo(302);

    Page conflict =
        edna.post(
            "/admin/passages/" + id,
            form(version, "Edna's careful rewrite of the kidney stone passage.", "published"));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("changed while you were editing")
        .contains("careful rewrite of the kidney stone passage")
        .contains("version of the kidney stone passage.</p>")
        .contains("eric saved version " + (version + 1));
    String stored =
        app.database()
            .read(
                c -> {
                  try (var st = c.prepareStatement("SELECT text FROM passages WHERE id = ?")) {
                    st.setLong(1, id);
                    try (var rs = st.executeQuery()) {
                      rs.next();
                      return rs.getString(1);
                    }
                  }
                });
    assertThat(stored).isEqualTo("Eric's version of the kidney stone passage.");
    // "Save mine over theirs" posts the newer version and wins.
    assertThat(
            edna.post(
                    "/admin/passages/" + id,
                    form(
                        version(conflict),
                        "Edna's careful rewrite of the kidney stone passage.",
                        "published"))
                .status())
        .isEqualTo(302);
  }

  @Test
  void passage_text_with_markup_is_escaped_on_every_page() {
    long id = app.passageIdStartingWith("Kidney infections require antibiotics");
    int version = version(edna.get("/admin/passages/" + id));
    String hostile =
        "Kidney infections <script>alert('x')</script> need <b>antibiotics</b> quickly.";

    edna.post("/admin/passages/" + id, form(version, hostile, "published"));

    String escaped = "&lt;script&gt;alert(";
    assertThat(edna.get("/admin/passages/" + id).body())
        .contains(escaped)
        .doesNotContain("<script>alert");
    assertThat(edna.get("/admin/passages?q=antibiotics").body())
        .contains(escaped)
        .doesNotContain("<script>alert");
    Eventually.within(
        Duration.ofSeconds(2),
        () ->
            assertThat(app.get("/?q=antibiotics").body())
                .contains("&lt;script&gt;")
                .doesNotContain("<script>alert"));
    Page conflict = eric.post("/admin/passages/" + id, form(version, hostile, "published"));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body()).doesNotContain("<script>alert");
  }

  @Test
  void tags_are_added_and_removed_and_search_follows() {
    long id = app.passageIdStartingWith("The kidneys sit in the lower back");

    assertThat(
            edna.post("/admin/passages/" + id + "/tags", Map.of("tag", "chiropractic")).location())
        .endsWith("?done=tagged");
    assertThat(edna.get("/admin/passages/" + id).body()).contains("Remove Chiropractic");
    Eventually.within(
        Duration.ofSeconds(2),
        () ->
            assertThat(
                    app.get("/api/search?q=kidneys+sit+lower+back&treatment=chiropractic&limit=1")
                        .json()
                        .get("results")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(id));

    assertThat(
            edna.post("/admin/passages/" + id + "/tags/chiropractic/remove", Map.of()).location())
        .contains("?done=untagged&change=");
    assertThat(edna.get("/admin/passages/" + id).body()).doesNotContain("Remove Chiropractic");
    assertThat(edna.post("/admin/passages/" + id + "/tags", Map.of("tag", "no-such-tag")).status())
        .isEqualTo(404);
  }

  @Test
  void a_revision_is_reverted_in_one_click() {
    long id = app.passageIdStartingWith("Thirty-nine percent of adults");
    Page page = edna.get("/admin/passages/" + id);
    int version = version(page);
    edna.post("/admin/passages/" + id, form(version, "A regrettable edit.", "published"));

    Page reverted =
        edna.post(
            "/admin/passages/" + id + "/revisions/" + version + "/revert",
            Map.of("version", Integer.toString(version + 1)));

    assertThat(reverted.status()).isEqualTo(302);
    assertThat(
            edna.post(
                    "/admin/passages/" + id + "/revisions/4294967297/revert",
                    Map.of("version", Integer.toString(version + 1)))
                .status())
        .as("a version past int range finds nothing")
        .isEqualTo(404);
    Page after = edna.get("/admin/passages/" + id);
    assertThat(after.body()).contains("Thirty-nine percent of adults").contains("Revert to this");
    // The history shows what each save changed, word by word.
    assertThat(after.body()).contains("<td class=\"diff\"><del>A</del><ins>Thirty-nine</ins>");
    assertThat(version(after)).isEqualTo(version + 2);
  }

  @Test
  void bad_edits_are_refused_with_a_reason_and_change_nothing() {
    long id = app.passageIdStartingWith("Contrary to popular belief, bed rest");
    int version = version(edna.get("/admin/passages/" + id));

    Page empty = edna.post("/admin/passages/" + id, form(version, "   ", "published"));
    Page noReason = edna.post("/admin/passages/" + id, form(version, "Some text", "rejected"));
    Page badVersion =
        edna.post(
            "/admin/passages/" + id, Map.of("version", "x", "text", "t", "status", "published"));

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("The text cannot be empty");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("Say why the passage is rejected");
    var form = org.jsoup.Jsoup.parse(noReason.body()).getElementById("edit");
    assertThat(form.getElementById("text").val()).isEqualTo("Some text");
    assertThat(form.select("#status option[selected]").val()).isEqualTo("rejected");
    assertThat(form.select("input[name=version]").val()).isEqualTo(Integer.toString(version));
    assertThat(badVersion.status()).isEqualTo(400);
    assertThat(version(edna.get("/admin/passages/" + id))).isEqualTo(version);
  }

  @Test
  void only_duplicates_say_what_they_duplicate() {
    long original = app.passageIdStartingWith("Pebbles can form in one or both kidneys");
    assertThat(edna.get("/admin/passages/" + original).body()).doesNotContain("duplicate of");
    long duplicate = app.passageIdStartingWith("Small kidney stones can pass");
    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement("UPDATE passages SET duplicate_of = ? WHERE id = ?")) {
                st.setLong(1, original);
                st.setLong(2, duplicate);
                return st.executeUpdate();
              }
            });
    assertThat(edna.get("/admin/passages/" + duplicate).body())
        .contains("duplicate of <a href=\"/admin/passages/" + original + "\">" + original + "</a>");
    assertThat(edna.get("/admin/passages?duplicates=1").body())
        .containsPattern("class=\"count\">1 passage\\s");
  }

  @Test
  void the_list_filters_and_counts() {
    assertThat(edna.get("/admin/passages?status=rejected").body()).contains("40 passages");
    assertThat(edna.get("/admin/passages?cause=sciatica").body()).contains("4 passages");
    assertThat(edna.get("/admin/passages?status=bogus").status()).isEqualTo(400);
    assertThat(edna.get("/admin/passages/999999").status()).isEqualTo(404);
  }

  private static int taggedWith(String slug) {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.slug = ?")) {
                st.setString(1, slug);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
  }

  @Test
  void bulk_tagging_previews_the_count_then_adds_replaces_or_removes_with_a_report() {
    Page preview = edna.get("/admin/passages/bulk?cause=kidney-stones");
    assertThat(preview.body())
        .contains("matches <strong class=\"matched\">5 passages</strong>")
        .contains("Apply to 5 passages");
    int before = taggedWith("dry-needling");

    Page added =
        edna.post(
            "/admin/passages/bulk",
            Map.of("cause", "kidney-stones", "tag", "dry-needling", "mode", "add"));

    assertThat(added.status()).isEqualTo(200);
    assertThat(added.body()).contains("Dry needling added to 5 of 5 passages (0 had it already).");
    assertThat(taggedWith("dry-needling")).isEqualTo(before + 5);
    Eventually.within(
        Duration.ofSeconds(2),
        () ->
            assertThat(
                    app.get("/api/search?q=kidney+stones&treatment=dry-needling")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(5));

    Page again =
        edna.post(
            "/admin/passages/bulk",
            Map.of("cause", "kidney-stones", "tag", "dry-needling", "mode", "add"));
    assertThat(again.body()).contains("Dry needling added to 0 of 5 passages (5 had it already).");

    Page removed =
        edna.post(
            "/admin/passages/bulk",
            Map.of(
                "cause",
                "kidney-stones",
                "tag",
                "dry-needling",
                "mode",
                "remove",
                "confirm",
                "yes"));
    assertThat(removed.body())
        .contains("Dry needling removed from 5 of 5 passages (0 did not have it).");
    assertThat(taggedWith("dry-needling")).isEqualTo(before);

    assertThat(
            edna.post(
                    "/admin/passages/bulk",
                    Map.of("cause", "kidney-stones", "tag", "dry-needling", "mode", "explode"))
                .status())
        .isEqualTo(400);
    assertThat(
            edna.post(
                    "/admin/passages/bulk",
                    Map.of("cause", "kidney-stones", "tag", "no-such-tag", "mode", "add"))
                .status())
        .isEqualTo(404);
    assertThat(
            edna.postRaw(
                    "/admin/passages/bulk",
                    Map.of("cause", "kidney-stones", "tag", "dry-needling", "mode", "add"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void bulk_replace_swaps_the_tags_of_that_kind_only() {
    long id = app.passageIdStartingWith("Medical professionals refer to back strains");
    edna.post("/admin/passages/" + id + "/tags", Map.of("tag", "massage"));
    // The only pending passage, so the filter "status=pending" picks exactly this one.
    Page page0 = edna.get("/admin/passages/" + id);
    String text =
        app.database()
            .read(
                c -> {
                  try (var st = c.prepareStatement("SELECT text FROM passages WHERE id = ?")) {
                    st.setLong(1, id);
                    try (var rs = st.executeQuery()) {
                      rs.next();
                      return rs.getString(1);
                    }
                  }
                });
    edna.post("/admin/passages/" + id, form(version(page0), text, "pending"));
    assertThat(edna.get("/admin/passages/bulk?status=pending").body())
        .contains("1 passage</strong>");

    Page replaced =
        edna.post(
            "/admin/passages/bulk",
            Map.of(
                "status",
                "pending",
                "tag",
                "posture-overuse",
                "mode",
                "replace",
                "confirm",
                "yes"));

    assertThat(replaced.body())
        .contains("Poor posture and overuse now replaces the other tags of its kind");
    String page = edna.get("/admin/passages/" + id).body();
    assertThat(page)
        .contains("Remove Poor posture and overuse")
        .doesNotContain("Remove Muscle strain")
        .contains("Remove Massage");
  }
}
