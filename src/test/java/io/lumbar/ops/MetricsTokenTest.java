package io.lumbar.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code LUMBAR_METRICS_TOKEN} set, only a scraper presenting it reads {@code /metrics}. */
class MetricsTokenTest {
  private static final String TOKEN = "s3cret-metrics-token";

  @RegisterExtension
  static final RunningApp app = RunningApp.perClass(Map.of("LUMBAR_METRICS_TOKEN", TOKEN));

  private static Response scrape(String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri("/metrics")).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return app.send(request.build());
  }

  @Test
  void without_the_token_metrics_are_refused() {
    assertThat(scrape(null).status()).isEqualTo(401);
    assertThat(scrape("Bearer wrong").status()).isEqualTo(401);
    assertThat(scrape("Basic " + TOKEN).status()).isEqualTo(401);
    assertThat(scrape("Bearer " + TOKEN + "x").body()).doesNotContain("jvm_");
  }

  @Test
  void with_the_token_metrics_are_served() {
    Response response = scrape("Bearer " + TOKEN);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("http_server_requests_seconds_count");
  }

  @Test
  void the_rest_of_the_app_needs_no_token() {
    assertThat(app.get("/api/search?q=sciatica").status()).isEqualTo(200);
  }
}
