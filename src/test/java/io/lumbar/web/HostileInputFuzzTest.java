package io.lumbar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RawHttp;
import io.lumbar.testing.RawHttp.Answer;
import io.lumbar.testing.RunningApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of generated hostile requests, from a fixed seed, over every public endpoint and the
 * sign-in form: query syntax, unbalanced quotes and brackets, huge and deeply nested input, control
 * characters, broken UTF-8 and percent-encodings, emoji, right-to-left text, SQL and HTML
 * injection, absurd numbers, repeated parameters. Not one may answer 5xx, and every answer must be
 * well-formed: JSON for the API, a page with a title for people, a redirect with a Location.
 */
class HostileInputFuzzTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final long SEED = 20_240_611L;
  static final int INPUTS = 10_000;
  static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> FRAGMENTS =
      List.of(
          // query syntax
          "AND",
          "OR",
          "NOT",
          "&&",
          "||",
          "!",
          "+",
          "-",
          "\"",
          "\"sciatica",
          "pain\"",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "[1 TO 5]",
          "{a TO z}",
          "*",
          "?",
          "sci*",
          "*atica",
          "s?iatica",
          "pain~",
          "sciatica~2",
          "\"back pain\"~5",
          "pain^4",
          "pain^-1",
          "pain^99999999999",
          "text:pain",
          "id:1",
          "*:*",
          "/regex.*/",
          "\\",
          "\\\"",
          ":",
          "~",
          "^",
          // injection
          "' OR '1'='1",
          "'; DROP TABLE passages; --",
          "1; SELECT SLEEP(5)",
          "\" OR \"\"=\"",
          "%' AND 1=1 -- ",
          "UNION SELECT password_hash FROM users",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(1)",
          "{{7*7}}",
          "${7*7}",
          "<!--",
          "]]>",
          "&amp;",
          "&#0;",
          "../../etc/passwd",
          "%00",
          // unicode
          "😀",
          "🧘‍♀️",
          "👨‍👩‍👧",
          "\uD83D",
          "\uDE00",
          "ألم الظهر أثناء النوم",
          "כאב גב",
          "\u202Eevil\u202C",
          "\u200B",
          "\uFEFF",
          "ﬁ",
          "Ａ",
          "ß",
          "İ",
          "e\u0301",
          "腰痛",
          "\uFFFD",
          "\uFFFF",
          // control characters
          "\u0000",
          "\u0001",
          "\t",
          "\n",
          "\r",
          "\r\n",
          "\u001b[31m",
          "\u007f",
          "\u0085",
          "\u2028",
          // ordinary words
          "sciatica",
          "back",
          "pain",
          "lying",
          "night",
          "kidney",
          "stones",
          "disc",
          "herniated",
          " ",
          "  ");

  static final List<String> NUMBERS =
      List.of(
          "0",
          "1",
          "-1",
          "5",
          "20",
          "100",
          "101",
          "10000",
          "10001",
          "2147483647",
          "2147483648",
          "-2147483648",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "99999999999999999999999",
          "1e3",
          "1.5",
          "0x10",
          "+5",
          " 5",
          "5 ",
          "٣",
          "１",
          "NaN",
          "Infinity",
          "",
          "abc",
          "-0",
          "00000000000000000000001",
          "5,6",
          "5;6");

  static final List<String> BROKEN_ESCAPES =
      List.of(
          "%C3%28",
          "%FF",
          "%",
          "%G1",
          "%%",
          "%C3",
          "%E2%82",
          "%ED%A0%80",
          "%C0%AF",
          "%00",
          "%F4%90%80%80",
          "%2525",
          "%u0041",
          "%0D%0A");

  static final List<String> PUBLIC_PATHS =
      List.of(
          "/api/search",
          "/",
          "/api/suggest",
          "/api/passages/{id}/related",
          "/api/passages/{id}",
          "/passages/{id}",
          "/api/tags",
          "/health",
          "/admin/login",
          "POST /admin/login",
          "/static/{x}",
          "/{x}");

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
    assertThat(java.util.Arrays.stream(byEndpoint).min().orElseThrow())
        .as("inputs per endpoint")
        .isGreaterThan(800);
    assertThat(problems).as("%d problems, the first ones", problems.size()).isEmpty();
  }

  @Test
  void a_huge_header_is_431_and_a_huge_query_string_is_414() {
    Answer header =
        RawHttp.send(
            app.uri("/").getPort(),
            "GET",
            "/api/search?q=pain",
            null,
            "X-Filler: " + "a".repeat(64 * 1024));
    assertThat(header.status()).isEqualTo(431);

    Answer query =
        RawHttp.send(
            app.uri("/").getPort(), "GET", "/api/search?q=" + "a".repeat(100 * 1024), null);
    assertThat(query.status()).isEqualTo(414);
  }

  @Test
  void what_the_fuzzing_found_is_answered_400() {
    int port = app.uri("/").getPort();
    Answer notUtf8 = RawHttp.send(port, "GET", "/api/passages/1%C3", null);
    assertThat(notUtf8.status()).isEqualTo(400);
    assertThat(notUtf8.body()).isEqualTo("{\"error\":\"Bad request: Bad UTF-8 encoding\"}");

    assertThat(RawHttp.send(port, "GET", "/api/passages/1%u0041", null).status())
        .as("%%u escape")
        .isEqualTo(400);

    for (String contentType :
        List.of(
            "application/x-www-form-urlencoded; charset=bogus",
            "multipart/form-data; boundary=xyz")) {
      Answer login =
          RawHttp.send(
              port,
              "POST",
              "/admin/login",
              "username=a&password=b",
              "Content-Type: " + contentType);
      assertThat(login.status())
          .as(contentType)
          .isEqualTo(415); // only a plain url-encoded form is read
      assertThat(login.body())
          .contains("<title>Sign in · Lumbar")
          .contains("Sign in with the form on this page.");
    }
  }

  static final String PASSWORD = "a long enough password";

  /**
   * Every form the console shows an admin (found by following the console's links), posted once
   * without each of its fields in turn, then with a malformed chunked body and with a body that
   * ends before its length: not one 5xx, and every refusal a page with a title. The passage form
   * without its status shows the form again.
   */
  /**
   * Signed in before any test: the hostile sign-ins fill the address's failure budget, which would
   * refuse it later.
   */
  static ConsoleSession session;

  @BeforeAll
  static void signIn() {
    ConsoleSession.createUser(app, "formfuzzer", PASSWORD, true);
    ConsoleSession.createUser(app, "bystander", PASSWORD, false);
    session = new ConsoleSession(app);
    assertThat(session.login("formfuzzer", PASSWORD).status()).isEqualTo(302);
  }

  @Test
  void every_console_form_with_each_field_missing_or_a_broken_body_answers_without_a_5xx() {
    long me =
        app.database()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement()
                          .executeQuery("SELECT id FROM users WHERE username = 'formfuzzer'")) {
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    // Signing out or disabling oneself would end the session the rest of the forms are posted in.
    List<ConsoleForm> forms =
        ConsoleForm.crawl(session, "/admin", 60).stream()
            .filter(
                f ->
                    !f.action().equals("/admin/logout")
                        && !f.action().startsWith("/admin/users/" + me + "/"))
            .toList();
    assertThat(forms.stream().map(ConsoleForm::template).distinct())
        .as("forms found")
        .contains(
            "/admin/passages/N",
            "/admin/passages/N/tags",
            "/admin/passages/bulk",
            "/admin/articles",
            "/admin/tags",
            "/admin/synonyms",
            "/admin/users",
            "/admin/tokens",
            "/admin/reindex")
        .hasSizeGreaterThan(15);

    List<String> problems = new ArrayList<>();
    int posts = 0;
    for (ConsoleForm form : forms) {
      for (String missing : form.fieldNames()) {
        List<Map.Entry<String, String>> fields =
            form.fields().stream().filter(f -> !f.getKey().equals(missing)).toList();
        ConsoleSession.Page answer =
            missing.equals("_csrf")
                ? session.postRaw(
                    form.action(),
                    fields.stream()
                        .collect(
                            java.util.stream.Collectors.toMap(
                                Map.Entry::getKey,
                                Map.Entry::getValue,
                                (a, b) -> a,
                                java.util.LinkedHashMap::new)))
                : session.postForm(form.action(), fields);
        posts++;
        String problem = problemWith(answer);
        if (problem != null) {
          problems.add(
              "POST "
                  + form.action()
                  + " without "
                  + missing
                  + " → "
                  + answer.status()
                  + " "
                  + problem);
        }
      }
    }
    int port = app.uri("/").getPort();
    String cookie =
        "Cookie: lumbar_session="
            + session.cookie("lumbar_session").getValue()
            + "\r\nX-CSRF-Token: "
            + session.csrf()
            + "\r\n";
    for (String action : forms.stream().map(ConsoleForm::action).distinct().toList()) {
      String head =
          "POST "
              + action
              + " HTTP/1.1\r\nHost: localhost\r\n"
              + cookie
              + "Content-Type: application/x-www-form-urlencoded\r\n";
      Answer chunked = RawHttp.exchange(port, head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n");
      Answer early =
          RawHttp.exchangeCutOff(
              port, head + "Content-Length: 1000\r\n\r\n_csrf=" + session.csrf() + "&x=");
      for (Answer answer : List.of(chunked, early)) {
        posts++;
        if (answer.status() < 400 || answer.status() >= 500 || !answer.body().contains("<title>")) {
          problems.add(
              "POST "
                  + action
                  + " with a broken body → "
                  + answer.status()
                  + ": "
                  + RawHttp.abbreviate(answer.body()));
        }
      }
    }
    assertThat(posts).isGreaterThan(100);
    assertThat(problems).as("%d problems", problems.size()).isEmpty();

    long id = app.firstPublishedPassageId();
    ConsoleSession.Page form = session.get("/admin/passages/" + id);
    ConsoleSession.Page withoutStatus =
        session.post(
            "/admin/passages/" + id,
            Map.of(
                "version",
                Integer.toString(form.formVersion()),
                "heading",
                "",
                "text",
                "Typed text that must not be lost.",
                "reject_reason",
                "",
                "action",
                "save"));
    assertThat(withoutStatus.status()).isEqualTo(400);
    assertThat(withoutStatus.body())
        .contains("The status must be pending, published or rejected")
        .contains("Typed text that must not be lost.");
  }

  /**
   * Null when a console answer is acceptable: a redirect with a place to go, or a page with a
   * title.
   */
  private static String problemWith(ConsoleSession.Page answer) {
    if (answer.status() >= 500) {
      return "server error";
    }
    if (answer.status() >= 300 && answer.status() < 400) {
      return answer.location() == null ? "redirect without Location" : null;
    }
    return answer.body().contains("<title>") ? null : "page without a title";
  }

  /**
   * A form of a console page with the values it holds as shown: what a browser would post
   * unchanged.
   */
  record ConsoleForm(String action, List<Map.Entry<String, String>> fields) {
    /** The action with its ids as N, so one form on many passages counts once. */
    String template() {
      return action.replaceAll("/\\d+", "/N");
    }

    List<String> fieldNames() {
      return fields.stream().map(Map.Entry::getKey).distinct().toList();
    }

    /**
     * The post forms on console pages reachable from {@code start} by links, at most {@code
     * maxPages} pages and two per kind of page (their paths with ids as N); one form per action and
     * field names.
     */
    static List<ConsoleForm> crawl(ConsoleSession session, String start, int maxPages) {
      java.util.Deque<String> queue = new java.util.ArrayDeque<>(List.of(start));
      java.util.Set<String> seen = new java.util.HashSet<>();
      Map<String, Integer> perKind = new java.util.HashMap<>();
      Map<String, ConsoleForm> forms = new java.util.LinkedHashMap<>();
      int pages = 0;
      while (!queue.isEmpty() && pages < maxPages) {
        String url = queue.poll();
        String kind = url.replaceAll("\\?.*", "").replaceAll("/\\d+", "/N");
        if (!seen.add(url) || perKind.merge(kind, 1, Integer::sum) > 2) {
          continue;
        }
        ConsoleSession.Page page = session.get(url);
        pages++;
        if (page.status() != 200) {
          continue;
        }
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page.body());
        for (org.jsoup.nodes.Element form : doc.select("form[method=post]")) {
          ConsoleForm found = new ConsoleForm(form.attr("action"), values(form));
          forms.putIfAbsent(found.template() + " " + found.fieldNames(), found);
        }
        for (org.jsoup.nodes.Element link : doc.select("a[href^=/admin]")) {
          queue.add(link.attr("href"));
        }
      }
      return List.copyOf(forms.values());
    }

    private static List<Map.Entry<String, String>> values(org.jsoup.nodes.Element form) {
      List<Map.Entry<String, String>> values = new ArrayList<>();
      java.util.Set<String> buttons = new java.util.HashSet<>();
      for (org.jsoup.nodes.Element field :
          form.select("input[name], textarea[name], select[name], button[name]")) {
        String name = field.attr("name");
        String type = field.attr("type");
        switch (field.tagName()) {
          case "textarea" -> values.add(Map.entry(name, field.wholeText()));
          case "select" -> {
            org.jsoup.nodes.Element option = field.selectFirst("option[selected]");
            option = option != null ? option : field.selectFirst("option");
            values.add(Map.entry(name, option == null ? "" : option.attr("value")));
          }
          case "button" -> {
            if (buttons.add(name)) { // the first submit button, as if clicked
              values.add(Map.entry(name, field.attr("value")));
            }
          }
          default -> {
            if (!(type.equals("checkbox") || type.equals("radio")) || field.hasAttr("checked")) {
              values.add(
                  Map.entry(
                      name,
                      type.equals("checkbox") && !field.hasAttr("value")
                          ? "on"
                          : field.attr("value")));
            }
          }
        }
      }
      return values;
    }
  }

  private void check(Probe probe, List<String> problems) {
    Answer answer;
    try {
      answer =
          RawHttp.send(
              app.uri("/").getPort(),
              probe.method(),
              probe.target(),
              probe.body(),
              probe.headers());
    } catch (RuntimeException e) {
      problems.add(probe + " → no answer: " + e.getMessage());
      return;
    }
    String problem = problemWith(probe, answer);
    if (problem != null && problems.size() < 30) {
      problems.add(
          probe
              + " → "
              + answer.status()
              + " "
              + problem
              + ": "
              + RawHttp.abbreviate(answer.body()));
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
    boolean refusedByJetty =
        status == 400
            && (answer.body().contains("<h2>HTTP ERROR 400")
                || answer.body().startsWith("{\"error\":\"Bad request: "));
    if ((status == 414 || status == 431 || refusedByJetty || !isValidRequestTarget(probe.target()))
        && status >= 400) {
      // Refused while taking the request apart (a line too long, a NUL in the path...), maybe
      // before its path is
      // known: JSON, or Jetty's page with a title where the path is known not to be the API's.
      if (!"close".equals(answer.header("Connection"))) {
        return "refusal without Connection: close";
      }
      if (probe.api() && !type.startsWith("application/json")) {
        return "API refusal is " + type;
      }
      return answer.body().contains("<title>") || answer.body().contains("\"error\"")
          ? null
          : "refusal without a body";
    }
    if (probe.api()) {
      if (!type.startsWith("application/json")) {
        return "API answer is " + type;
      }
      try {
        JsonNode json = JSON.readTree(answer.body());
        return json != null && json.isObject() && (status < 400 || json.path("error").isTextual())
            ? null
            : "not a JSON object with error";
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

  /**
   * A request target as RFC 3986 allows it: printable ASCII only, every % starting a two-digit hex
   * escape.
   */
  static boolean isValidRequestTarget(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '%') {
        if (i + 2 >= target.length()
            || Character.digit(target.charAt(i + 1), 16) < 0
            || Character.digit(target.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
      } else if (!(c < 128
          && (Character.isLetterOrDigit(c) || UNRESERVED_AND_DELIMITERS.indexOf(c) >= 0))) {
        return false;
      }
    }
    return true;
  }

  record Probe(String method, String target, String body, String[] headers, boolean api) {
    @Override
    public String toString() {
      return method
          + " "
          + RawHttp.abbreviate(target)
          + (body == null ? "" : " body " + RawHttp.abbreviate(body));
    }
  }

  /**
   * A sign-in form's token with its cookie, so some posts get past the token check to the real
   * work.
   */
  record LoginForm(String token, String cookie) {
    static LoginForm fetch() {
      Answer page = RawHttp.send(app.uri("/").getPort(), "GET", "/admin/login", null);
      Matcher token =
          Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"").matcher(page.body());
      assertThat(token.find()).isTrue();
      return new LoginForm(token.group(1), page.header("Set-Cookie").split(";")[0]);
    }
  }

  private Probe probe(String endpoint, LoginForm form) {
    return switch (endpoint) {
      case "/api/search", "/" -> get(endpoint + "?" + searchParams(), endpoint.startsWith("/api"));
      case "/api/suggest" -> get("/api/suggest?" + params("q", text(), "limit", number()), true);
      case "/api/passages/{id}/related" ->
          get("/api/passages/" + id() + "/related?" + params("limit", number()), true);
      case "/api/passages/{id}" ->
          get(
              "/api/passages/" + id() + (random.nextBoolean() ? "" : "?" + params("x", text())),
              true);
      case "/passages/{id}" ->
          get(
              "/passages/"
                  + id()
                  + "?"
                  + params("back", pick(List.of(text(), "/?q=" + encode(text())))),
              false);
      case "/api/tags" -> get("/api/tags?" + params("kind", text(), "limit", number()), true);
      case "/health" -> get("/health?" + params("verbose", text()), true);
      case "/admin/login" -> get("/admin/login?" + params("next", text()), false);
      case "POST /admin/login" -> loginPost(form);
      case "/static/{x}" ->
          get(
              "/static/"
                  + pick(
                      List.of(
                          "lumbar.css",
                          "../App.class",
                          "..%2f..%2fpom.xml",
                          "%2e%2e/%2e%2e/etc/passwd",
                          "admin.js%00.css",
                          encode(text()))),
              false);
      default -> get("/" + encode(text()), false);
    };
  }

  private Probe get(String target, boolean api) {
    return new Probe("GET", target, null, new String[0], api);
  }

  private Probe loginPost(LoginForm form) {
    boolean valid = random.nextInt(3) == 0;
    String body =
        params(
            "username",
            text(),
            "password",
            text(),
            "next",
            text(),
            "login_token",
            valid ? form.token() : text());
    List<String> headers = new ArrayList<>();
    headers.add(
        pick(
            List.of(
                "Content-Type: application/x-www-form-urlencoded",
                "Content-Type: application/x-www-form-urlencoded; charset=UTF-8",
                "Content-Type: application/x-www-form-urlencoded; charset=bogus",
                "Content-Type: multipart/form-data; boundary=xyz",
                "Content-Type: application/json",
                "Content-Type: text/plain")));
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
      pairs.add(
          name.equals("limit") || name.equals("offset") || name.equals("article")
              ? number()
              : text());
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
        int cp =
            random.nextInt(10) == 0
                ? random.nextInt(0x20)
                : random.nextInt(3) == 0 ? 0x1F300 + random.nextInt(0x300) : random.nextInt(0xD800);
        s.appendCodePoint(cp);
      }
      return s.toString();
    }
    return number();
  }

  /**
   * Usually proper UTF-8 percent-encoding; sometimes with a broken escape spliced in, or mostly
   * raw.
   */
  private String encode(String text) {
    String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
    int mode = random.nextInt(100);
    if (mode < 70) {
      return encoded;
    }
    if (mode < 90) {
      int at = random.nextInt(encoded.length() + 1);
      // Between two escapes or characters, never inside one, so the splice is the only damage.
      while (at > 0
          && at < encoded.length()
          && (encoded.charAt(at - 1) == '%' || (at > 1 && encoded.charAt(at - 2) == '%'))) {
        at--;
      }
      return encoded.substring(0, at) + pick(BROKEN_ESCAPES) + encoded.substring(at);
    }
    // Raw: sent as UTF-8 bytes, with only what would break the request line itself escaped.
    return text.replace("%", "%25")
        .replace(" ", "+")
        .replace("\r", "%0D")
        .replace("\n", "%0A")
        .replace("&", "%26")
        .replace("#", "%23");
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
