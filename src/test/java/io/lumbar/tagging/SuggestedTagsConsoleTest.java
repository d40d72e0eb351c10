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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Suggested tags over HTTP with a console session: the JSON route, the editor, and an article's
 * review queue.
 */
class SuggestedTagsConsoleTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final String PASSWORD = "a long enough password";
  static ConsoleSession edna;

  @BeforeAll
  static void signIn() {
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    edna = new ConsoleSession(app);
    edna.login("edna", PASSWORD);
  }

  @Test
  void a_passage_gets_its_suggestions_best_first_with_what_drove_each() {
    long id = app.passageIdStartingWith("Spinal stenosis, characterized by the narrowing of");

    Page answer = edna.get("/api/admin/passages/" + id + "/suggested-tags");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode suggestions = answer.json().get("suggestions");
    JsonNode first = suggestions.get(0);
    assertThat(first.get("slug").asText()).isEqualTo("spinal-stenosis");
    assertThat(first.get("kind").asText()).isEqualTo("cause");
    assertThat(first.get("name").asText()).isEqualTo("Spinal stenosis");
    assertThat(first.get("why").asText())
        .containsPattern("\\d of the 5 most similar tagged passages ha(s|ve) it")
        .contains("the text names 'Spinal stenosis'");
    List<Double> scores = new ArrayList<>();
    suggestions.forEach(s -> scores.add(s.get("score").asDouble()));
    assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void an_unknown_passage_is_a_json_404_and_a_bad_id_a_json_400() {
    Page unknown = edna.get("/api/admin/passages/987654/suggested-tags");
    Page bad = edna.get("/api/admin/passages/abc/suggested-tags");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).contains("987654");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).contains("'id' must be a positive whole number");
  }

  @Test
  void without_a_session_the_route_answers_401() {
    assertThat(app.get("/api/admin/passages/1/suggested-tags").status()).isEqualTo(401);
  }

  @Test
  void the_editor_shows_suggestions_with_their_reasons_and_number_keys() {
    long id = app.passageIdStartingWith("Sciatica occurs when the surrounding tissues");
    assertThat(edna.post("/admin/passages/" + id + "/tags/sciatica/remove", Map.of()).status())
        .isEqualTo(302);

    Page page = edna.get("/admin/passages/" + id);

    assertThat(page.body())
        .contains(
            "data-key=\"1\" aria-keyshortcuts=\"1\" aria-describedby=\"why-1\"><kbd>1</kbd> Add Sciatica")
        .containsPattern("id=\"why-1\">[^<]*the text names 'Sciatica'");
  }

  @Test
  void the_review_queue_adds_every_accepted_suggestion_at_once_audited_and_searchable() {
    long stenosis = app.passageIdStartingWith("Spinal stenosis, characterized by the narrowing of");
    long articleId = articleOf(stenosis);
    // As if just imported: the passage loses its tags, then the review puts the suggested one back.
    untagAll(stenosis);

    Page review = edna.get("/admin/articles/" + articleId + "/suggested-tags");

    assertThat(review.status()).isEqualTo(200);
    assertThat(review.body())
        .contains("Review suggested tags")
        .contains("the text names 'Spinal stenosis'");
    assertThat(checkedValues(review.body())).contains(stenosis + ":spinal-stenosis");

    Page applied =
        edna.post(
            "/admin/articles/" + articleId + "/suggested-tags",
            Map.of("accept", stenosis + ":spinal-stenosis"));
    assertThat(applied.status()).isEqualTo(302);
    Page after = edna.get(applied.location());
    assertThat(after.body()).contains("Added 1 tag.");
    assertThat(checkedValues(after.body())).doesNotContain(stenosis + ":spinal-stenosis");
    assertThat(tagsOf(stenosis)).containsExactly("spinal-stenosis");
    assertThat(auditedTags(stenosis)).containsExactly("spinal-stenosis");
    Eventually.within(
        Duration.ofSeconds(2),
        () ->
            assertThat(app.get("/api/search?q=narrowing&cause=spinal-stenosis&limit=50").body())
                .contains("\"id\":" + stenosis + ","));
  }

  @Test
  void accepted_suggestions_are_added_all_or_none() {
    long tumors = app.passageIdStartingWith("Spinal tumors, although less common, can cause pain");
    long articleId = articleOf(tumors);
    long elsewhere = app.passageIdStartingWith("Pebbles can form in one or both kidneys");
    untagAll(tumors);
    String path = "/admin/articles/" + articleId + "/suggested-tags";

    Page foreign =
        edna.postForm(
            path,
            List.of(
                Map.entry("accept", tumors + ":spinal-tumors"),
                Map.entry("accept", elsewhere + ":kidney-stones")));
    Page unknownTag =
        edna.postForm(
            path,
            List.of(
                Map.entry("accept", tumors + ":spinal-tumors"),
                Map.entry("accept", tumors + ":no-such-tag")));
    Page malformed = edna.postForm(path, List.of(Map.entry("accept", "spinal-tumors")));

    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("is not a published passage of this article");
    assertThat(unknownTag.status()).isEqualTo(404);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(tagsOf(tumors)).isEmpty();

    Page both =
        edna.postForm(
            path,
            List.of(
                Map.entry("accept", tumors + ":spinal-tumors"),
                Map.entry("accept", tumors + ":radiation")));

    assertThat(both.status()).isEqualTo(302);
    assertThat(both.location()).endsWith("?added=2");
    assertThat(tagsOf(tumors)).containsExactly("radiation", "spinal-tumors");
  }

  @Test
  void the_review_post_needs_the_csrf_token() {
    long tumors = app.passageIdStartingWith("Spinal tumors, although less common, can cause pain");
    edna.get("/admin/articles/" + articleOf(tumors) + "/suggested-tags");

    Page forged =
        edna.postRaw(
            "/admin/articles/" + articleOf(tumors) + "/suggested-tags",
            Map.of("accept", tumors + ":surgery"));

    assertThat(forged.status()).isEqualTo(403);
  }

  private static List<String> checkedValues(String html) {
    Matcher m =
        Pattern.compile(
                "<input type=\"checkbox\" name=\"accept\" id=\"[^\"]+\" value=\"([^\"]+)\" checked")
            .matcher(html);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  private static long articleOf(long passageId) {
    return single("SELECT article_id FROM passages WHERE id = ?", passageId);
  }

  private static long single(String sql, long id) {
    return app.database()
        .read(
            c -> {
              try (var st = c.prepareStatement(sql)) {
                st.setLong(1, id);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  private static void untagAll(long passageId) {
    for (String slug : tagsOf(passageId)) {
      assertThat(
              edna.post("/admin/passages/" + passageId + "/tags/" + slug + "/remove", Map.of())
                  .status())
          .isEqualTo(302);
    }
  }

  private static List<String> tagsOf(long passageId) {
    return strings(
        "SELECT t.slug FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = ? ORDER BY t.slug",
        passageId);
  }

  private static List<String> auditedTags(long passageId) {
    return strings(
        "SELECT JSON_VALUE(detail, '$.tag') FROM audit_log WHERE action = 'passage.tag' AND actor = 'edna' AND entity_id = ?",
        passageId);
  }

  private static List<String> strings(String sql, long id) {
    return app.database()
        .read(
            c -> {
              List<String> found = new ArrayList<>();
              try (var st = c.prepareStatement(sql)) {
                st.setLong(1, id);
                try (var rs = st.executeQuery()) {
                  while (rs.next()) {
                    found.add(rs.getString(1));
                  }
                }
              }
              return found;
            });
  }
}
