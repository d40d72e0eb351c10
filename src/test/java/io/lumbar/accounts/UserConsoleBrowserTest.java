package io.lumbar.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.lumbar.testing.Chromium;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An admin creates and disables a user with the plain forms of {@code /admin/users} in a real
 * browser.
 */
class UserConsoleBrowserTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final String PASSWORD = "a long enough password";
  static Chromium chromium;

  @BeforeAll
  static void setUp() {
    chromium = Chromium.launch();
    ConsoleSession.createUser(app, "adam", PASSWORD, true);
  }

  @AfterAll
  static void tearDown() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void an_admin_creates_an_editor_and_disables_her() {
    Page page = chromium.newPage();
    page.navigate(app.uri("/admin/users").toString());
    page.getByLabel("User name").fill("adam");
    page.getByLabel("Password").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(Pattern.compile(".*/admin/users$"));

    page.locator("#username").fill("carla");
    page.locator("#password").fill(PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
    assertThat(page.locator("p.notice")).hasText("Created carla (editor): they can sign in now.");

    page.locator("tr", new Page.LocatorOptions().setHasText("carla"))
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Disable"))
        .click();
    assertThat(page.locator("p.notice")).hasText("carla is disabled and has been signed out.");
    assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("carla")))
        .containsText("disabled since");
    Chromium.screenshot(page, "users");
  }
}
