package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.RunningApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page repeating one paragraph over and over stores it twice at most, and an article's page shows
 * its outline a page of blocks at a time, however long the article.
 */
class ArticleOutlinePagingTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final String PASSWORD = "a long enough password";
  static final String REPEATED = "Rest a little, then walk again.";
  static ConsoleSession ada;

  @BeforeAll
  static void signIn() {
    ConsoleSession.createUser(app, "ada", PASSWORD, false);
    ada = new ConsoleSession(app);
    ada.login("ada", PASSWORD);
    ada.get("/admin/articles");
  }

  @Test
  void a_text_repeated_in_one_article_is_kept_once_and_rejected_once_as_a_duplicate() {
    String other = "Sleeping on the side with a pillow between the knees keeps the spine straight.";
    List<Block> blocks =
        ArticleSplitter.split(
                String.join("\n\n", REPEATED, other, REPEATED, REPEATED, other, REPEATED))
            .blocks();

    assertThat(blocks)
        .extracting(Block::position, Block::text, Block::rejectReason, Block::duplicateOfPosition)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, REPEATED, null, null),
            org.assertj.core.groups.Tuple.tuple(1, other, null, null),
            org.assertj.core.groups.Tuple.tuple(2, REPEATED, "duplicate", 0),
            org.assertj.core.groups.Tuple.tuple(3, other, "duplicate", 1));
  }

  @Test
  void an_upload_of_thirty_thousand_repeated_paragraphs_stores_two_rows_and_its_page_stays_small() {
    byte[] file =
        String.join("\n\n", java.util.Collections.nCopies(30_000, REPEATED))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Page imported =
        ada.postMultipart("/admin/articles", Map.of("text", ""), "file", "repeated.txt", file);
    assertThat(imported.status()).isEqualTo(302);
    long articleId =
        Long.parseLong(imported.location().replaceAll("^/admin/articles/(\\d+).*", "$1"));

    assertThat(statuses(articleId)).containsExactly("published", "rejected");
    Page page = ada.get("/admin/articles/" + articleId);
    assertThat(page.status()).isEqualTo(200);
    assertThat(Jsoup.parse(page.body()).select("table.outline tbody tr")).hasSize(2);
  }

  @Test
  void the_outline_pages_its_blocks_and_counts_reasons_over_the_whole_article() {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 1; i <= 450; i++) {
      paragraphs.add(
          "Paragraph "
              + i
              + " explains how walking for "
              + i
              + " minutes eases a stiff lower back over weeks.");
    }
    Page imported = paste("Many paragraphs", String.join("\n\n", paragraphs));
    long articleId =
        Long.parseLong(imported.location().replaceAll("^/admin/articles/(\\d+).*", "$1"));
    int total = statuses(articleId).size();
    assertThat(total).isGreaterThan(2 * ArticleRoutes.OUTLINE_PAGE_SIZE);

    Document first = Jsoup.parse(ada.get("/admin/articles/" + articleId).body());
    assertThat(first.text())
        .contains(total + " blocks, showing 1–" + ArticleRoutes.OUTLINE_PAGE_SIZE);
    assertThat(first.select("table.outline tbody tr")).hasSize(ArticleRoutes.OUTLINE_PAGE_SIZE);
    assertThat(first.select("table.outline tbody tr td:first-child").first().text()).isEqualTo("0");
    assertThat(first.select("a[rel=prev]")).isEmpty();
    String next = first.selectFirst("a[rel=next]").attr("href");
    assertThat(next)
        .isEqualTo("/admin/articles/" + articleId + "?offset=" + ArticleRoutes.OUTLINE_PAGE_SIZE);

    int lastOffset = 2 * ArticleRoutes.OUTLINE_PAGE_SIZE;
    Document last =
        Jsoup.parse(ada.get("/admin/articles/" + articleId + "?offset=" + lastOffset).body());
    assertThat(last.select("table.outline tbody tr")).hasSize(total - lastOffset);
    assertThat(last.select("table.outline tbody tr td:first-child").first().text())
        .isEqualTo(Integer.toString(lastOffset));
    assertThat(last.select("a[rel=next]")).isEmpty();
    assertThat(last.selectFirst("a[rel=prev]").attr("href"))
        .isEqualTo("/admin/articles/" + articleId + "?offset=" + ArticleRoutes.OUTLINE_PAGE_SIZE);
    // The tally of kept blocks is the article's, not the page's.
    assertThat(last.select("ul.reasons li.kept strong").text())
        .isEqualTo(Long.toString(statuses(articleId).stream().filter("published"::equals).count()));

    assertThat(ada.get("/admin/articles/" + articleId + "?offset=-1").status()).isEqualTo(400);
    assertThat(ada.get("/admin/articles/" + articleId + "?offset=abc").status()).isEqualTo(400);
  }

  private static Page paste(String title, String text) {
    return ada.post(
        "/admin/articles",
        Map.of("title", title, "publisher", "", "url", "", "published", "", "text", text));
  }

  private static List<String> statuses(long articleId) {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT status FROM passages WHERE article_id = ? ORDER BY position")) {
                st.setLong(1, articleId);
                try (var rs = st.executeQuery()) {
                  List<String> statuses = new ArrayList<>();
                  while (rs.next()) {
                    statuses.add(rs.getString(1));
                  }
                  return statuses;
                }
              }
            });
  }
}
