package io.lumbar.passages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PassageApiTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  private static long idOf(String status, String textLike) {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT id FROM passages WHERE status = ? AND text LIKE ? ORDER BY id LIMIT 1")) {
                st.setString(1, status);
                st.setString(2, textLike);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  @Test
  void published_passage_comes_with_its_article() {
    long id = idOf("published", "Sciatica is inflammation of the large nerve%");
    Response response = app.get("/api/passages/" + id);
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("id").asLong()).isEqualTo(id);
    assertThat(body.get("text").asText()).startsWith("Sciatica is inflammation of the large nerve");
    assertThat(body.get("status").asText()).isEqualTo("published");
    assertThat(body.get("version").asInt()).isEqualTo(1);
    assertThat(body.get("article").get("title").asText())
        .isEqualTo("Lower Back Pain When Lying Down: Causes, Treatment, and More");
    assertThat(body.get("article").get("publisher").asText()).isEqualTo("Healthgrades");
    assertThat(body.get("causes").isArray()).isTrue();
    assertThat(body.get("treatments").isArray()).isTrue();
  }

  @Test
  void a_passage_and_its_search_hit_carry_the_heading_path_and_where_the_article_was_published() {
    ArticleSource source =
        ArticleSource.of(
                "quokka.txt",
                """
        Quokka nights

        Quokka posture

        The quokka posture keeps the lower back neutral through a night on a firm mattress.
        """)
            .withMetadata(null, "Spine Weekly")
            .withProvenance("https://example.org/quokka", LocalDate.of(2022, 11, 30));
    long articleId = new ArticleImporter(app.database()).importArticle(source, "test").articleId();
    // Today's splitter finds one heading level; the headings above it come from the article's
    // structure.
    long id =
        app.database()
            .inTransaction(
                c -> {
                  try (var st =
                      c.prepareStatement("SELECT id FROM passages WHERE article_id = ?")) {
                    st.setLong(1, articleId);
                    try (var rs = st.executeQuery()) {
                      rs.next();
                      long passage = rs.getLong(1);
                      c.createStatement()
                          .executeUpdate(
                              "UPDATE passages SET section_path = '[\"Sleep\", \"Wombat corner\"]' WHERE id = "
                                  + passage);
                      ChangeLog.append(c, passage);
                      return passage;
                    }
                  }
                });
    String article =
        "{\"id\":"
            + articleId
            + ",\"title\":\"Quokka nights\",\"publisher\":\"Spine Weekly\","
            + "\"url\":\"https://example.org/quokka\",\"published\":\"2022-11-30\"}";

    JsonNode passage = app.get("/api/passages/" + id).json();
    assertThat(passage.get("heading").asText()).isEqualTo("Quokka posture");
    assertThat(passage.get("headingPath").toString())
        .isEqualTo("[\"Sleep\",\"Wombat corner\",\"Quokka posture\"]");
    assertThat(passage.get("article").toString()).isEqualTo(article);

    Eventually.within(
        Duration.ofSeconds(10),
        () -> {
          JsonNode hit = app.get("/api/search?q=quokka").json().path("results").path(0);
          assertThat(hit.path("id").asLong()).isEqualTo(id);
          assertThat(hit.get("headingPath").toString())
              .isEqualTo("[\"Sleep\",\"Wombat corner\",\"Quokka posture\"]");
          assertThat(hit.get("articleUrl").asText()).isEqualTo("https://example.org/quokka");
          assertThat(hit.get("articlePublisher").asText()).isEqualTo("Spine Weekly");
          assertThat(hit.get("articlePublished").asText()).isEqualTo("2022-11-30");
        });
    // The headings above the passage's own are searched like it: only they say "wombat".
    JsonNode byAncestor = app.get("/api/search?q=wombat").json();
    assertThat(byAncestor.get("total").asLong()).isEqualTo(1);
    assertThat(byAncestor.get("results").get(0).get("id").asLong()).isEqualTo(id);
  }

  @Test
  void rejected_passage_is_not_public() {
    long id = idOf("rejected", "%Privacy Policy%");
    Response response = app.get("/api/passages/" + id);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("error").asText()).contains("not found");
  }

  @Test
  void unknown_and_malformed_ids() {
    assertThat(app.get("/api/passages/987654321").status()).isEqualTo(404);
    assertThat(app.get("/api/passages/abc").status()).isEqualTo(400);
    assertThat(app.get("/api/passages/-3").status()).isEqualTo(400);
    assertThat(app.get("/api/passages/99999999999999999999999").status()).isEqualTo(400);
    assertThat(app.get("/api/passages/abc").json().get("error").asText())
        .contains("positive whole number");
  }

  @Test
  void tags_list_has_causes_and_treatments() {
    JsonNode body = app.get("/api/tags").json();
    assertThat(body.has("causes")).isTrue();
    assertThat(body.has("treatments")).isTrue();
  }
}
