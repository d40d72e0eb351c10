package io.lumbar.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.lumbar.testing.Chromium;
import io.lumbar.testing.RunningApp;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Search → passage page in a real browser, by keyboard, at a desktop and a phone width, with
 * axe-core finding no serious or critical violation on any page. Screenshots land in
 * target/screenshots.
 */
class SearchBrowserTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static Chromium chromium;

  @BeforeAll
  static void launch() {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private static Page at(int width, int height) {
    Page page = chromium.newPage();
    page.setViewportSize(width, height);
    return page;
  }

  private static void assertAccessible(Page page, String name) {
    Chromium.assertAccessible(page, name);
  }

  @Test
  void at_1280_px_a_person_searches_by_keyboard_and_opens_a_passage() {
    Page page = at(1280, 900);
    page.navigate(app.uri("/").toString());
    assertThat(page.locator("h1")).hasText("Search passages about lower back pain");
    assertAccessible(page, "the empty search page");
    Chromium.screenshot(page, "search-empty-1280");

    page.locator("#q").focus();
    page.keyboard().type("back pa");
    assertThat(page.locator("#q-suggestions [role=option]").first()).hasText("back pain");
    assertThat(page.locator("#q")).hasAttribute("aria-expanded", "true");
    Chromium.screenshot(page, "search-suggestions-1280");
    assertAccessible(page, "the suggestions");
    page.keyboard().press("ArrowDown");
    assertThat(page.locator("#q")).hasAttribute("aria-activedescendant", "q-suggestion-0");
    page.keyboard().press("Enter");

    assertThat(page).hasURL(Pattern.compile(".*/\\?q=back\\+pain$"));
    assertThat(page.locator("h1")).hasText("Results for “back pain”");
    assertThat(page.locator(".pager .showing"))
        .containsText(Pattern.compile("^Showing 1–10 of \\d+"));
    BoundingBox facets = page.locator("details.facets").boundingBox();
    BoundingBox results = page.locator(".results-column").boundingBox();
    assertThat(facets.x + facets.width)
        .as("filters beside the results")
        .isLessThanOrEqualTo(results.x);
    assertThat(Math.abs(facets.y - results.y))
        .as("filters at the top of the results")
        .isLessThan(5);
    assertAccessible(page, "the results");
    Chromium.screenshot(page, "search-results-1280");

    page.locator("a[rel=next]").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator(".pager .showing"))
        .containsText(Pattern.compile("^Showing 11–20 of \\d+"));
    assertThat(page.locator("a[rel=prev]")).hasAttribute("href", "/?q=back+pain");

    page.locator(".result h2 a").first().focus();
    page.keyboard().press("Enter");
    assertThat(page).hasURL(Pattern.compile(".*/passages/\\d+\\?back=.*"));
    assertThat(page.locator("nav.back a")).hasAttribute("href", "/?q=back+pain&offset=10");
    assertThat(page.locator("dl.provenance")).containsText("Article");
    assertAccessible(page, "a passage page");
    Chromium.screenshot(page, "passage-1280");
  }

  @Test
  void at_390_px_the_filters_fold_above_the_results() {
    Page page = at(390, 844);
    page.navigate(app.uri("/?q=sciatica").toString());
    assertThat(page.locator("details.facets")).not().hasAttribute("open", "");
    BoundingBox facets = page.locator("details.facets").boundingBox();
    BoundingBox results = page.locator(".results-column").boundingBox();
    assertThat(facets.y + facets.height)
        .as("filters above the results")
        .isLessThanOrEqualTo(results.y);
    assertThat((Number) page.evaluate("document.documentElement.scrollWidth"))
        .as("no sideways scrolling")
        .isEqualTo(390);
    assertAccessible(page, "the results on a phone");
    Chromium.screenshot(page, "search-results-390");

    page.locator("details.facets summary").focus();
    page.keyboard().press("Enter");
    assertThat(page.locator("details.facets nav")).isVisible();
    Chromium.screenshot(page, "search-filters-open-390");

    page.locator(".result h2 a").first().click();
    assertThat(page.locator("article.passage h1")).isVisible();
    assertThat((Number) page.evaluate("document.documentElement.scrollWidth"))
        .as("no sideways scrolling")
        .isEqualTo(390);
    assertAccessible(page, "a passage page on a phone");
    Chromium.screenshot(page, "passage-390");
  }

  @Test
  void a_passage_that_is_not_public_is_an_accessible_page_too() {
    Page page = at(1280, 900);
    page.navigate(app.uri("/passages/987654321").toString());
    assertThat(page.locator("h1")).hasText("This passage is not available");
    assertAccessible(page, "the 404 page");
    Chromium.screenshot(page, "passage-404-1280");
  }
}
