package io.lumbar.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.Main;
import io.lumbar.config.Config;
import io.lumbar.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lumbar user add|list|disable|enable|passwd|role}: audited as the OS user, one error line
 * otherwise.
 */
class UserCommandTest {
  static final String PASSWORD = "a long enough password";
  static final String NEW_PASSWORD = "another long password";
  static final String CLI = "cli:" + System.getProperty("user.name");

  @TempDir Path tmp;
  TestDatabase db;
  Config config;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    config =
        Config.fromMap(Map.of())
            .withDatabase(db.url(), db.user(), db.password())
            .withIndexDir(tmp.resolve("index"));
    assertThat(withInput(PASSWORD + "\n", "user", "add", "adam", "--admin")).isZero();
    assertThat(out.toString().strip()).isEqualTo("created admin adam (id 1)");
    assertThat(withInput(PASSWORD + "\n", "user", "add", "edna")).isZero();
    assertThat(out.toString().strip()).isEqualTo("created editor edna (id 2)");
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  private int withInput(String stdin, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli =
        Main.commandLine(config, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int run(String... args) {
    return withInput("", args);
  }

  /** Each line of {@code user list} without its created and last sign-in times. */
  private List<String> listed() {
    assertThat(run("user", "list")).isZero();
    return out.toString()
        .lines()
        .map(line -> line.replaceAll("\tcreated [^\t]+\tlast sign-in [^\t]+", ""))
        .toList();
  }

  @Test
  void lists_disables_enables_changes_roles_and_passwords() {
    User edna = new UserDao(db.database()).get("edna");
    new SessionDao(db.database()).create(edna);

    assertThat(listed())
        .containsExactly(
            "adam\tadmin\tenabled\tactive sessions: 0",
            "edna\teditor\tenabled\tactive sessions: 1");
    assertThat(out.toString())
        .contains("adam\tadmin\tenabled\tcreated 20")
        .contains("last sign-in never")
        .containsPattern("edna\teditor\tenabled\tcreated [^\t]+\tlast sign-in 20");

    assertThat(run("user", "role", "edna", "admin")).isZero();
    assertThat(out.toString().strip()).isEqualTo("edna is now admin");
    assertThat(run("user", "disable", "edna")).isZero();
    assertThat(out.toString().strip()).isEqualTo("disabled edna (sessions ended: 1)");
    assertThat(listed())
        .containsExactly(
            "adam\tadmin\tenabled\tactive sessions: 0",
            "edna\tadmin\tdisabled\tactive sessions: 0");
    assertThat(run("user", "enable", "edna")).isZero();
    assertThat(out.toString().strip()).isEqualTo("enabled edna");
    assertThat(withInput(NEW_PASSWORD + "\n", "user", "passwd", "edna")).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("changed the password of edna (sessions ended: 0)");
    assertThat(run("user", "role", "edna", "editor")).isZero();

    UserDao.StoredUser stored = new UserDao(db.database()).find("edna").orElseThrow();
    assertThat(Passwords.matches(NEW_PASSWORD, stored.passwordHash())).isTrue();
    assertThat(stored.disabled()).isFalse();
    assertThat(stored.user().role()).isEqualTo(Role.EDITOR);
    assertThat(audit())
        .containsExactly(
            CLI + " user.create adam",
            CLI + " user.create edna",
            CLI + " user.role edna",
            CLI + " user.disable edna",
            CLI + " user.enable edna",
            CLI + " user.password edna",
            CLI + " user.role edna");
  }

  @Test
  void the_last_enabled_admin_can_be_neither_disabled_nor_demoted() {
    assertThat(run("user", "disable", "adam")).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: adam is the last enabled admin and cannot be disabled: make another admin first.");
    assertThat(run("user", "role", "adam", "editor")).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: adam is the last enabled admin and cannot be demoted: make another admin first.");

    assertThat(run("user", "role", "edna", "admin")).isZero();
    assertThat(run("user", "disable", "adam")).isZero();
    assertThat(run("user", "role", "edna", "editor")).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("error: edna is the last enabled admin");
  }

  @Test
  void mistakes_are_one_error_line_with_a_non_zero_exit_and_change_nothing() {
    assertThat(run("user", "disable", "nobody")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("error: User nobody not found");
    assertThat(run("user", "enable", "nobody")).isEqualTo(1);
    assertThat(withInput(NEW_PASSWORD + "\n", "user", "passwd", "nobody")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("error: User nobody not found");
    assertThat(run("user", "role", "edna", "root")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("error: A role is editor or admin");
    assertThat(withInput("short\n", "user", "passwd", "edna")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("error: A password needs at least 12 characters");
    assertThat(run("user", "passwd", "edna")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("error: No password on standard input");
    assertThat(withInput(PASSWORD + "\n", "user", "add", "bad name")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("error: " + UserDao.NAME_RULE);

    assertThat(listed())
        .containsExactly(
            "adam\tadmin\tenabled\tactive sessions: 0",
            "edna\teditor\tenabled\tactive sessions: 0");
    assertThat(audit()).hasSize(2);
  }

  private List<String> audit() {
    return db.database()
        .read(
            c -> {
              try (var st =
                      c.prepareStatement(
                          "SELECT actor, action, JSON_VALUE(detail, '$.username') FROM audit_log WHERE entity_type = 'user' ORDER BY id");
                  var rs = st.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                  rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
                return rows;
              }
            });
  }
}
