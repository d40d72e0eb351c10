package io.lumbar.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Taxonomy management through the console, and search following every change without a restart. */
class TaxonomyConsoleTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final String PASSWORD = "a long enough password";
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

  private static List<String> liveSlugs() {
    JsonNode tags = app.get("/api/tags").json();
    List<String> slugs = new ArrayList<>();
    for (String kind : List.of("causes", "treatments")) {
      tags.get(kind).forEach(t -> slugs.add(t.get("slug").asText()));
    }
    return slugs;
  }

  private static JsonNode apiTag(String slug) {
    JsonNode tags = app.get("/api/tags").json();
    return StreamSupport.stream(tags.get("causes").spliterator(), false)
        .filter(t -> t.get("slug").asText().equals(slug))
        .findFirst()
        .orElseThrow();
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

  private static long taggedWith(String slug) {
    return count(
        "SELECT COUNT(*) FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.slug = ?",
        slug);
  }

  @Test
  void the_pages_list_the_taxonomy_and_offer_structure_changes_only_to_admins() {
    Page editorList = edna.get("/admin/tags");
    assertThat(editorList.status()).isEqualTo(200);
    assertThat(editorList.body())
        .contains("Causes (")
        .contains("Treatments (")
        .contains("href=\"/admin/tags/sciatica\"")
        .contains("href=\"/admin/tags\">Taxonomy")
        .doesNotContain("action=\"/admin/tags\"");
    assertThat(adam.get("/admin/tags").body()).contains("action=\"/admin/tags\"");

    Page editorEdit = edna.get("/admin/tags/sciatica");
    assertThat(editorEdit.status()).isEqualTo(200);
    assertThat(editorEdit.body())
        .contains("Save wording")
        .contains("pinched nerve")
        .doesNotContain("Merge into");
    assertThat(adam.get("/admin/tags/sciatica").body())
        .contains("Merge into")
        .contains("/admin/tags/sciatica/rename");
  }

  @Test
  void an_editor_adds_an_alias_and_search_ranks_a_tagged_passage_first() {
    List<String> aliases = new ArrayList<>();
    apiTag("sciatica").get("aliases").forEach(a -> aliases.add(a.asText()));
    aliases.add("  Zebra   Leg ");
    aliases.add("zebra leg");

    Page saved =
        edna.post(
            "/admin/tags/sciatica",
            Map.of(
                "description",
                "Pain along the sciatic nerve.",
                "aliases",
                String.join("\n", aliases)));

    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.location()).isEqualTo("/admin/tags/sciatica?done=described");
    assertThat(edna.get(saved.location()).body()).contains("Description and aliases saved");
    JsonNode stored = apiTag("sciatica").get("aliases");
    assertThat(
            StreamSupport.stream(stored.spliterator(), false)
                .map(JsonNode::asText)
                .filter(a -> a.equals("zebra leg")))
        .hasSize(1);
    Eventually.within(
        Duration.ofSeconds(2),
        () -> {
          JsonNode first = app.get("/api/search?q=zebra+leg").json().get("results").get(0);
          assertThat(first).isNotNull();
          assertThat(first.get("causes").findValuesAsText("slug")).contains("sciatica");
        });
  }

  @Test
  void editors_may_not_change_the_structure() {
    List<String> before = liveSlugs();
    for (String path :
        List.of(
            "/admin/tags",
            "/admin/tags/sciatica/rename",
            "/admin/tags/sciatica/merge",
            "/admin/tags/sciatica/retire",
            "/admin/tags/sciatica/parent",
            "/admin/tags/sciatica/links",
            "/admin/tags/sciatica/links/massage/remove")) {
      Page answer =
          edna.post(
              path,
              Map.of(
                  "kind",
                  "cause",
                  "name",
                  "Edna's tag",
                  "into",
                  "disc-herniation",
                  "tag",
                  "massage"));
      assertThat(answer.status()).as(path).isEqualTo(403);
    }
    assertThat(liveSlugs()).isEqualTo(before);
  }

  @Test
  void an_admin_creates_a_tag_with_a_derived_slug_and_escaped_name() {
    Page created =
        adam.post(
            "/admin/tags",
            Map.of(
                "kind",
                "cause",
                "name",
                "Piriformis <b>syndrome</b>",
                "description",
                "",
                "aliases",
                "butt cramp\nButt Cramp",
                "parent",
                "sciatica"));

    assertThat(created.status()).isEqualTo(302);
    assertThat(created.location()).isEqualTo("/admin/tags/piriformis-b-syndrome-b?done=created");
    Page page = adam.get(created.location());
    assertThat(page.body())
        .contains("Tag created.")
        .contains("Piriformis &lt;b&gt;syndrome&lt;/b&gt;")
        .doesNotContain("<b>syndrome")
        .contains("parent <a href=\"/admin/tags/sciatica\">Sciatica</a>");
    assertThat(liveSlugs()).contains("piriformis-b-syndrome-b");
    assertThat(
            count("SELECT COUNT(*) FROM audit_log WHERE action = 'tag.create' AND actor = 'adam'"))
        .isEqualTo(1);
  }

  @Test
  void a_rename_reaches_the_tag_names_in_search_results() {
    Page renamed =
        adam.post("/admin/tags/disc-herniation/rename", Map.of("name", "Slipped disc (renamed)"));

    assertThat(renamed.location()).isEqualTo("/admin/tags/disc-herniation?done=renamed");
    Eventually.within(
        Duration.ofSeconds(2),
        () -> {
          JsonNode results =
              app.get("/api/search?q=disc&cause=disc-herniation&limit=5").json().get("results");
          assertThat(results.size()).isPositive();
          assertThat(results.get(0).get("causes").findValuesAsText("name"))
              .contains("Slipped disc (renamed)")
              .doesNotContain("Disc herniation");
        });
  }

  @Test
  void a_merge_moves_every_passage_reports_exactly_and_retires_the_source() {
    long sourcePassages = taggedWith("massage-tools");
    long both =
        count(
            """
        SELECT COUNT(*) FROM passage_tags a JOIN tags ta ON ta.id = a.tag_id JOIN passage_tags b ON b.passage_id = a.passage_id
          JOIN tags tb ON tb.id = b.tag_id WHERE ta.slug = 'massage-tools' AND tb.slug = 'massage'
        """);
    long targetBefore = taggedWith("massage");
    assertThat(sourcePassages).isPositive();

    Page merged =
        adam.post("/admin/tags/massage-tools/merge", Map.of("into", "massage", "confirm", "yes"));

    long moved = sourcePassages - both;
    assertThat(merged.location())
        .startsWith(
            "/admin/tags/massage?done=merged&from=massage-tools&moved="
                + moved
                + "&already="
                + both
                + "&change=");
    assertThat(adam.get(merged.location()).body())
        .contains(
            "Merged Self-massage tools into this tag: "
                + moved
                + " passages moved, "
                + both
                + " already had this tag");
    assertThat(
            adam.get("/admin/tags/massage?done=merged&from=Call+555-0100+now&moved=1&already=0")
                .body())
        .contains("Merged a tag into this tag")
        .doesNotContain("555-0100");
    assertThat(taggedWith("massage-tools")).isZero();
    assertThat(taggedWith("massage")).isEqualTo(targetBefore + moved);
    assertThat(liveSlugs()).doesNotContain("massage-tools").contains("massage");
    assertThat(adam.get("/admin/tags/massage").body())
        .contains("foam roller")
        .contains("self-massage tools");
    Eventually.within(
        Duration.ofSeconds(2),
        () -> {
          assertThat(app.get("/api/search?q=foam+roller+massage&limit=50").body())
              .doesNotContain("\"massage-tools\"");
          // The merged tag is gone: filtering by it is refused with the treatments that exist.
          var byMergedTag = app.get("/api/search?q=massage&treatment=massage-tools");
          assertThat(byMergedTag.status()).isEqualTo(400);
          assertThat(byMergedTag.json().get("valid").toString())
              .doesNotContain("\"massage-tools\"")
              .contains("\"massage\"");
        });
  }

  @Test
  void a_retired_tag_leaves_the_tag_list_and_can_be_restored() {
    Page retired = adam.post("/admin/tags/see-a-doctor/retire", Map.of("confirm", "yes"));

    assertThat(retired.location()).startsWith("/admin/tags/see-a-doctor?done=retired&change=");
    assertThat(liveSlugs()).doesNotContain("see-a-doctor");
    assertThat(adam.get("/admin/tags").body()).contains("(retired)");

    adam.post("/admin/tags/see-a-doctor/restore", Map.of());
    assertThat(liveSlugs()).contains("see-a-doctor");
  }

  @Test
  void bad_input_answers_400_or_404_and_changes_nothing() {
    String tagsBefore = app.get("/api/tags").body();
    long auditBefore = count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'tag'");

    assertThat(adam.post("/admin/tags", Map.of("kind", "cause", "name", "sciatica")).status())
        .isEqualTo(400);
    assertThat(adam.post("/admin/tags", Map.of("kind", "cause", "name", "   ")).status())
        .isEqualTo(400);
    assertThat(adam.post("/admin/tags", Map.of("kind", "symptom", "name", "Numbness")).status())
        .isEqualTo(400);
    assertThat(adam.post("/admin/tags", Map.of("kind", "cause", "name", "x".repeat(201))).status())
        .isEqualTo(400);
    assertThat(
            adam.post(
                    "/admin/tags",
                    Map.of("kind", "cause", "name", "Numbness", "slug", "Not A Slug"))
                .status())
        .isEqualTo(400);
    assertThat(
            adam.post(
                    "/admin/tags", Map.of("kind", "cause", "name", "Numbness", "parent", "massage"))
                .status())
        .isEqualTo(400);
    assertThat(
            adam.post(
                    "/admin/tags",
                    Map.of("kind", "cause", "name", "Numbness", "parent", "no-such-tag"))
                .status())
        .isEqualTo(404);
    assertThat(adam.post("/admin/tags/sciatica/parent", Map.of("parent", "sciatica")).status())
        .isEqualTo(400);
    assertThat(adam.post("/admin/tags/sciatica/merge", Map.of("into", "sciatica")).status())
        .isEqualTo(400);
    assertThat(adam.post("/admin/tags/sciatica/merge", Map.of("into", "massage")).status())
        .isEqualTo(400);
    assertThat(adam.post("/admin/tags/sciatica/merge", Map.of("into", "no-such-tag")).status())
        .isEqualTo(404);
    assertThat(adam.post("/admin/tags/sciatica/merge", Map.of()).status()).isEqualTo(400);
    assertThat(adam.post("/admin/tags/disc-herniation/rename", Map.of("name", "SCIATICA")).status())
        .isEqualTo(400);
    assertThat(adam.post("/admin/tags/sciatica/links", Map.of("tag", "disc-herniation")).status())
        .isEqualTo(400);
    assertThat(edna.post("/admin/tags/sciatica", Map.of("aliases", "a".repeat(101))).status())
        .isEqualTo(400);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("alias " + i);
    }
    assertThat(
            edna.post("/admin/tags/sciatica", Map.of("aliases", String.join("\n", many))).status())
        .isEqualTo(400);
    assertThat(edna.get("/admin/tags/no-such-tag").status()).isEqualTo(404);
    assertThat(edna.post("/admin/tags/no-such-tag", Map.of("aliases", "x")).status())
        .isEqualTo(404);
    assertThat(adam.post("/admin/tags/no-such-tag/rename", Map.of("name", "x")).status())
        .isEqualTo(404);
    assertThat(adam.get("/admin/tags/massage?done=merged&from=x&moved=abc").status())
        .isEqualTo(400);

    assertThat(app.get("/api/tags").body()).isEqualTo(tagsBefore);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'tag'"))
        .isEqualTo(auditBefore);
  }

  @Test
  void a_refused_form_comes_back_with_the_reason_and_everything_typed() {
    var create =
        adam.post(
            "/admin/tags",
            Map.of(
                "kind",
                "treatment",
                "name",
                "Massage",
                "description",
                "Kneading <b>muscles</b>",
                "aliases",
                "rub down\nback rub",
                "parent",
                "physical-therapy"));
    assertThat(create.status()).isEqualTo(400);
    var form = Jsoup.parse(create.body()).getElementById("create");
    assertThat(Jsoup.parse(create.body()).select("[role=alert]").text())
        .isEqualTo("The slug 'massage' is taken; choose another slug");
    assertThat(form.getElementById("name").val()).isEqualTo("Massage");
    assertThat(form.select("#kind option[selected]").val()).isEqualTo("treatment");
    assertThat(form.getElementById("description").val()).isEqualTo("Kneading <b>muscles</b>");
    assertThat(form.getElementById("aliases").val()).isEqualTo("rub down\nback rub");
    assertThat(form.select("#parent option[selected]").val()).isEqualTo("physical-therapy");

    String typed = "pins and needles\n" + "a".repeat(101);
    var describe =
        edna.post("/admin/tags/sciatica", Map.of("description", "my new words", "aliases", typed));
    assertThat(describe.status()).isEqualTo(400);
    var page = Jsoup.parse(describe.body());
    assertThat(page.select("[role=alert]").text())
        .startsWith("An alias has at most 100 characters");
    assertThat(page.getElementById("description").val()).isEqualTo("my new words");
    assertThat(page.getElementById("aliases").val()).isEqualTo(typed);
    assertThat(apiTag("sciatica").toString()).doesNotContain("my new words");
  }

  @Test
  void a_post_without_the_csrf_token_is_refused() {
    assertThat(adam.postRaw("/admin/tags/sciatica/retire", Map.of()).status()).isEqualTo(403);
    assertThat(adam.postRaw("/admin/tags", Map.of("kind", "cause", "name", "Sneaky")).status())
        .isEqualTo(403);
    assertThat(liveSlugs()).contains("sciatica").doesNotContain("sneaky");
  }

  @Test
  void an_admin_links_and_unlinks_a_cause_and_a_treatment() {
    assertThat(adam.post("/admin/tags/sciatica/links", Map.of("tag", "see-a-doctor")).location())
        .endsWith("?done=linked");
    assertThat(adam.get("/admin/tags/see-a-doctor").body())
        .contains("href=\"/admin/tags/sciatica\"");
    assertThat(adam.post("/admin/tags/sciatica/links/see-a-doctor/remove", Map.of()).location())
        .endsWith("?done=unlinked");
    assertThat(
            count(
                """
        SELECT COUNT(*) FROM tag_links l JOIN tags c ON c.id = l.cause_id JOIN tags t ON t.id = l.treatment_id
         WHERE c.slug = 'sciatica' AND t.slug = 'see-a-doctor'
        """))
        .isZero();
  }
}
