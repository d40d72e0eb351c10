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
 * Every console route against anonymous, editor, admin and an API token: anonymous users are sent
 * to sign in (401 for the API), editors get 403 on admin-only routes, admins are let through
 * everywhere, and an API token opens no console route at all (it is for the export API only).
 * Adding a route without adding it here is caught by the route count check.
 */
class AccessMatrixTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final String PASSWORD = "a long enough password";

  record Route(String method, String path, boolean adminOnly) {
    boolean api() {
      return path.startsWith("/api/");
    }
  }

  /**
   * Every route under /admin and /api/admin except sign-in and sign-out, with sample path
   * parameters. User 2 is the admin adam himself: his empty posts there are refused or change
   * nothing, so no one is locked out.
   */
  static final List<Route> ROUTES =
      List.of(
          new Route("GET", "/admin", false),
          new Route("GET", "/admin/articles", false),
          new Route("GET", "/admin/audit", false),
          new Route("GET", "/admin/articles/1", false),
          new Route("GET", "/admin/articles/1/suggested-tags", false),
          new Route("GET", "/admin/changes/1", false),
          new Route("GET", "/admin/jobs/1", false),
          new Route("GET", "/admin/passages", false),
          new Route("GET", "/admin/passages/bulk", false),
          new Route("GET", "/admin/passages/1", false),
          new Route("GET", "/admin/synonyms", true),
          new Route("GET", "/admin/tags", false),
          new Route("GET", "/admin/tags/sciatica", false),
          new Route("GET", "/admin/users", true),
          new Route("GET", "/admin/tokens", true),
          new Route("GET", "/api/admin/analytics/top-searches", false),
          new Route("GET", "/api/admin/analytics/zero-result-searches", false),
          new Route("GET", "/api/admin/check", true),
          new Route("GET", "/api/admin/routes", false),
          new Route("GET", "/api/admin/jobs/1", false),
          new Route("GET", "/api/admin/passages/1/suggested-tags", false),
          new Route("POST", "/admin/articles", false),
          new Route("POST", "/admin/articles/1/suggested-tags", false),
          new Route("POST", "/admin/changes/1/undo", false),
          new Route("POST", "/admin/passages/bulk", false),
          new Route("POST", "/admin/passages/1", false),
          new Route("POST", "/admin/passages/1/revisions/1/revert", false),
          new Route("POST", "/admin/passages/1/tags", false),
          new Route("POST", "/admin/passages/1/tags/sciatica/remove", false),
          new Route("POST", "/admin/reindex", true),
          new Route("POST", "/admin/synonyms", true),
          new Route("POST", "/admin/synonyms/1/remove", true),
          new Route("POST", "/admin/tags", true),
          new Route("POST", "/admin/tags/kidney-stones", false),
          new Route("POST", "/admin/tags/kidney-stones/links", true),
          new Route("POST", "/admin/tags/kidney-stones/links/antibiotics/remove", true),
          new Route("POST", "/admin/tags/kidney-stones/merge", true),
          new Route("POST", "/admin/tags/kidney-stones/parent", true),
          new Route("POST", "/admin/tags/kidney-stones/rename", true),
          new Route("POST", "/admin/tags/kidney-stones/restore", true),
          new Route("POST", "/admin/tags/kidney-stones/retire", true),
          new Route("POST", "/admin/tags/kidney-stones/warning-sign", false),
          new Route("POST", "/admin/tokens", true),
          new Route("POST", "/admin/tokens/1/revoke", true),
          new Route("POST", "/admin/users", true),
          new Route("POST", "/admin/users/2/disable", true),
          new Route("POST", "/admin/users/2/enable", true),
          new Route("POST", "/admin/users/2/password", true),
          new Route("POST", "/admin/users/2/role", true));

  @BeforeAll
  static void users() {
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    ConsoleSession.createUser(app, "adam", PASSWORD, true);
  }

  private static Page call(ConsoleSession session, Route route) {
    return route.method().equals("GET")
        ? session.get(route.path())
        : session.post(route.path(), Map.of());
  }

  @Test
  void anonymous_users_are_sent_to_sign_in_or_get_401() {
    ConsoleSession anonymous = new ConsoleSession(app);
    for (Route route : ROUTES) {
      Page page = call(anonymous, route);
      if (route.api()) {
        assertThat(page.status()).as(route.toString()).isEqualTo(401);
      } else {
        assertThat(page.status()).as(route.toString()).isEqualTo(302);
        assertThat(page.location()).as(route.toString()).startsWith("/admin/login");
      }
    }
  }

  @Test
  void an_api_token_opens_no_console_route() {
    String token = new ApiTokens(app.database()).create("matrix", "test").value();
    for (Route route : ROUTES) {
      var request =
          java.net.http.HttpRequest.newBuilder(app.uri(route.path()))
              .header("Authorization", "Bearer " + token);
      var answer =
          app.send(
              route.method().equals("GET")
                  ? request.GET().build()
                  : request
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                      .build());
      assertThat(answer.status()).as(route.toString()).isEqualTo(route.api() ? 401 : 302);
    }
    // What the token is for: every status of the export.
    var export =
        java.net.http.HttpRequest.newBuilder(app.uri("/api/export?status=any"))
            .header("Authorization", "Bearer " + token)
            .build();
    assertThat(app.send(export).status()).isEqualTo(200);
  }

  @Test
  void editors_get_403_exactly_on_the_admin_only_routes() {
    ConsoleSession editor = new ConsoleSession(app);
    editor.login("edna", PASSWORD);
    for (Route route : ROUTES) {
      Page page = call(editor, route);
      if (route.adminOnly()) {
        assertThat(page.status()).as(route.toString()).isEqualTo(403);
      } else {
        assertThat(page.status()).as(route.toString()).isNotIn(401, 403);
        assertThat(String.valueOf(page.location()))
            .as(route.toString())
            .doesNotStartWith("/admin/login");
      }
    }
  }

  @Test
  void admins_pass_everywhere() {
    ConsoleSession admin = new ConsoleSession(app);
    admin.login("adam", PASSWORD);
    for (Route route : ROUTES) {
      Page page = call(admin, route);
      assertThat(page.status()).as(route.toString()).isNotIn(401, 403).isLessThan(500);
      assertThat(String.valueOf(page.location()))
          .as(route.toString())
          .doesNotStartWith("/admin/login");
    }
  }

  @Test
  void the_matrix_lists_every_console_route() throws Exception {
    // Counted over whole files: the formatter may put a route's path on the line after routes.get(.
    java.util.regex.Pattern route =
        java.util.regex.Pattern.compile("routes\\.(get|post)\\(\\s*\"/(admin|api/admin)");
    long declared;
    try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      declared =
          sources
              .filter(p -> p.toString().endsWith(".java"))
              .mapToLong(
                  p -> {
                    try {
                      return route.matcher(java.nio.file.Files.readString(p)).results().count();
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .sum();
    }
    // Sign-in (GET and POST) and sign-out are the three routes not in the matrix.
    assertThat(ROUTES).hasSize((int) declared - 3);
  }
}
