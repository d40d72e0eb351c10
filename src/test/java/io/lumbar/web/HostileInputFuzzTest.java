package io.lumbar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.testing.RawHttp;
import io.lumbar.testing.RawHttp.Answer;
import io.lumbar.testing.RunningApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of generated hostile requests, from a fixed seed, over every public endpoint and the sign-in form:
 * query syntax, unbalanced quotes and brackets, huge and deeply nested input, control characters, broken
 * UTF-8 and percent-encodings, emoji, right-to-left text, SQL and HTML injection, absurd numbers, repeated
 * parameters. Not one may answer 5xx, and every answer must be well-formed: JSON for the API, a page with a
 * title for people, a redirect with a Location.
 */
class HostileInputFuzzTest {
  @RegisterExtension
  static final RunningApp app = RunningApp.perClass();

  static final long SEED = 20_240_611L;
  static final int INPUTS = 10_000;
  static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> FRAGMENTS = List.of(
      // query syntax
      "AND", "OR", "NOT", "&&", "||", "!", "+", "-", "\"", "\"sciatica", "pain\"", "(", ")", "[", "]", "{", "}",
      "[1 TO 5]", "{a TO z}", "*", "?", "sci*", "*atica", "s?iatica", "pain~", "sciatica~2", "\"back pain\"~5",
      "pain^4", "pain^-1", "pain^99999999999", "text:pain", "id:1", "*:*", "/regex.*/", "\\", "\\\"", ":", "~", "^",
      // injection
      "' OR '1'='1", "'; DROP TABLE passages; --", "1; SELECT SLEEP(5)", "\" OR \"\"=\"", "%' AND 1=1 -- ",
      "UNION SELECT password_hash FROM users", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
      "javascript:alert(1)", "{{7*7}}", "${7*7}", "<!--", "]]>", "&amp;", "&#0;", "../../etc/passwd", "%00",
      // unicode
      "😀", "🧘‍♀️", "👨‍👩‍👧", "\uD83D", "\uDE00", "ألم الظهر أثناء النوم", "כאב גב", "\u202Eevil\u202C", "\u200B",
      "\uFEFF", "ﬁ", "Ａ", "ß", "İ", "e\u0301", "腰痛", "\uFFFD", "\uFFFF",
      // control characters
      "\u0000", "\u0001", "\t", "\n", "\r", "\r\n", "\u001b[31m", "\u007f", "\u0085", "\u2028",
      // ordinary words
      "sciatica", "back", "pain", "lying", "night", "kidney", "stones", "disc", "herniated", " ", "  ");

  static final List<String> NUMBERS = List.of("0", "1", "-1", "5", "20", "100", "101", "10000", "10001",
      "2147483647", "2147483648", "-2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
      "99999999999999999999999", "1e3", "1.5", "0x10", "+5", " 5", "5 ", "٣", "１", "NaN", "Infinity", "", "abc",
      "-0", "00000000000000000000001", "5,6", "5;6");

  static final List<String> BROKEN_ESCAPES = List.of("%C3%28", "%FF", "%", "%G1", "%%", "%C3", "%E2%82", "%ED%A0%80",
      "%C0%AF", "%00", "%F4%90%80%80", "%2525", "%u0041", "%0D%0A");

  static final List<String> PUBLIC_PATHS = List.of("/api/search", "/", "/api/suggest", "/api/passages/{id}/related",
      "/api/passages/{id}", "/passages/{id}", "/api/tags", "/health", "/admin/login", "POST /admin/login", "/static/{x}", "/{x}");

  final Random random = new Random(SEED);

