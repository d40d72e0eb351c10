package io.lumbar.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.lumbar.testing.Chromium;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page, public and console, in Debian's chromium at a desktop (1280 px) and a phone (390 px)
 * width: each is screenshotted to target/screenshots/pages/NAME-WIDTH.png, checked by axe-core (no
 * serious or critical violation; see {@link #check}) and never wider than the window. Plus a
 * keyboard-only walk from a search to a passage's page to tagging it in the console. One app and
 * one browser for the class: the machine is shared.
 */
class EveryPageBrowserTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final String PASSWORD = "a long enough password";
  static final int[] WIDTHS = {1280, 390};
  static Chromium chromium;
  static BrowserContext admin;

  @BeforeAll
  static void setUp() {
    chromium = Chromium.launch();
    ConsoleSession.createUser(app, "adam", PASSWORD, true);
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    ConsoleSession.createUser(app, "eric", PASSWORD, false);
    admin = signedIn("adam");
  }

  @AfterAll
  static void tearDown() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private static BrowserContext signedIn(String user) {
    Page page = chromium.newPage();
    page.navigate(app.uri("/admin/login").toString());
    page.getByLabel("User name").fill(user);
    page.getByLabel("Password").fill(PASSWORD);
    page.getByLabel("Password").press("Enter");
    assertThat(page).hasURL(Pattern.compile(".*/admin$"));
    BrowserContext context = page.context();
    page.close();
    return context;
  }

  /**
   * Visits {@code path} at every width and checks it; returns what was wrong, one line per problem.
   * axe-core runs at the phone width, where every component is on the page and tables scroll; with
   * {@code axeAtDesktop} also at 1280 px (the public pages, whose layout changes most between the
   * two). Each axe run costs seconds here.
   */
  private static List<String> check(
      Page page, String name, String path, int status, boolean axeAtDesktop) {
    List<String> problems = new ArrayList<>();
    for (int width : WIDTHS) {
      page.setViewportSize(width, width > 500 ? 900 : 844);
      Response response = page.navigate(app.uri(path).toString());
      problems.addAll(
          checkHere(
              page,
              name,
              width,
              response == null ? -1 : response.status(),
              status,
              axeAtDesktop || width < 500));
    }
    return problems;
  }

  private static List<String> checkHere(
      Page page, String name, int width, int answered, int status, boolean axe) {
    List<String> problems = new ArrayList<>();
    if (answered != status) {
      problems.add(name + " answered " + answered + ", not " + status);
    }
    page.waitForLoadState();
    Chromium.screenshot(page, "pages/" + name + "-" + width);
    for (String violation : axe ? Chromium.seriousViolations(page) : List.<String>of()) {
      problems.add(name + " at " + width + " px: " + violation);
    }
    Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
    if (scrollWidth.intValue() > width) {
      problems.add(name + " at " + width + " px is " + scrollWidth + " px wide");
    }
    if (page.locator("h1").count() != 1) {
      problems.add(name + " has " + page.locator("h1").count() + " h1");
    }
    return problems;
  }

  @Test
  void every_public_page_is_accessible_and_fits_a_phone() {
    long passage = app.firstPublishedPassageId();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("search-empty", "/");
    pages.put("search-results", "/?q=back+pain");
    pages.put("search-filtered", "/?q=back+pain&cause=sciatica");
    pages.put("search-warning-signs", "/?q=back+pain+with+fever");
    pages.put("search-nothing-found", "/?q=zzzqqq");
    pages.put("passage", "/passages/" + passage + "?back=%2F%3Fq%3Dback%2Bpain");
    pages.put("api-docs", "/api/docs");
    pages.put("sign-in", "/admin/login");
    Page page = chromium.newPage();
    List<String> problems = new ArrayList<>();
    pages.forEach((name, path) -> problems.addAll(check(page, name, path, 200, true)));
    problems.addAll(check(page, "search-unknown-filter", "/?q=back+pain&cause=nope", 400, true));
    problems.addAll(check(page, "passage-not-found", "/passages/987654321", 404, true));
    problems.addAll(check(page, "not-found", "/no/such/page", 404, true));
    assertThat(problems).isEmpty();
  }

  @Test
  void every_console_page_is_accessible_and_fits_a_phone() {
    long passage = app.passageIdStartingWith("Sciatica occurs when the surrounding tissues");
    long article =
        app.database()
            .read(
                c -> {
                  try (var st =
                      c.prepareStatement("SELECT article_id FROM passages WHERE id = ?")) {
                    st.setLong(1, passage);
                    try (var rs = st.executeQuery()) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                });
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("console-dashboard", "/admin");
    pages.put("console-articles", "/admin/articles");
    pages.put("console-article", "/admin/articles/" + article);
    pages.put("console-suggested-tags", "/admin/articles/" + article + "/suggested-tags");
    pages.put("console-passages", "/admin/passages");
    pages.put("console-passages-rejected", "/admin/passages?status=rejected");
    pages.put("console-passage", "/admin/passages/" + passage);
    pages.put("console-bulk", "/admin/passages/bulk?cause=kidney-infection");
    pages.put("console-taxonomy", "/admin/tags");
    pages.put("console-tag", "/admin/tags/see-a-doctor");
    pages.put("console-audit", "/admin/audit");
    pages.put("console-synonyms", "/admin/synonyms");
    pages.put("console-users", "/admin/users");
    pages.put("console-tokens", "/admin/tokens");
    Page page = admin.newPage();
    List<String> problems = new ArrayList<>();
    pages.forEach(
        (name, path) ->
            problems.addAll(check(page, name, path, 200, name.equals("console-dashboard"))));
    problems.addAll(check(page, "console-not-found", "/admin/passages/987654321", 404, false));
    problems.addAll(check(page, "console-no-such-page", "/admin/no-such-page", 404, false));
    assertThat(problems).isEmpty();
  }

  @Test
  void console_errors_stay_inside_the_console() {
    Page page = admin.newPage();
    page.navigate(app.uri("/admin/passages/987654321").toString());

    assertThat(page.locator("h1")).hasText("Not found");
    assertThat(page.locator("nav.admin-nav")).isVisible();
    assertThat(page.locator("form.logout")).containsText("adam");
    assertThat(page.locator("a[href='/admin']").last()).hasText("Back to the dashboard");
  }

  @Test
  void the_rebuild_and_conflict_pages_are_accessible_too() {
    Page page = admin.newPage();
    List<String> problems = new ArrayList<>();
    for (int width : WIDTHS) {
      page.setViewportSize(width, 900);
      page.navigate(app.uri("/admin").toString());
      page.getByText("Rebuild the search index").click();
      assertThat(page.locator(".job .state"))
          .hasText("done", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
      assertThat(page.locator(".job .percent")).hasText("100%");
      problems.addAll(checkHere(page, "console-rebuild", width, 200, 200, width < 500));
    }

    long id = app.passageIdStartingWith("Pebbles can form in one or both kidneys");
    Page edna = signedIn("edna").newPage();
    Page eric = signedIn("eric").newPage();
    edna.navigate(app.uri("/admin/passages/" + id).toString());
    eric.navigate(app.uri("/admin/passages/" + id).toString());
    eric.locator("#text").fill("Eric's quick fix.");
    eric.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();
    edna.locator("#text").fill("Edna's rewrite.");
    edna.getByText("Save", new Page.GetByTextOptions().setExact(true)).click();
    assertThat(edna.locator("h1")).containsText("changed while you were editing");
    for (int width : WIDTHS) {
      edna.setViewportSize(width, 900);
      problems.addAll(checkHere(edna, "console-conflict", width, 409, 409, width < 500));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void a_person_searches_reads_a_passage_and_an_editor_tags_it_with_the_keyboard_alone() {
    Page page = chromium.newPage();
    page.setViewportSize(1280, 900);
    page.navigate(app.uri("/").toString());
    // The search box has the focus when the page opens.
    assertThat(page.locator("#q")).isFocused();
    page.keyboard().type("sciatica");
    page.keyboard().press("Enter");
    assertThat(page.locator("h1")).hasText("Results for “sciatica”");

    tabTo(page, ".result h2 a");
    assertFocusVisible(page);
    page.keyboard().press("Enter");
    assertThat(page.locator("article.passage h1")).isVisible();
    tabTo(page, "a.tag");
    assertFocusVisible(page);
    String passageUrl = page.url();
    long id = Long.parseLong(passageUrl.replaceAll(".*/passages/(\\d+).*", "$1"));

    // The editor types the console's address for that passage and signs in without a mouse.
    Page console = chromium.newPage();
    console.setViewportSize(1280, 900);
    console.navigate(app.uri("/admin/passages/" + id).toString());
    assertThat(console.locator("#username")).isFocused();
    console.keyboard().type("edna");
    console.keyboard().press("Tab");
    console.keyboard().type(PASSWORD);
    console.keyboard().press("Enter");
    assertThat(console).hasURL(Pattern.compile(".*/admin/passages/" + id + "$"));

    String removed =
        console.locator(".current-tags li").first().locator("button").getAttribute("aria-label");
    tabTo(console, ".current-tags button");
    assertFocusVisible(console);
    console.keyboard().press("Enter");
    assertThat(console.locator(".notice")).hasText("Tag removed.");
    String tag = removed.replaceFirst("^Remove ", "");
    assertThat(console.locator("button.suggestion[data-key='1']")).containsText(tag);
    // The shortcuts' script runs once the page has loaded; a key pressed before is lost.
    console.waitForLoadState();
    console.keyboard().press("1");
    assertThat(console.locator(".notice")).hasText("Tag added.");
    assertThat(console.locator(".current-tags")).containsText(tag);
    Chromium.screenshot(console, "pages/keyboard-tagged-1280");
  }

  /** Presses Tab until an element matching {@code selector} has the focus (at most 60 times). */
  private static void tabTo(Page page, String selector) {
    for (int i = 0; i < 60; i++) {
      page.keyboard().press("Tab");
      if ((Boolean)
          page.evaluate(
              "s => document.activeElement && document.activeElement.matches(s)", selector)) {
        return;
      }
    }
    throw new AssertionError("Tab never reached " + selector + " on " + page.url());
  }

  /** The focused element shows the focus ring. */
  private static void assertFocusVisible(Page page) {
    String outline =
        (String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
    assertThat(outline)
        .as("focus ring on " + page.evaluate("() => document.activeElement.outerHTML"))
        .isNotEqualTo("none");
  }
}
