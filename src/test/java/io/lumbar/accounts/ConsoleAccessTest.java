package io.lumbar.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.RunningApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may do what in the console: anonymous, editor, admin; sessions, CSRF and login throttling.
 */
class ConsoleAccessTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final String PASSWORD = "a long enough password";
  static final List<String> PAGES =
      List.of("/admin", "/admin/passages", "/admin/passages/1", "/admin/synonyms");
  static final List<String> WRITES =
      List.of(
          "/admin/passages/1",
          "/admin/passages/1/tags",
          "/admin/passages/1/tags/sciatica/remove",
          "/admin/passages/1/revisions/1/revert",
          "/admin/synonyms",
          "/admin/synonyms/1/remove",
          "/admin/logout");

  @BeforeAll
  static void users() {
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    ConsoleSession.createUser(app, "adam", PASSWORD, true);
    ConsoleSession.createUser(app, "throttled", PASSWORD, false);
  }

  @Test
  void anonymous_pages_redirect_to_login_and_apis_answer_401() {
    ConsoleSession anonymous = new ConsoleSession(app);
    for (String path : PAGES) {
      Page page = anonymous.get(path);
      assertThat(page.status()).as(path).isEqualTo(302);
      assertThat(page.location()).as(path).startsWith("/admin/login?next=");
    }
    for (String path : WRITES) {
      assertThat(anonymous.postRaw(path, Map.of()).status()).as(path).isEqualTo(302);
    }
    Page api = anonymous.get("/api/admin/anything");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.body()).contains("\"error\"");
  }

  @Test
  void editors_see_the_curation_pages_but_not_admin_ones() {
    ConsoleSession editor = new ConsoleSession(app);
    assertThat(editor.login("edna", PASSWORD).status()).isEqualTo(302);

    for (String path : List.of("/admin", "/admin/passages", "/admin/passages/1")) {
      assertThat(editor.get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(editor.get("/admin/synonyms").status()).isEqualTo(403);
    assertThat(editor.post("/admin/synonyms", Map.of("rule", "tailbone, coccyx")).status())
        .isEqualTo(403);
    assertThat(editor.get("/admin").body()).doesNotContain("href=\"/admin/synonyms\"");
  }

  @Test
  void admins_see_everything() {
    ConsoleSession admin = new ConsoleSession(app);
    admin.login("adam", PASSWORD);

    for (String path : PAGES) {
      assertThat(admin.get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(admin.get("/admin").body()).contains("href=\"/admin/synonyms\"");
  }

  @Test
  void state_changes_without_the_csrf_token_are_refused() {
    ConsoleSession editor = new ConsoleSession(app);
    editor.login("edna", PASSWORD);

    Page missing = editor.postRaw("/admin/passages/1/tags", Map.of("tag", "sciatica"));
    Page wrong =
        editor.postRaw("/admin/passages/1/tags", Map.of("tag", "sciatica", "_csrf", "forged"));

    assertThat(missing.status()).isEqualTo(403);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.body()).contains("did not come from Lumbar");
    assertThat(editor.post("/admin/passages/1/tags", Map.of("tag", "sciatica")).status())
        .isEqualTo(302);
  }

  @Test
  void the_session_cookie_is_http_only_lax_and_renewed_at_login() {
    ConsoleSession browser = new ConsoleSession(app);
    browser.setCookie("lumbar_session", "planted-by-an-attacker");

    Page login = browser.login("edna", PASSWORD);

    String setCookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("lumbar_session="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    String issued = setCookie.substring("lumbar_session=".length(), setCookie.indexOf(';'));
    assertThat(issued).isNotEqualTo("planted-by-an-attacker").hasSizeGreaterThan(40);
    ConsoleSession attacker = new ConsoleSession(app);
    attacker.setCookie("lumbar_session", "planted-by-an-attacker");
    assertThat(attacker.get("/admin").status()).isEqualTo(302);
  }

  @Test
  void logout_ends_the_session() {
    ConsoleSession editor = new ConsoleSession(app);
    editor.login("edna", PASSWORD);
    String token = editor.cookie("lumbar_session").getValue();

    assertThat(editor.post("/admin/logout", Map.of()).location()).isEqualTo("/admin/login");

    ConsoleSession replay = new ConsoleSession(app);
    replay.setCookie("lumbar_session", token);
    assertThat(replay.get("/admin").status()).isEqualTo(302);
  }

  @Test
  void a_wrong_password_is_refused_and_repeated_failures_are_throttled() {
    ConsoleSession guesser = new ConsoleSession(app);
    for (int i = 0; i < LoginThrottle.MAX_PER_USER_AND_IP; i++) {
      Page wrong = guesser.login("throttled", "wrong password " + i);
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.body()).contains("Wrong user name or password.");
    }

    Page blocked = guesser.login("throttled", PASSWORD);

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.body()).contains("Too many failed attempts");
    assertThat(new ConsoleSession(app).login("nobody-at-all", "whatever it is").status())
        .isEqualTo(401);
  }

  @Test
  void guesses_sent_at_once_get_no_more_tries_than_the_limit() throws Exception {
    ConsoleSession.createUser(app, "burst", PASSWORD, false);
    List<ConsoleSession> guessers = new java.util.ArrayList<>();
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ConsoleSession guesser = new ConsoleSession(app);
      tokens.add(guesser.loginToken());
      guessers.add(guesser);
    }
    List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(12)) {
      for (int i = 0; i < 12; i++) {
        int n = i;
        answers.add(
            pool.submit(
                () ->
                    guessers
                        .get(n)
                        .postRaw(
                            "/admin/login",
                            Map.of(
                                "login_token",
                                tokens.get(n),
                                "username",
                                "burst",
                                "password",
                                "wrong guess " + n))
                        .status()));
      }
    }
    List<Integer> statuses = new java.util.ArrayList<>();
    for (var answer : answers) {
      statuses.add(answer.get());
    }

    assertThat(statuses).containsOnly(401, 429);
    long checked = statuses.stream().filter(s -> s == 401).count();
    assertThat(checked).isLessThanOrEqualTo(LoginThrottle.MAX_PER_USER_AND_IP);
    // Refused attempts checked no password and are not held against the owner; only real failures
    // count.
    assertThat(new ConsoleSession(app).login("burst", PASSWORD).status())
        .isEqualTo(checked == LoginThrottle.MAX_PER_USER_AND_IP ? 429 : 302);
  }

  @Test
  void failures_from_elsewhere_do_not_lock_the_owner_out() {
    ConsoleSession.createUser(app, "targeted", PASSWORD, false);
    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "INSERT INTO login_failures (username, client_ip) VALUES ('targeted', '203.0.113.9')")) {
                for (int i = 0; i < 3 * LoginThrottle.MAX_PER_USER_AND_IP; i++) {
                  st.executeUpdate();
                }
              }
              return null;
            });

    assertThat(new ConsoleSession(app).login("targeted", PASSWORD).status()).isEqualTo(302);
  }

  @Test
  void a_sign_in_post_that_is_not_the_plain_form_is_refused_without_a_500() {
    ConsoleSession browser = new ConsoleSession(app);
    String token = browser.loginToken();
    Page multipart =
        browser.postMultipart(
            "/admin/login",
            Map.of("login_token", token, "username", "edna", "password", PASSWORD),
            "file",
            "x.bin",
            new byte[] {1, 2, 3});
    assertThat(multipart.status()).isEqualTo(415);
    assertThat(multipart.body()).contains("Sign in with the form on this page.");

    for (String type :
        List.of(
            "application/x-www-form-urlencoded; charset=bogus", "text/plain", "application/json")) {
      var request =
          java.net.http.HttpRequest.newBuilder(app.uri("/admin/login"))
              .header("Content-Type", type)
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=edna&password=x"))
              .build();
      assertThat(app.send(request).status()).as(type).isEqualTo(415);
    }
    ConsoleSession editor = new ConsoleSession(app);
    editor.login("edna", PASSWORD);
    var bogus =
        java.net.http.HttpRequest.newBuilder(app.uri("/admin/passages/1/tags"))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=bogus")
            .header("Cookie", "lumbar_session=" + editor.cookie("lumbar_session").getValue())
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("tag=sciatica&_csrf=x"))
            .build();
    assertThat(app.send(bogus).status()).isEqualTo(400);
  }

  @Test
  void login_needs_its_own_form_token_and_only_redirects_into_the_console() {
    ConsoleSession browser = new ConsoleSession(app);
    assertThat(
            browser
                .postRaw("/admin/login", Map.of("username", "edna", "password", PASSWORD))
                .status())
        .isEqualTo(403);
    assertThat(LoginRoutes.safeNext("https://evil.example/")).isEqualTo("/admin");
    assertThat(LoginRoutes.safeNext("//evil.example")).isEqualTo("/admin");
    assertThat(LoginRoutes.safeNext("/admin/passages?status=pending"))
        .isEqualTo("/admin/passages?status=pending");
  }

  @Test
  void user_add_refuses_short_passwords_and_taken_names() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConsoleSession.createUser(app, "shorty", "short", false))
        .hasMessageContaining("at least 12 characters");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConsoleSession.createUser(app, "edna", PASSWORD, false))
        .hasMessageContaining("already a user called edna");
  }
}
