package io.lumbar.testing;

import io.lumbar.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client for the console over plain HTTP: keeps cookies, never follows redirects
 * (tests look at them), fills the CSRF field from the last page it saw.
 */
public final class ConsoleSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern LOGIN_TOKEN =
      Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"");

  /** An answer: status, headers and body. */
  public record Page(int status, HttpHeaders headers, String body) {
    public String location() {
      return headers.firstValue("Location").orElse(null);
    }

    /** The passage version in an edit form, which a save must send back. */
    public int formVersion() {
      java.util.regex.Matcher m =
          Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("No version field in: " + body);
      }
      return Integer.parseInt(m.group(1));
    }

    public com.fasterxml.jackson.databind.JsonNode json() {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Not JSON: " + body, e);
      }
    }
  }

  private final java.util.function.Function<String, java.net.URI> uris;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf;

  public ConsoleSession(RunningApp app) {
    this(app::uri);
  }

  /**
   * A session with a server reached through {@code uris} (a path and query to a full address), e.g.
   * a {@link ServerProcess}.
   */
  public ConsoleSession(java.util.function.Function<String, java.net.URI> uris) {
    this.uris = uris;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Creates a user through {@code lumbar user add}, as an operator would. */
  public static void createUser(RunningApp app, String name, String password, boolean admin) {
    createUser(app.config(), name, password, admin);
  }

  /** The same, for the database of {@code config}. */
  public static void createUser(
      io.lumbar.config.Config config, String name, String password, boolean admin) {
    StringWriter err = new StringWriter();
    var cli =
        Main.commandLine(
            config, new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    int exit =
        admin ? cli.execute("user", "add", name, "--admin") : cli.execute("user", "add", name);
    if (exit != 0) {
      throw new IllegalStateException("user add failed: " + err);
    }
  }

  public Page get(String path) {
    Page page = send(HttpRequest.newBuilder(uris.apply(path)).GET().build());
    remember(page);
    return page;
  }

  /** Posts a form with this session's CSRF token added. */
  public Page post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null) {
      all.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, all);
  }

  /** Posts exactly these fields (no CSRF token added). */
  public Page postRaw(String path, Map<String, String> fields) {
    return postFields(path, List.copyOf(fields.entrySet()));
  }

  /**
   * Posts a form whose fields may repeat (checkboxes of one name), with this session's CSRF token
   * added.
   */
  public Page postForm(String path, List<Map.Entry<String, String>> fields) {
    List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
    if (csrf != null) {
      all.add(Map.entry("_csrf", csrf));
    }
    return postFields(path, all);
  }

  private Page postFields(String path, List<Map.Entry<String, String>> fields) {
    String form =
        fields.stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    Page page =
        send(
            HttpRequest.newBuilder(uris.apply(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    remember(page);
    return page;
  }

  /**
   * Posts a multipart form, as a browser sends the import form: text fields, then one file (none
   * when {@code fileName} is null). This session's CSRF token is added unless {@code fields} has a
   * {@code _csrf}.
   */
  public Page postMultipart(
      String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
    return postMultipart(
        path, fields, fileField, fileName == null ? Map.of() : Map.of(fileName, content));
  }

  /** A multipart form with several files in one field, as an input with "multiple" sends them. */
  public Page postMultipart(
      String path, Map<String, String> fields, String fileField, Map<String, byte[]> files) {
    Map<String, String> all = new LinkedHashMap<>();
    if (csrf != null) {
      all.put("_csrf", csrf);
    }
    all.putAll(fields);
    String boundary = "----LumbarTest" + java.util.UUID.randomUUID().toString().replace("-", "");
    var body = new java.io.ByteArrayOutputStream();
    all.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    files.forEach(
        (fileName, content) -> {
          body.writeBytes(
              ("--"
                      + boundary
                      + "\r\nContent-Disposition: form-data; name=\""
                      + fileField
                      + "\"; filename=\""
                      + fileName
                      + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          body.writeBytes(content);
          body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Page page =
        send(
            HttpRequest.newBuilder(uris.apply(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    remember(page);
    return page;
  }

  /** Fetches the login form and answers its token (the form's cookie is kept by this session). */
  public String loginToken() {
    Page form = get("/admin/login");
    Matcher token = LOGIN_TOKEN.matcher(form.body());
    if (!token.find()) {
      throw new IllegalStateException("No login form: " + form.status());
    }
    return token.group(1);
  }

  /** Signs in through the login form; returns the answer to the form post. */
  public Page login(String username, String password) {
    String token = loginToken();
    Page answer =
        postRaw(
            "/admin/login",
            Map.of("login_token", token, "username", username, "password", password));
    if (answer.status() == 302) {
      get("/admin");
    }
    return answer;
  }

  public String csrf() {
    return csrf;
  }

  public HttpCookie cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  public void setCookie(String name, String value) {
    HttpCookie cookie = new HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(uris.apply("/"), cookie);
  }

  private void remember(Page page) {
    Matcher m = CSRF.matcher(page.body());
    if (m.find()) {
      csrf = m.group(1);
    }
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Page(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
