package io.lumbar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The console as a signed-in person uses it, over HTTP: the sign-in form, a passage's edit form
 * saved as it stands, the index rebuild and its job. Forms are read with jsoup, so their escaping
 * is undone exactly.
 */
final class ConsoleClient {
  private final URI base;
  private final ObjectMapper json;
  private final HttpClient http;

  /** An answer with its body. */
  record Answer(int status, String location, String body) {}

  ConsoleClient(URI base, ObjectMapper json) {
    this.base = base;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  void signIn(String user, String password) throws IOException, InterruptedException {
    Document form = Jsoup.parse(get("/admin/login").body());
    Element token = form.selectFirst("input[name=login_token]");
    if (token == null) {
      throw new IllegalStateException("No sign-in form at " + base.resolve("/admin/login"));
    }
    Answer answer =
        post(
            "/admin/login",
            Map.of("login_token", token.val(), "username", user, "password", password));
    if (answer.status() != 302 || String.valueOf(answer.location()).contains("/admin/login")) {
      throw new IllegalStateException(
          "Cannot sign in as '"
              + user
              + "' (answer "
              + answer.status()
              + "): check the name and password");
    }
  }

  /**
   * Saves passage {@code id} as its form shows it: a new version and revision, the same content.
   */
  Answer resave(long id) throws IOException, InterruptedException {
    Answer page = get("/admin/passages/" + id);
    if (page.status() != 200) {
      return page;
    }
    Element text = Jsoup.parse(page.body()).selectFirst("textarea[name=text]");
    Element form = text == null ? null : text.closest("form");
    if (form == null) {
      throw new IllegalStateException("No edit form for passage " + id);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name]")) {
      fields.put(input.attr("name"), input.val());
    }
    fields.put("text", text.wholeText());
    Element status = form.selectFirst("select[name=status] option[selected]");
    fields.put("status", status == null ? "published" : status.val());
    fields.put("action", "save");
    return post("/admin/passages/" + id, fields);
  }

  /** Starts an index rebuild; answers its job id. */
  long startReindex() throws IOException, InterruptedException {
    Element csrf = Jsoup.parse(get("/admin").body()).selectFirst("input[name=_csrf]");
    if (csrf == null) {
      throw new IllegalStateException("No console dashboard: is the user signed in?");
    }
    Answer answer = post("/admin/reindex", Map.of("_csrf", csrf.val()));
    String location = String.valueOf(answer.location());
    if (answer.status() != 302 || !location.matches(".*/admin/jobs/\\d+")) {
      throw new IllegalStateException(
          "The rebuild did not start (answer "
              + answer.status()
              + "); does the user have the admin role?");
    }
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  JsonNode job(long id) throws IOException, InterruptedException {
    return json.readTree(get("/api/admin/jobs/" + id).body());
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private Answer post(String path, Map<String, String> fields)
      throws IOException, InterruptedException {
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Location").orElse(null),
        response.body());
  }
}
