package io.lumbar.passages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.passages.PassageView.ArticleRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the passage page makes of a passage's provenance and headings. */
class PassagePageTest {
  private static PassagePage page(
      String heading, List<String> headingPath, String url, LocalDate published) {
    PassageView passage =
        new PassageView(
            7,
            heading,
            headingPath,
            "First paragraph.\n\n  Second one.\n\n",
            3,
            "published",
            1,
            Instant.EPOCH,
            Instant.EPOCH,
            new ArticleRef(2, "An article", null, url, published),
            List.of(),
            List.of());
    return new PassagePage(passage, List.of(), null);
  }

  @Test
  void only_web_addresses_become_links() {
    assertThat(page(null, List.of(), "https://www.example.org/a?b=c", null).sourceUrl())
        .isEqualTo("https://www.example.org/a?b=c");
    assertThat(page(null, List.of(), "http://example.org/", null).sourceHost())
        .isEqualTo("example.org");
    assertThat(page(null, List.of(), "HTTPS://example.org/x", null).sourceUrl())
        .isEqualTo("HTTPS://example.org/x");
    for (String notWeb :
        new String[] {
          "javascript:alert(1)",
          "file:///etc/passwd",
          "data:text/html,hi",
          "//example.org/x",
          "article.txt",
          "https://",
          "http://exa mple.org/"
        }) {
      assertThat(page(null, List.of(), notWeb, null).sourceUrl()).as(notWeb).isNull();
    }
    assertThat(page(null, List.of(), null, null).sourceUrl()).isNull();
  }

  @Test
  void the_heading_is_the_title_and_the_sections_above_it_are_the_trail() {
    PassagePage withHeading =
        page("Night pain", List.of("Causes", "Night pain"), null, LocalDate.of(2024, 5, 1));
    assertThat(withHeading.title()).isEqualTo("Night pain");
    assertThat(withHeading.sectionsAbove()).containsExactly("Causes");
    assertThat(withHeading.published()).isEqualTo("1 May 2024");

    PassagePage withoutHeading = page(null, List.of("Causes"), null, null);
    assertThat(withoutHeading.title()).isEqualTo("An article");
    assertThat(withoutHeading.sectionsAbove()).containsExactly("Causes");
    assertThat(withoutHeading.published()).isNull();
    assertThat(withoutHeading.paragraphs()).containsExactly("First paragraph.", "Second one.");
  }
}
