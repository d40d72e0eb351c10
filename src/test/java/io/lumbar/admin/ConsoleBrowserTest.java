package io.lumbar.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.lumbar.testing.Chromium;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console in a real browser: sign in, tag by keyboard, resolve a conflict, revert a revision.
 */
class ConsoleBrowserTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final String PASSWORD = "a long enough password";
  static Chromium chromium;

  @BeforeAll
  static void setUp() {
    chromium = Chromium.launch();
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    ConsoleSession.createUser(app, "eric", PASSWORD, false);
    ConsoleSession.createUser(app, "adam", PASSWORD, true);
  }

  @AfterAll
  static void tearDown() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private static Page signIn(String user) {
    Page page = chromium.newPage();
    page.navigate(app.uri("/admin/passages").toString());
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/login\\?next=.*"));
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password").fill(PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/passages$"));
    return page;
  }

  @Test
  void an_editor_signs_in_and_lands_where_she_was_going() {
    Page page = signIn("edna");

    assertThat(page.locator("h1")).hasText("Passages");
    assertThat(page.locator(".count"))
        .containsText(java.util.regex.Pattern.compile("\\d+ passages"));
    Chromium.screenshot(page, "sign-in");
  }

  @Test
  void a_passage_is_tagged_and_published_with_the_keyboard() {
    Page page = signIn("edna");
    long id = app.passageIdStartingWith("Sciatica occurs when the surrounding tissues");
    page.navigate(app.uri("/admin/passages/" + id).toString());
    // Untagged, the passage's text ("Sciatica occurs ...") makes Sciatica the first suggestion.
    page.getByLabel("Remove Sciatica").click();
    assertThat(page.locator(".notice")).hasText("Tag removed.");
    assertThat(page.locator("button.suggestion[data-key='1']")).containsText("Sciatica");
    page.waitForLoadState();

    page.keyboard().press("1");

    assertThat(page.locator(".notice")).hasText("Tag added.");
    assertThat(page.locator(".current-tags")).containsText("Sciatica");
    page.keyboard().press("a");
    assertThat(page.locator(".notice")).containsText("Saved.");
    assertThat(page.locator("h1 .status")).hasText("published");
    Chromium.screenshot(page, "tag-by-keyboard");
  }

  @Test
  void a_conflict_is_resolved_without_losing_either_text() {
    long id = app.passageIdStartingWith("Pebbles can form in one or both kidneys");
    Page edna = signIn("edna");
    Page eric = signIn("eric");
    edna.navigate(app.uri("/admin/passages/" + id).toString());
    eric.navigate(app.uri("/admin/passages/" + id).toString());

    eric.locator("#text").fill("Eric's quick fix of the kidney stone passage.");
    eric.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();
    edna.locator("#text").fill("Edna's long rewrite of the kidney stone passage.");
    edna.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();

    assertThat(edna.locator("h1")).containsText("changed while you were editing");
    assertThat(edna.locator(".theirs")).hasText("Eric's quick fix of the kidney stone passage.");
    assertThat(edna.locator("#text")).hasValue("Edna's long rewrite of the kidney stone passage.");
    Chromium.screenshot(edna, "conflict");
    edna.getByText("Save mine over theirs").click();
    assertThat(edna.locator(".notice")).containsText("Saved.");
    assertThat(edna.locator("#text")).hasValue("Edna's long rewrite of the kidney stone passage.");
  }

  @Test
  void a_revision_is_reverted_in_one_click() {
    long id = app.passageIdStartingWith("Thirty-nine percent of adults");
    Page page = signIn("edna");
    page.navigate(app.uri("/admin/passages/" + id).toString());
    String original = page.locator("#text").inputValue();
    page.locator("#text").fill("An edit someone regrets.");
    page.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();
    assertThat(page.locator("#text")).hasValue("An edit someone regrets.");

    page.getByText("Revert to this").first().click();

    assertThat(page.locator(".notice")).containsText("Saved.");
    assertThat(page.locator("#text")).hasValue(original);
    assertThat(page.locator(".history tbody tr")).hasCount(3);
    Chromium.screenshot(page, "revert");
  }

  @Test
  void bulk_tagging_shows_a_preview_then_a_report() {
    Page page = signIn("edna");
    page.navigate(app.uri("/admin/passages?cause=kidney-infection").toString());
    assertThat(page.locator(".count")).containsText("5 passages");

    page.getByText("Tag all of them").click();
    assertThat(page.locator(".matched")).hasText("5 passages");
    page.getByLabel("Tag", new Page.GetByLabelOptions().setExact(true)).selectOption("acupuncture");
    page.getByLabel("add this tag (keep their other tags)").check();
    Chromium.screenshot(page, "bulk-preview");
    page.getByText("Apply to 5 passages").click();

    assertThat(page.locator(".notice"))
        .hasText("Acupuncture added to 5 of 5 passages (0 had it already).");
    Chromium.screenshot(page, "bulk-report");

    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Undo"))
        .click();
    assertThat(page.locator(".notice"))
        .hasText("Undone: everything is back as it was. Search follows within a second.");
    Chromium.screenshot(page, "bulk-undone");
  }

  @Test
  void a_bulk_removal_shows_what_it_will_take_off_before_it_applies() {
    Page page = signIn("edna");
    page.navigate(app.uri("/admin/passages/bulk?cause=kidney-infection").toString());
    page.getByLabel("Tag", new Page.GetByLabelOptions().setExact(true))
        .selectOption("kidney-infection");
    page.getByLabel("remove this tag").check();
    page.getByText("Apply to 5 passages").click();

    assertThat(page.locator("h1")).hasText("Remove Kidney infection?");
    assertThat(page.locator("ul.changes li")).hasText("Removes Kidney infection from 5 passages.");
    Chromium.screenshot(page, "bulk-confirm");
    page.getByText("Cancel").click();
    assertThat(page.locator(".matched")).hasText("5 passages");
  }

  @Test
  void the_index_rebuild_shows_a_live_progress_bar() {
    Page page = signIn("adam");
    page.navigate(app.uri("/admin").toString());

    page.getByText("Rebuild the search index").click();

    assertThat(page.locator("h1")).hasText("Rebuilding the search index");
    assertThat(page.locator(".job .state"))
        .hasText(
            "done",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                .setTimeout(20_000));
    assertThat(page.locator("progress"))
        .hasAttribute("value", java.util.regex.Pattern.compile("\\d+"));
    assertThat(page.locator(".job .message")).containsText("published passages");
    Chromium.screenshot(page, "reindex-progress");
  }

  @Test
  void r_asks_for_a_reason_and_enter_rejects() {
    long id = app.passageIdStartingWith("Medical professionals refer to back strains");
    Page page = signIn("eric");
    page.navigate(app.uri("/admin/passages/" + id).toString());
    page.locator("#reject_reason").fill("");

    page.evaluate("document.activeElement.blur()");
    page.keyboard().press("r");
    assertThat(page.locator("#reject_reason")).isFocused();
    page.keyboard().type("Statistics without a source");
    page.keyboard().press("Enter");

    assertThat(page.locator("h1 .status")).hasText("rejected");
    assertThat(page.locator("#reject_reason")).hasValue("Statistics without a source");
    Chromium.screenshot(page, "reject-by-keyboard");
  }

  @Test
  void an_editor_takes_a_fresh_article_to_published_tagged_passages_using_only_the_console() {
    Page page = signIn("edna");
    page.navigate(app.uri("/admin/articles").toString());
    page.getByLabel("Title (optional: else the article's first line)")
        .fill("Night-time sciatica, a reader's notes");
    page.locator("#text")
        .fill(
            "Sciatica woke me every night for a month, a burning line from the buttock down the leg.\n\n"
                + "An ice pack before bed and gentle stretching eased the sciatica within two weeks.\n");
    page.getByText("Import", new Page.GetByTextOptions().setExact(true)).click();

    assertThat(page.locator(".notice")).containsText("imported as article");
    Chromium.screenshot(page, "article-imported");
    page.locator("table a[href^='/admin/passages/']").first().click();
    assertThat(page.locator("#text"))
        .hasValue(java.util.regex.Pattern.compile("^Sciatica woke me.*"));
    // The shortcuts' script runs once the page has loaded; a key pressed before is lost.
    page.waitForLoadState();
    page.keyboard().press("1");
    assertThat(page.locator(".notice")).hasText("Tag added.");
    // Each shortcut reloads the page: wait for the script again before the next key.
    page.waitForLoadState();
    page.keyboard().press("a");
    assertThat(page.locator("h1 .status")).hasText("published");
    page.waitForLoadState();
    page.keyboard().press("j");
    assertThat(page.locator("#text"))
        .hasValue(java.util.regex.Pattern.compile("^An ice pack before bed.*"));
    page.waitForLoadState();
    page.keyboard().press("1");
    assertThat(page.locator(".notice")).hasText("Tag added.");
    Chromium.screenshot(page, "article-tagged");

    com.microsoft.playwright.Page reader = chromium.newPage();
    reader.navigate(app.uri("/?q=burning+line+buttock+night").toString());
    assertThat(reader.locator(".result").first()).containsText("Sciatica woke me every night");
    assertThat(reader.locator(".result").first().locator(".tags")).containsText("Sciatica");
  }
}
