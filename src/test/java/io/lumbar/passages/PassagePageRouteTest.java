package io.lumbar.passages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.time.Duration;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /passages/{id}} over HTTP: what a person reading one passage sees, and what stays
 * private.
 */
class PassagePageRouteTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static long quokka;

  @BeforeAll
  static void importAnArticleWithProvenance() {
    ArticleSource source =
        ArticleSource.of(
                "quokka.txt",
                """
        Quokka nights

        Quokka posture

        The quokka posture keeps the lower back neutral through a night on a firm mattress.

        It takes a week or two to get used to it.
        """)
            .withMetadata(null, "Spine Weekly")
            .withProvenance("https://www.example.org/quokka", LocalDate.of(2022, 11, 30));
    long articleId = new ArticleImporter(app.database()).importArticle(source, "test").articleId();
    quokka =
        app.database()
            .inTransaction(
                c -> {
                  try (var st =
                      c.prepareStatement("SELECT MIN(id) FROM passages WHERE article_id = ?")) {
                    st.setLong(1, articleId);
                    try (var rs = st.executeQuery()) {
                      rs.next();
                      long passage = rs.getLong(1);
                      c.createStatement()
                          .executeUpdate(
                              "UPDATE passages SET section_path = '[\"Sleep\", \"Wombat corner\"]' WHERE id = "
                                  + passage);
                      ChangeLog.append(c, passage);
                      return passage;
                    }
                  }
                });
  }

  private static Document page(String pathAndQuery, int expectedStatus) {
    Response response = app.get(pathAndQuery);
    assertThat(response.status()).as(pathAndQuery).isEqualTo(expectedStatus);
    assertThat(response.contentType()).startsWith("text/html");
    return Jsoup.parse(response.body());
  }

  @Test
  void a_passage_page_says_where_the_passage_comes_from() {
    Document page = page("/passages/" + quokka, 200);

    assertThat(page.title()).isEqualTo("Quokka posture · Lumbar");
    assertThat(page.select("h1").text()).isEqualTo("Quokka posture");
    assertThat(page.select(".breadcrumbs li").eachText())
        .containsExactly("Quokka nights", "Sleep", "Wombat corner");
    assertThat(page.select(".passage-text p").eachText())
        .first()
        .asString()
        .startsWith("The quokka posture keeps the lower back neutral");
    assertThat(page.select("dl.provenance dt").eachText())
        .containsExactly("Article", "Publisher", "Published", "Read it");
    assertThat(page.select("dl.provenance dd").eachText())
        .containsExactly(
            "Quokka nights", "Spine Weekly", "30 November 2022", "The full article at example.org");
    assertThat(page.select("dl.provenance time").attr("datetime")).isEqualTo("2022-11-30");
    Element source = page.selectFirst("a.source-link");
    assertThat(source.attr("href")).isEqualTo("https://www.example.org/quokka");
    assertThat(source.attr("rel")).isEqualTo("noopener");
    // Opened directly, the way back is the search itself.
    assertThat(page.select("nav.back a").attr("href")).isEqualTo("/");
  }

  @Test
  void tags_lead_to_filtered_searches_and_related_passages_keep_the_way_back() {
    long id = app.passageIdStartingWith("Sciatica is inflammation of the large nerve");
    long sibling = app.passageIdStartingWith("Sciatica occurs when the surrounding tissues");

    Document page = page("/passages/" + id + "?back=%2F%3Fq%3Dsciatica%26offset%3D10", 200);

    assertThat(page.select("nav.back a").attr("href")).isEqualTo("/?q=sciatica&offset=10");
    assertThat(page.select("nav.back a").text()).isEqualTo("← Back to the results");
    assertThat(page.select("ul.tags a").eachAttr("href"))
        .containsExactly("/?q=Sciatica&cause=sciatica");
    assertThat(page.select("ul.tags a").eachText()).containsExactly("Sciatica");
    var related = page.select(".related li > a");
    assertThat(related).hasSize(PassageRoutes.RELATED_ON_PAGE);
    assertThat(related.eachAttr("href"))
        .allMatch(href -> href.matches("/passages/\\d+\\?back=%2F%3Fq%3Dsciatica%26offset%3D10"))
        .doesNotContain("/passages/" + id + "?back=%2F%3Fq%3Dsciatica%26offset%3D10")
        .contains("/passages/" + sibling + "?back=%2F%3Fq%3Dsciatica%26offset%3D10");
    // The bundled articles have no address: nothing to link to.
    assertThat(page.select("a.source-link")).isEmpty();
  }

  @Test
  void the_filtered_search_of_a_tag_finds_the_passage() {
    long id = app.passageIdStartingWith("Sciatica is inflammation of the large nerve");
    Document results = page("/?q=Sciatica&cause=sciatica&limit=100", 200);
    assertThat(results.select(".result h2 a").eachAttr("href"))
        .contains("/passages/" + id + "?back=%2F%3Fq%3DSciatica%26cause%3Dsciatica%26limit%3D100");
  }

  @Test
  void a_way_back_to_anywhere_but_a_results_page_is_ignored() {
    for (String back :
        new String[] {
          "https%3A%2F%2Fevil.example%2F",
          "javascript%3Aalert(1)",
          "%2F%2Fevil.example%2F%3Fq%3Dx",
          "%2Fadmin"
        }) {
      Document page = page("/passages/" + quokka + "?back=" + back, 200);
      assertThat(page.select("nav.back a").attr("href")).as(back).isEqualTo("/");
    }
  }

  @Test
  void every_search_hit_links_to_its_page_with_the_way_back() {
    Eventually.within(
        Duration.ofSeconds(10),
        () -> {
          Document results = page("/?q=quokka+posture", 200);
          Element first = results.selectFirst(".result h2 a");
          assertThat(first.attr("href"))
              .isEqualTo("/passages/" + quokka + "?back=%2F%3Fq%3Dquokka%2Bposture");
          assertThat(first.text()).isEqualTo("Quokka posture");
        });
  }

  @Test
  void a_passage_that_is_not_published_is_a_friendly_404() {
    long rejected =
        app.database()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement()
                          .executeQuery("SELECT MIN(id) FROM passages WHERE status = 'rejected'")) {
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    for (long id : new long[] {rejected, 987654321L}) {
      Document page = page("/passages/" + id, 404);
      assertThat(page.select("h1").text()).isEqualTo("This passage is not available");
      assertThat(page.select(".error p").first().text())
          .isEqualTo(
              "There is no published passage "
                  + id
                  + ": it may be waiting for an editor's review, or it was withdrawn. Search for what you wanted to read instead.");
      assertThat(page.select(".error a").attr("href")).isEqualTo("/");
    }
    assertThat(app.get("/passages/abc").status()).isEqualTo(400);
  }
}
