package io.lumbar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium, headless, driven by Playwright for Java. Playwright never downloads a browser
 * here; without /usr/bin/chromium the browser tests are skipped (CI installs it).
 */
public final class Chromium implements AutoCloseable {
  private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  public static Chromium launch() {
    assumeTrue(
        Files.isExecutable(EXECUTABLE), "Debian's chromium is not installed at /usr/bin/chromium");
    return new Chromium();
  }

  /** A fresh browser window with its own cookies: one person. */
  public Page newPage() {
    Page page = browser.newContext().newPage();
    // Everything here answers in milliseconds; a missing element should fail fast, not after 30 s.
    page.setDefaultTimeout(10_000);
    return page;
  }

  public static void screenshot(Page page, String name) {
    // Long pages on a busy machine take more than the pages' 10 s to capture.
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(name + ".png"))
            .setFullPage(true)
            .setTimeout(60_000));
  }

  /**
   * axe-core's serious and critical findings on the page as it is now, one line each: what, and
   * where.
   */
  public static List<String> seriousViolations(Page page) {
    return new AxeBuilder(page)
        .analyze().getViolations().stream()
            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
            .map(
                v ->
                    v.getImpact()
                        + " "
                        + v.getId()
                        + ": "
                        + v.getHelp()
                        + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
            .toList();
  }

  /** No serious or critical axe-core finding on the page as it is now. */
  public static void assertAccessible(Page page, String name) {
    assertThat(seriousViolations(page)).as("axe-core on " + name).isEmpty();
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