  @Test
  void ten_thousand_hostile_inputs_answer_without_a_5xx_and_well_formed() throws Exception {
    LoginForm form = LoginForm.fetch();
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < INPUTS; i++) {
      probes.add(probe(PUBLIC_PATHS.get(i % PUBLIC_PATHS.size()), form));
    }
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    int[] byEndpoint = new int[PUBLIC_PATHS.size()];
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> done = new ArrayList<>();
      for (Probe probe : probes) {
        done.add(pool.submit(() -> check(probe, problems)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    for (int i = 0; i < probes.size(); i++) {
      byEndpoint[i % PUBLIC_PATHS.size()]++;
    }

    assertThat(probes).hasSizeGreaterThanOrEqualTo(10_000);
    assertThat(java.util.Arrays.stream(byEndpoint).min().orElseThrow()).as("inputs per endpoint").isGreaterThan(800);
    assertThat(problems).as("%d problems, the first ones", problems.size()).isEmpty();
  }

  @Test
  void a_huge_header_is_431_and_a_huge_query_string_is_414() {
    Answer header = RawHttp.send(app.uri("/").getPort(), "GET", "/api/search?q=pain", null, "X-Filler: " + "a".repeat(64 * 1024));
    assertThat(header.status()).isEqualTo(431);

    Answer query = RawHttp.send(app.uri("/").getPort(), "GET", "/api/search?q=" + "a".repeat(100 * 1024), null);
    assertThat(query.status()).isEqualTo(414);
  }

  @Test
  void what_the_fuzzing_found_is_answered_400() {
    int port = app.uri("/").getPort();
    Answer notUtf8 = RawHttp.send(port, "GET", "/api/passages/1%C3", null);
    assertThat(notUtf8.status()).isEqualTo(400);
    assertThat(notUtf8.body()).isEqualTo("{\"error\":\"Bad request: Bad UTF-8 encoding\"}");

    assertThat(RawHttp.send(port, "GET", "/api/passages/1%u0041", null).status()).as("%%u escape").isEqualTo(400);

    for (String contentType : List.of("application/x-www-form-urlencoded; charset=bogus", "multipart/form-data; boundary=xyz")) {
      Answer login = RawHttp.send(port, "POST", "/admin/login", "username=a&password=b", "Content-Type: " + contentType);
      assertThat(login.status()).as(contentType).isEqualTo(415); // only a plain url-encoded form is read
      assertThat(login.body()).contains("<title>Sign in · Lumbar").contains("Sign in with the form on this page.");
    }
  }

  private void check(Probe probe, List<String> problems) {
    Answer answer;
    try {
      answer = RawHttp.send(app.uri("/").getPort(), probe.method(), probe.target(), probe.body(), probe.headers());
    } catch (RuntimeException e) {
      problems.add(probe + " → no answer: " + e.getMessage());
      return;
    }
    String problem = problemWith(probe, answer);
    if (problem != null && problems.size() < 30) {
      problems.add(probe + " → " + answer.status() + " " + problem + ": " + RawHttp.abbreviate(answer.body()));
    }
  }

  /** Null when the answer is acceptable, else what is wrong with it. */
  static String problemWith(Probe probe, Answer answer) {
    int status = answer.status();
    if (status >= 500) {
      return "server error";
    }
    if (status >= 300 && status < 400) {
      return answer.header("Location") == null ? "redirect without Location" : null;
    }
    String type = answer.header("Content-Type") == null ? "" : answer.header("Content-Type");
    boolean refusedByJetty = status == 400 && answer.body().contains("<h2>HTTP ERROR 400");
    if ((status == 414 || status == 431 || refusedByJetty || !isValidRequestTarget(probe.target())) && status >= 400) {
      // Refused while taking the request apart (a line too long, a NUL in the path...), before any route is
      // known, so before anything knows it is an API call: Jetty's page, with a title.
      return answer.body().contains("<title>") || answer.body().contains("\"error\"") ? null : "refusal without a body";
    }
    if (probe.api()) {
      if (!type.startsWith("application/json")) {
        return "API answer is " + type;
      }
      try {
        JsonNode json = JSON.readTree(answer.body());
        return json != null && json.isObject() && (status < 400 || json.path("error").isTextual()) ? null : "not a JSON object with error";
      } catch (Exception e) {
        return "invalid JSON";
      }
    }
    if (status == 200 && probe.target().startsWith("/static/")) {
      return null;
    }
    if (!type.startsWith("text/html") || !answer.body().contains("<title>")) {
      return "page without a title (" + type + ")";
    }
    return null;
  }

  private static final String UNRESERVED_AND_DELIMITERS = "-._~!$&'()*+,;=:@/?";

  /** A request target as RFC 3986 allows it: printable ASCII only, every % starting a two-digit hex escape. */
  static boolean isValidRequestTarget(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '%') {
        if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0 || Character.digit(target.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
      } else if (!(c < 128 && (Character.isLetterOrDigit(c) || UNRESERVED_AND_DELIMITERS.indexOf(c) >= 0))) {
        return false;
      }
    }
    return true;
  }

  record Probe(String method, String target, String body, String[] headers, boolean api) {
    @Override
    public String toString() {
      return method + " " + RawHttp.abbreviate(target) + (body == null ? "" : " body " + RawHttp.abbreviate(body));
    }
  }

  /** A sign-in form's token with its cookie, so some posts get past the token check to the real work. */
  record LoginForm(String token, String cookie) {
    static LoginForm fetch() {
      Answer page = RawHttp.send(app.uri("/").getPort(), "GET", "/admin/login", null);
      Matcher token = Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"").matcher(page.body());
      assertThat(token.find()).isTrue();
      return new LoginForm(token.group(1), page.header("Set-Cookie").split(";")[0]);
    }
  }

