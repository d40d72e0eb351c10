package io.lumbar.passages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PassageApiTest {
  @RegisterExtension
  static final RunningApp app = RunningApp.perClass();

  private static long idOf(String status, String textLike) {
    return app.database().read(c -> {
      try (var st = c.prepareStatement("SELECT id FROM passages WHERE status = ? AND text LIKE ? ORDER BY id LIMIT 1")) {
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
    assertThat(body.get("article").get("title").asText()).isEqualTo("Lower Back Pain When Lying Down: Causes, Treatment, and More");
    assertThat(body.get("article").get("publisher").asText()).isEqualTo("Healthgrades");
    assertThat(body.get("causes").isArray()).isTrue();
    assertThat(body.get("treatments").isArray()).isTrue();
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
    assertThat(app.get("/api/passages/abc").json().get("error").asText()).contains("positive whole number");
  }

  @Test
  void tags_list_has_causes_and_treatments() {
    JsonNode body = app.get("/api/tags").json();
    assertThat(body.has("causes")).isTrue();
    assertThat(body.has("treatments")).isTrue();
  }
}
