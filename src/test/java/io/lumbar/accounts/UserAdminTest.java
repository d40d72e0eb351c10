package io.lumbar.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.RunningApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /admin/users}: admins manage users; changes apply on the user's next request and are
 * audited.
 */
class UserAdminTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final String PASSWORD = "a long enough password";
  static final String NEW_PASSWORD = "another long password";
  static ConsoleSession admin;

  @BeforeAll
  static void users() {
    ConsoleSession.createUser(app, "adam", PASSWORD, true);
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    admin = signedIn("adam", PASSWORD);
  }

  private static ConsoleSession signedIn(String name, String password) {
    ConsoleSession session = new ConsoleSession(app);
    assertThat(session.login(name, password).status()).as("sign-in of " + name).isEqualTo(302);
    return session;
  }

  private static long idOf(String name) {
    return app.database()
        .read(
            c -> {
              try (var st = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
                st.setString(1, name);
                try (var rs = st.executeQuery()) {
                  return rs.next() ? rs.getLong(1) : 0L;
                }
              }
            });
  }

  private static String roleOf(String name) {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT CONCAT(role, IF(disabled_at IS NULL, '', ' disabled')) FROM users WHERE username = ?")) {
                st.setString(1, name);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
  }

  /** The table row of this user on the users page. */
  private static String rowOf(Page page, String name) {
    Matcher row =
        Pattern.compile("<tr[^>]*>\\s*<td>" + name + "( \\(you\\))?</td>.*?</tr>", Pattern.DOTALL)
            .matcher(page.body());
    assertThat(row.find()).as("row of " + name).isTrue();
    return row.group();
  }

  @Test
  void an_admin_creates_an_editor_who_can_then_sign_in() {
    Page created =
        admin.post(
            "/admin/users", Map.of("username", "carla", "role", "editor", "password", PASSWORD));

    assertThat(created.status()).isEqualTo(302);
    assertThat(created.location()).isEqualTo("/admin/users?done=created&id=" + idOf("carla"));
    assertThat(admin.get(created.location()).body())
        .contains("Created carla (editor): they can sign in now.");
    assertThat(rowOf(admin.get("/admin/users"), "carla"))
        .contains("<td>editor</td>")
        .contains("enabled")
        .contains(">never</span></td>")
        .contains("<td>0</td>");

    ConsoleSession carla = signedIn("carla", PASSWORD);
    assertThat(carla.get("/admin/passages").status()).isEqualTo(200);
    assertThat(carla.get("/admin/users").status()).isEqualTo(403);
    assertThat(rowOf(admin.get("/admin/users"), "carla"))
        .doesNotContain(">never</span></td>")
        .contains("<td>1</td>");
  }

  @Test
  void a_refused_create_comes_back_with_the_reason_and_what_was_typed_but_not_the_password() {
    Page script =
        admin.post(
            "/admin/users",
            Map.of(
                "username",
                "<script>alert(1)</script>",
                "role",
                "admin",
                "password",
                "typed secret password"));
    assertThat(script.status()).isEqualTo(400);
    assertThat(script.body())
        .contains(UserDao.NAME_RULE)
        .contains("value=\"&lt;script>alert(1)&lt;/script>\"")
        .doesNotContain("<script>alert")
        .doesNotContain("typed secret password")
        .contains("<option value=\"admin\" selected>admin</option>");

    Page shortPassword =
        admin.post(
            "/admin/users", Map.of("username", "dora", "role", "editor", "password", "short"));
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.body())
        .contains("A password needs at least 12 characters")
        .contains("value=\"dora\"");

    Page taken =
        admin.post(
            "/admin/users", Map.of("username", "edna", "role", "editor", "password", PASSWORD));
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.body()).contains("There is already a user called edna");

    Page badRole =
        admin.post(
            "/admin/users", Map.of("username", "dora", "role", "root", "password", PASSWORD));
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.body()).contains("A role is editor or admin");
    assertThat(idOf("dora")).isZero();
  }

  @Test
  void editors_get_403_on_every_user_route_and_no_link_to_it() {
    ConsoleSession editor = signedIn("edna", PASSWORD);
    long adam = idOf("adam");

    assertThat(editor.get("/admin/users").status()).isEqualTo(403);
    assertThat(
            editor
                .post(
                    "/admin/users",
                    Map.of("username", "sneaky", "role", "admin", "password", PASSWORD))
                .status())
        .isEqualTo(403);
    assertThat(editor.post("/admin/users/" + adam + "/role", Map.of("role", "editor")).status())
        .isEqualTo(403);
    assertThat(editor.post("/admin/users/" + adam + "/disable", Map.of()).status()).isEqualTo(403);
    assertThat(editor.post("/admin/users/" + adam + "/enable", Map.of()).status()).isEqualTo(403);
    assertThat(
            editor
                .post("/admin/users/" + adam + "/password", Map.of("password", NEW_PASSWORD))
                .status())
        .isEqualTo(403);

    assertThat(idOf("sneaky")).isZero();
    assertThat(roleOf("adam")).isEqualTo("admin");
    assertThat(editor.get("/admin").body()).doesNotContain("href=\"/admin/users\"");
    assertThat(admin.get("/admin").body()).contains("href=\"/admin/users\"");
  }

  @Test
  void disabling_signs_the_user_out_at_once_and_enabling_lets_them_back_in() {
    ConsoleSession.createUser(app, "dave", PASSWORD, false);
    ConsoleSession dave = signedIn("dave", PASSWORD);
    long id = idOf("dave");

    Page disabled = admin.post("/admin/users/" + id + "/disable", Map.of());

    assertThat(disabled.location()).isEqualTo("/admin/users?done=disabled&id=" + id);
    Page list = admin.get(disabled.location());
    assertThat(list.body()).contains("dave is disabled and has been signed out.");
    assertThat(rowOf(list, "dave"))
        .contains("disabled since")
        .contains("<td>0</td>")
        .contains("/admin/users/" + id + "/enable");
    Page next = dave.get("/admin/passages");
    assertThat(next.status()).isEqualTo(302);
    assertThat(next.location()).startsWith("/admin/login");
    assertThat(new ConsoleSession(app).login("dave", PASSWORD).status()).isEqualTo(401);

    assertThat(admin.post("/admin/users/" + id + "/enable", Map.of()).location())
        .isEqualTo("/admin/users?done=enabled&id=" + id);
    assertThat(roleOf("dave")).isEqualTo("editor");
    signedIn("dave", PASSWORD);
  }

  @Test
  void a_new_role_applies_on_the_users_next_request() {
    ConsoleSession.createUser(app, "erin", PASSWORD, false);
    ConsoleSession erin = signedIn("erin", PASSWORD);
    long id = idOf("erin");
    assertThat(erin.get("/admin/synonyms").status()).isEqualTo(403);

    assertThat(admin.post("/admin/users/" + id + "/role", Map.of("role", "admin")).location())
        .isEqualTo("/admin/users?done=role&id=" + id);
    assertThat(admin.get("/admin/users?done=role&id=" + id).body())
        .contains("erin is now admin, from their next request on.");
    assertThat(erin.get("/admin/synonyms").status()).isEqualTo(200);
    assertThat(erin.get("/admin").body()).contains("href=\"/admin/users\"");

    admin.post("/admin/users/" + id + "/role", Map.of("role", "editor"));
    assertThat(erin.get("/admin/synonyms").status()).isEqualTo(403);
  }

  @Test
  void a_new_password_ends_the_users_sessions_but_not_the_acting_admins() {
    ConsoleSession.createUser(app, "fred", PASSWORD, false);
    ConsoleSession.createUser(app, "hank", PASSWORD, true);
    ConsoleSession fred = signedIn("fred", PASSWORD);
    ConsoleSession hank = signedIn("hank", PASSWORD);
    long id = idOf("fred");

    Page refused = hank.post("/admin/users/" + id + "/password", Map.of("password", "short"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("A password needs at least 12 characters");
    assertThat(fred.get("/admin").status()).isEqualTo(200);

    assertThat(
            hank.post("/admin/users/" + id + "/password", Map.of("password", NEW_PASSWORD))
                .location())
        .isEqualTo("/admin/users?done=password&id=" + id);
    assertThat(fred.get("/admin").status()).isEqualTo(302);
    assertThat(new ConsoleSession(app).login("fred", PASSWORD).status()).isEqualTo(401);
    signedIn("fred", NEW_PASSWORD);

    ConsoleSession hankElsewhere = signedIn("hank", PASSWORD);
    assertThat(
            hank.post(
                    "/admin/users/" + idOf("hank") + "/password", Map.of("password", NEW_PASSWORD))
                .status())
        .isEqualTo(302);
    assertThat(hank.get("/admin/users").status()).isEqualTo(200);
    assertThat(hankElsewhere.get("/admin").status()).isEqualTo(302);
  }

  @Test
  void an_admin_cannot_disable_or_demote_themselves() {
    long adam = idOf("adam");

    Page disable = admin.post("/admin/users/" + adam + "/disable", Map.of());
    assertThat(disable.status()).isEqualTo(400);
    assertThat(disable.body()).contains("You cannot disable yourself: ask another admin.");
    Page demote = admin.post("/admin/users/" + adam + "/role", Map.of("role", "editor"));
    assertThat(demote.status()).isEqualTo(400);
    assertThat(demote.body()).contains("You cannot demote yourself: ask another admin.");

    assertThat(roleOf("adam")).isEqualTo("admin");
    assertThat(admin.get("/admin/users").status()).isEqualTo(200);
    assertThat(rowOf(admin.get("/admin/users"), "adam"))
        .doesNotContain("/disable")
        .doesNotContain("/role");
  }

  @Test
  void unknown_users_and_bad_ids_are_404_and_400() {
    assertThat(admin.post("/admin/users/999999/disable", Map.of()).status()).isEqualTo(404);
    assertThat(admin.post("/admin/users/abc/enable", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void every_change_is_audited_with_the_acting_admin() {
    admin.post("/admin/users", Map.of("username", "ivy", "role", "editor", "password", PASSWORD));
    long id = idOf("ivy");
    admin.post("/admin/users/" + id + "/role", Map.of("role", "admin"));
    admin.post("/admin/users/" + id + "/role", Map.of("role", "editor"));
    admin.post("/admin/users/" + id + "/disable", Map.of());
    admin.post("/admin/users/" + id + "/enable", Map.of());
    admin.post("/admin/users/" + id + "/password", Map.of("password", NEW_PASSWORD));

    assertThat(auditOf(id))
        .containsExactly(
            "adam user.create",
            "adam user.role",
            "adam user.role",
            "adam user.disable",
            "adam user.enable",
            "adam user.password");
  }

  @Test
  void changes_without_the_csrf_token_are_refused() {
    ConsoleSession.createUser(app, "jack", PASSWORD, false);
    long id = idOf("jack");

    assertThat(admin.postRaw("/admin/users/" + id + "/disable", Map.of()).status()).isEqualTo(403);
    assertThat(
            admin
                .postRaw("/admin/users/" + id + "/role", Map.of("role", "admin", "_csrf", "forged"))
                .status())
        .isEqualTo(403);
    assertThat(
            admin
                .postRaw(
                    "/admin/users",
                    Map.of("username", "kim", "role", "admin", "password", PASSWORD))
                .status())
        .isEqualTo(403);

    assertThat(roleOf("jack")).isEqualTo("editor");
    assertThat(idOf("kim")).isZero();
  }

  static List<String> auditOf(long userId) {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT actor, action FROM audit_log WHERE entity_type = 'user' AND entity_id = ? AND action LIKE 'user.%' ORDER BY id")) {
                st.setLong(1, userId);
                try (var rs = st.executeQuery()) {
                  List<String> rows = new ArrayList<>();
                  while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                  }
                  return rows;
                }
              }
            });
  }
}
