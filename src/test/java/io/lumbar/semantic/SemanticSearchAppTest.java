package io.lumbar.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.LogCapture;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Semantic search in the running app: on by configuration, off by configuration, and when the model
 * cannot load.
 */
class SemanticSearchAppTest {
  @Test
  void with_semantic_on_the_bundled_passages_get_vectors_and_debug_explains_each_hit()
      throws Exception {
    try (RunningApp app = RunningApp.start(Map.of("LUMBAR_SEMANTIC", "on"))) {
      assertThat(app.get("/health").json().get("semantic").asText()).isEqualTo("on");

      // Every passage is searchable at once; the vectors follow from the background worker.
      Eventually.within(
          Duration.ofSeconds(90),
          () -> {
            JsonNode results =
                app.get("/api/search?q=sciatica&limit=20&debug=1").json().get("results");
            assertThat(StreamSupport.stream(results.spliterator(), false))
                .allMatch(hit -> !hit.get("explain").get("similarity").isNull());
          });
      JsonNode meaning =
          app.get("/api/search?q=" + encode("my spine aches when I lie in bed") + "&debug=1")
              .json()
              .get("results");
      assertThat(StreamSupport.stream(meaning.spliterator(), false))
          .isNotEmpty()
          .allMatch(hit -> !hit.get("explain").get("similarity").isNull());
      JsonNode hit = app.get("/api/search?q=sciatica&debug=1").json().get("results").get(0);
      assertThat(hit.get("explain").get("side").asText()).isIn("lexical", "both");
      assertThat(hit.get("explain").get("score").floatValue())
          .isEqualTo(hit.get("score").floatValue());
      assertThat(app.get("/api/search?q=sciatica").json().get("results").get(0).has("explain"))
          .isFalse();
    }
  }

  @Test
  void a_model_that_cannot_load_leaves_search_lexical_and_health_says_so() throws Exception {
    Path empty = Files.createTempDirectory("no-model");
    try (LogCapture log = new LogCapture(Semantic.class);
        RunningApp app =
            RunningApp.start(
                Map.of("LUMBAR_SEMANTIC", "on", "LUMBAR_SEMANTIC_MODEL", empty.toString()))) {
      Response health = app.get("/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("semantic").asText()).isEqualTo("unavailable");
      assertThat(health.json().get("semanticError").asText())
          .startsWith("Cannot load the embedding model " + empty);
      Response search = app.get("/api/search?q=sciatica&debug=1");
      assertThat(search.status()).isEqualTo(200);
      assertThat(search.json().get("results").get(0).get("explain").get("side").asText())
          .isEqualTo("lexical");
      assertThat(log.messages()).hasSize(1).allMatch(line -> line.contains("state=unavailable"));
    }
  }

  @Test
  void with_semantic_off_health_says_off() throws Exception {
    try (RunningApp app = RunningApp.start(Map.of("LUMBAR_SEMANTIC", "off"))) {
      assertThat(app.get("/health").json().get("semantic").asText()).isEqualTo("off");
    }
  }

  private static String encode(String q) {
    return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
  }
}
