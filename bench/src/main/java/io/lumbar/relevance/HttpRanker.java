package io.lumbar.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running Lumbar (or anything with the same {@code /api/search} contract), asked over HTTP like
 * score.py does.
 */
final class HttpRanker implements Ranker {
  private final String base;
  private final ObjectMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  HttpRanker(String base, ObjectMapper json) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.json = json;
  }

  @Override
  public String name() {
    return base;
  }

  @Override
  public List<String> top(String query, int k) {
    URI uri =
        URI.create(
            base
                + "/api/search?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&limit="
                + k);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
      List<String> texts = new ArrayList<>();
      for (JsonNode hit : json.readTree(response.body()).path("results")) {
        texts.add(hit.path("text").asText(""));
      }
      return texts.subList(0, Math.min(k, texts.size()));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot search " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
