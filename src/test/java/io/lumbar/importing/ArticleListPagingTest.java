package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The article list pages through a corpus of many articles, newest first; its own app, as it adds
 * articles.
 */
class ArticleListPagingTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static ConsoleSession ada;

  @BeforeAll
  static void manyArticles() {
    // 5 bundled articles + 60 more = 65: a full page of 50 and a second of 15.
    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      """
          INSERT INTO articles (title, source_name, original_text, checksum, imported_at, imported_by)
          VALUES (?, 'test', 'text', SHA2(?, 256), NOW(3) + INTERVAL ? SECOND, 'test')
          """)) {
                for (int i = 1; i <= 60; i++) {
                  st.setString(1, "Extra article " + i);
                  st.setString(2, "extra " + i);
                  st.setInt(3, i);
                  st.addBatch();
                }
                st.executeBatch();
              }
              return null;
            });
    ConsoleSession.createUser(app, "ada", "a long enough password", false);
    ada = new ConsoleSession(app);
    ada.login("ada", "a long enough password");
  }

  private static List<String> titles(Document page) {
    return page.select("table.articles tbody tr td:nth-child(2) a").eachText();
  }

  @Test
  void the_list_pages_newest_first_and_counts_every_article() {
    Document first = Jsoup.parse(ada.get("/admin/articles").body());
    assertThat(first.text()).contains("65 articles, showing 1–50");
    assertThat(titles(first))
        .hasSize(50)
        .startsWith("Extra article 60", "Extra article 59")
        .endsWith("Extra article 11");
    assertThat(first.select("a[rel=prev]")).isEmpty();
    Element next = first.selectFirst("a[rel=next]");
    assertThat(next.attr("href")).isEqualTo("/admin/articles?offset=50");

    Document second = Jsoup.parse(ada.get(next.attr("href")).body());
    assertThat(second.text()).contains("65 articles, showing 51–65");
    assertThat(titles(second))
        .hasSize(15)
        .startsWith("Extra article 10")
        .contains("Back pain at night");
    assertThat(second.select("a[rel=next]")).isEmpty();
    assertThat(second.selectFirst("a[rel=prev]").attr("href"))
        .isEqualTo("/admin/articles?offset=0");
  }

  @Test
  void a_bad_offset_is_a_400() {
    assertThat(ada.get("/admin/articles?offset=-1").status()).isEqualTo(400);
    assertThat(ada.get("/admin/articles?offset=abc").status()).isEqualTo(400);
  }
}