  private Probe probe(String endpoint, LoginForm form) {
    return switch (endpoint) {
      case "/api/search", "/" -> get(endpoint + "?" + searchParams(), endpoint.startsWith("/api"));
      case "/api/suggest" -> get("/api/suggest?" + params("q", text(), "limit", number()), true);
      case "/api/passages/{id}/related" -> get("/api/passages/" + id() + "/related?" + params("limit", number()), true);
      case "/api/passages/{id}" -> get("/api/passages/" + id() + (random.nextBoolean() ? "" : "?" + params("x", text())), true);
      case "/passages/{id}" -> get("/passages/" + id() + "?" + params("back", pick(List.of(text(), "/?q=" + encode(text())))), false);
      case "/api/tags" -> get("/api/tags?" + params("kind", text(), "limit", number()), true);
      case "/health" -> get("/health?" + params("verbose", text()), true);
      case "/admin/login" -> get("/admin/login?" + params("next", text()), false);
      case "POST /admin/login" -> loginPost(form);
      case "/static/{x}" -> get("/static/" + pick(List.of("lumbar.css", "../App.class", "..%2f..%2fpom.xml", "%2e%2e/%2e%2e/etc/passwd",
          "admin.js%00.css", encode(text()))), false);
      default -> get("/" + encode(text()), false);
    };
  }

  private Probe get(String target, boolean api) {
    return new Probe("GET", target, null, new String[0], api);
  }

  private Probe loginPost(LoginForm form) {
    boolean valid = random.nextInt(3) == 0;
    String body = params("username", text(), "password", text(), "next", text(),
        "login_token", valid ? form.token() : text());
    List<String> headers = new ArrayList<>();
    headers.add(pick(List.of("Content-Type: application/x-www-form-urlencoded",
        "Content-Type: application/x-www-form-urlencoded; charset=UTF-8", "Content-Type: application/x-www-form-urlencoded; charset=bogus",
        "Content-Type: multipart/form-data; boundary=xyz", "Content-Type: application/json", "Content-Type: text/plain")));
    if (valid) {
      headers.add("Cookie: " + form.cookie());
    }
    return new Probe("POST", "/admin/login", body, headers.toArray(String[]::new), false);
  }

  private String searchParams() {
    List<String> pairs = new ArrayList<>(List.of("q", text()));
    int extra = random.nextInt(5);
    for (int i = 0; i < extra; i++) {
      String name = pick(List.of("limit", "offset", "cause", "treatment", "article", "q", "limit"));
      pairs.add(name);
      pairs.add(name.equals("limit") || name.equals("offset") || name.equals("article") ? number() : text());
    }
    if (random.nextInt(50) == 0) {
      for (int i = 0; i < 60; i++) {
        pairs.add("cause");
        pairs.add("c" + i);
      }
    }
    return params(pairs.toArray(String[]::new));
  }

  private String params(String... namesAndValues) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1]));
    }
    return query.toString();
  }

  private String id() {
    return random.nextInt(4) == 0 ? encode(text()) : encode(number());
  }

  private String number() {
    return pick(NUMBERS);
  }

  private String text() {
    int mode = random.nextInt(100);
    if (mode < 55) {
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(8);
      for (int i = 0; i < n; i++) {
        s.append(pick(FRAGMENTS)).append(pick(List.of(" ", "", " ", "+", ",")));
      }
      return s.toString();
    }
    if (mode < 65) {
      return "(".repeat(random.nextInt(1_500)) + "\"[{pain" + ")".repeat(random.nextInt(1_500));
    }
    if (mode < 68) {
      String fragment = pick(FRAGMENTS);
      return fragment.repeat(1 + 100_000 / Math.max(1, fragment.length())).substring(0, 100_000);
    }
    if (mode < 85) {
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        int cp = random.nextInt(10) == 0 ? random.nextInt(0x20) : random.nextInt(3) == 0 ? 0x1F300 + random.nextInt(0x300) : random.nextInt(0xD800);
        s.appendCodePoint(cp);
      }
      return s.toString();
    }
    return number();
  }

  /** Usually proper UTF-8 percent-encoding; sometimes with a broken escape spliced in, or mostly raw. */
  private String encode(String text) {
    String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
    int mode = random.nextInt(100);
    if (mode < 70) {
      return encoded;
    }
    if (mode < 90) {
      int at = random.nextInt(encoded.length() + 1);
      // Between two escapes or characters, never inside one, so the splice is the only damage.
      while (at > 0 && at < encoded.length() && (encoded.charAt(at - 1) == '%' || (at > 1 && encoded.charAt(at - 2) == '%'))) {
        at--;
      }
      return encoded.substring(0, at) + pick(BROKEN_ESCAPES) + encoded.substring(at);
    }
    // Raw: sent as UTF-8 bytes, with only what would break the request line itself escaped.
    return text.replace("%", "%25").replace(" ", "+").replace("\r", "%0D").replace("\n", "%0A").replace("&", "%26")
        .replace("#", "%23");
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
