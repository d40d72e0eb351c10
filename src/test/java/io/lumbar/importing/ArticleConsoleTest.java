package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Editors importing and reviewing articles through the console, and every way an import is refused.
 */
class ArticleConsoleTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final String PASSWORD = "a long enough password";
  static ConsoleSession ada;

  @BeforeAll
  static void signIn() {
    ConsoleSession.createUser(app, "ada", PASSWORD, false);
    ada = new ConsoleSession(app);
    ada.login("ada", PASSWORD);
    ada.get("/admin/articles");
  }

  private static Page paste(Map<String, String> fields) {
    return ada.postMultipart("/admin/articles", fields, "file", null, null);
  }

  private static Page upload(String fileName, byte[] content) {
    return ada.postMultipart("/admin/articles", Map.of("text", ""), "file", fileName, content);
  }

  private static long articleCount() {
    return app.database()
        .read(
            c -> {
              try (var st = c.createStatement();
                  var rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  private static List<String> passageTexts(long articleId) {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT text FROM passages WHERE article_id = ? ORDER BY position")) {
                st.setLong(1, articleId);
                try (var rs = st.executeQuery()) {
                  List<String> texts = new ArrayList<>();
                  while (rs.next()) {
                    texts.add(rs.getString(1));
                  }
                  return texts;
                }
              }
            });
  }

  private static long articleId(Page redirect) {
    Matcher m =
        Pattern.compile("^/admin/articles/(\\d+)\\?done=")
            .matcher(String.valueOf(redirect.location()));
    assertThat(m.find())
        .as("redirect to an article: " + redirect.location() + " " + redirect.body())
        .isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void the_list_shows_every_article_with_its_passage_counts() {
    Page list = ada.get("/admin/articles");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .contains("Why does my lower back hurt when I lie down?")
        .contains("Healthgrades")
        .contains("enctype=\"multipart/form-data\"")
        .contains("name=\"_csrf\"")
        .contains("href=\"/admin/articles\"");
    Matcher row =
        Pattern.compile(
                ">Back pain at night</a>.*?count-published\">(\\d+)<.*?count-pending\">(\\d+)<"
                    + ".*?count-rejected\">(\\d+)<.*?count-duplicates\">(\\d+)<",
                Pattern.DOTALL)
            .matcher(list.body());
    assertThat(row.find()).as("row of article 004").isTrue();
    assertThat(List.of(row.group(1), row.group(2), row.group(3), row.group(4)))
        .containsExactly("5", "0", "0", "0");
    Matcher healthBlog =
        Pattern.compile(
                "Causes &amp; Relief!</a>.*?count-published\">(\\d+)<.*?count-rejected\">(\\d+)<",
                Pattern.DOTALL)
            .matcher(list.body());
    assertThat(healthBlog.find()).isTrue();
    assertThat(List.of(healthBlog.group(1), healthBlog.group(2))).containsExactly("48", "4");
    for (String title :
        List.of(
            "Why Does My Lower Back Hurt When I Lay Down? Causes &amp; Relief!",
            "Lower Back Pain When Lying Down: Causes, Treatment, and More",
            "Why Does My Back Hurt When I Lay Down?")) {
      assertThat(list.body()).contains(">" + title + "</a>");
    }
  }

  @Test
  void pasted_text_is_imported_shown_in_order_and_found_by_search_within_a_second() {
    long before = articleCount();
    String text =
        "Sleeping with a quokka pillow\n\n"
            + "Lying on your side with a firm quokka pillow between the knees keeps the pelvis level through the night.\n\n"
            + "Café owners who stand all day often feel the ache most when they first lie down — stretch first.\n\n"
            + "Turning over slowly, knees together, avoids the sharp twinge many people feel in the lower back.";

    Page answer = paste(Map.of("title", "", "publisher", "Night clinic", "text", text));

    assertThat(answer.status()).isEqualTo(302);
    long id = articleId(answer);
    assertThat(answer.location()).endsWith("?done=imported");
    assertThat(articleCount()).isEqualTo(before + 1);
    Page view = ada.get(answer.location());
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body())
        .contains("imported as article " + id)
        .contains("Sleeping with a quokka pillow")
        .contains("Night clinic")
        .contains("href=\"/admin/passages?article=" + id + "\"")
        .contains("status-published");
    int first = view.body().indexOf("firm quokka pillow");
    int second = view.body().indexOf("Café owners who stand");
    int third = view.body().indexOf("Turning over slowly");
    assertThat(first).isPositive().isLessThan(second);
    assertThat(second).isLessThan(third);
    assertThat(passageTexts(id)).hasSize(3);
    Eventually.within(
        Duration.ofSeconds(1),
        () ->
            assertThat(app.get("/api/search?q=quokka+pillow").body())
                .contains("firm quokka pillow"));

    // The same text again, now as a file: nothing is added and the editor lands on the existing
    // article.
    Page again = upload("quokka.txt", text.getBytes(StandardCharsets.UTF_8));
    assertThat(again.status()).isEqualTo(302);
    assertThat(again.location()).isEqualTo("/admin/articles/" + id + "?done=already");
    assertThat(ada.get(again.location()).body()).contains("already imported as article " + id);
    assertThat(articleCount()).isEqualTo(before + 1);
  }

  @Test
  void scripts_in_an_uploaded_html_file_never_reach_the_passages() {
    String html =
        """
        <!doctype html><html><head><title>Heel drops</title><script>var tapirScriptMarker = 1;</script></head>
        <body><h1>Heel drops before bed</h1>
        <p>Gentle heel drops before bed loosen the calves and the hamstrings that pull on the lower back.</p>
        <script>document.write('tapirInlineMarker')</script>
        <p onclick="alert('tapirHandlerMarker')">Ten slow repetitions on each side are enough for most people at night.</p>
        </body></html>
        """;

    Page answer = upload("heel-drops.html", html.getBytes(StandardCharsets.UTF_8));

    long id = articleId(answer);
    List<String> texts = passageTexts(id);
    assertThat(texts).isNotEmpty().anySatisfy(t -> assertThat(t).contains("Gentle heel drops"));
    assertThat(String.join("\n", texts)).doesNotContain("tapir");
    assertThat(ada.get("/admin/articles/" + id).body())
        .contains("Heel drops before bed")
        .doesNotContain("tapir");
  }

  @Test
  void bad_input_gets_a_clear_4xx_page_and_creates_nothing() {
    byte[] big = new byte[ArticleUpload.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 'a');
    record Case(String name, Page answer, int status, String message) {}
    long before = articleCount();
    List<Case> cases =
        List.of(
            new Case(
                "blank paste", paste(Map.of("text", "  \n ")), 400, "Paste the article's text"),
            new Case(
                "NUL bytes",
                upload("nul.txt", "Back pain\0at night".getBytes(StandardCharsets.UTF_8)),
                400,
                "nul.txt is not a text file"),
            new Case(
                "not UTF-8",
                upload("latin.txt", new byte[] {'c', 'a', 'f', (byte) 0xe9}),
                400,
                "latin.txt is not UTF-8 text"),
            new Case(
                "pdf",
                upload("paper.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)),
                400,
                "choose a .txt, .html or .htm file"),
            new Case(
                "zip name",
                upload("articles.zip", "PK".getBytes(StandardCharsets.UTF_8)),
                400,
                "choose a .txt, .html or .htm file"),
            new Case(
                "zip magic",
                upload("bomb.txt", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}),
                400,
                "compressed archive"),
            new Case(
                "gzip magic",
                upload("bomb.html", new byte[] {0x1f, (byte) 0x8b, 8, 0}),
                400,
                "compressed archive"),
            new Case("empty file", upload("empty.txt", new byte[0]), 400, "empty.txt is empty"),
            new Case(
                "over 2 MB", upload("big.txt", big), 413, "big.txt is too large: at most 2 MB"),
            new Case(
                "publisher too long",
                paste(Map.of("publisher", "p".repeat(201), "text", "Some text.")),
                400,
                "publisher is too long"),
            new Case(
                "relative URL",
                paste(Map.of("url", "example.org/a", "text", "Some text.")),
                400,
                "The source URL 'example.org/a' must be an absolute http:// or https:// address"),
            new Case(
                "script URL",
                paste(Map.of("url", "javascript:alert(1)", "text", "Some text.")),
                400,
                "must be an absolute http:// or https:// address"),
            new Case(
                "bad date",
                paste(Map.of("published", "31/12/2020", "text", "Some text.")),
                400,
                "The publication date '31/12/2020' is not a date: write it as YYYY-MM-DD"),
            new Case(
                "URL with several files",
                ada.postMultipart(
                    "/admin/articles",
                    Map.of("text", "", "url", "https://example.org/a"),
                    "file",
                    twoFiles()),
                400,
                "A source URL belongs to one article"),
            new Case(
                "bad date with several files",
                ada.postMultipart(
                    "/admin/articles", Map.of("text", "", "published", "soon"), "file", twoFiles()),
                400,
                "The publication date 'soon' is not a date"));

    for (Case c : cases) {
      assertThat(c.answer().status()).as(c.name()).isEqualTo(c.status());
      assertThat(c.answer().body()).as(c.name()).contains(c.message()).contains("<form");
    }
    assertThat(articleCount()).isEqualTo(before);
  }

  private static Map<String, byte[]> twoFiles() {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put(
        "one.txt",
        "One\n\nA firm mattress keeps the spine level.\n".getBytes(StandardCharsets.UTF_8));
    files.put(
        "two.txt", "Two\n\nA soft mattress lets the hips sink.\n".getBytes(StandardCharsets.UTF_8));
    return files;
  }

  @Test
  void the_article_page_shows_where_it_came_from_and_the_structure_of_the_import() {
    String text =
        "Side sleeping and the lower back\n\n"
            + "Knees together\n\n"
            + "Lying on your side with a pillow between the knees keeps the pelvis level through the night.\n\n"
            + "Skip to content";

    Page answer =
        paste(
            Map.of(
                "publisher",
                "Spine Weekly",
                "url",
                "https://example.org/side?a=1&b=2",
                "published",
                "2023-04-05",
                "text",
                text));

    assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    long id = articleId(answer);
    String page = ada.get("/admin/articles/" + id).body();
    assertThat(page)
        .contains(
            "<a href=\"https://example.org/side?a=1&amp;b=2\" rel=\"noopener noreferrer external\">"
                + "https://example.org/side?a=1&amp;b=2</a>")
        .contains("<dd>Spine Weekly</dd>")
        .contains("<time datetime=\"2023-04-05\">2023-04-05</time>");
    // Each block with the headings it sits under, and the reason a rejected one was rejected.
    assertThat(page)
        .containsPattern(
            "class=\"heading-path\"><strong>Knees together</strong></td>\\s*<td>Lying on your side");
    assertThat(page)
        .containsPattern(
            "(?s)Skip to content</td>.*?status-rejected\">rejected</span>\\s*<br><span class=\"why\">[a-z]");
  }

  @Test
  void the_passage_editor_shows_the_headings_above_the_editable_heading() {
    long id =
        articleId(
            paste(
                Map.of(
                    "text",
                    "Night stiffness\n\nMorning routine\n\n"
                        + "Stretch slowly before getting up after a night of stiffness in the lower back.")));
    long passage =
        app.database()
            .inTransaction(
                c -> {
                  try (var st = c.createStatement()) {
                    st.executeUpdate(
                        "UPDATE passages SET section_path = '[\"Habits\", \"At home\"]' WHERE article_id = "
                            + id);
                    try (var rs =
                        st.executeQuery("SELECT id FROM passages WHERE article_id = " + id)) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                });

    String editor = ada.get("/admin/passages/" + passage).body();

    assertThat(editor)
        .contains("<span class=\"muted\">Under</span> Habits › At home › </p>")
        .contains("name=\"heading\" value=\"Morning routine\"");
    assertThat(ada.get("/admin/articles/" + id).body())
        .contains(
            "<span class=\"muted\">Habits</span> › "
                + "<span class=\"muted\">At home</span> › <strong>Morning routine</strong>");
  }

  @Test
  void a_refused_import_keeps_what_was_typed() {
    String text =
        "Hedgehog stretches <b>for</b> the morning stiffness that follows a night on a soft mattress.";

    Page answer =
        ada.postMultipart(
            "/admin/articles",
            Map.of(
                "title",
                "Hedgehog stretches",
                "text",
                text,
                "url",
                "https://example.org/hedgehog",
                "published",
                "2020-01-02"),
            "file",
            "also.txt",
            "A file as well".getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("not both")
        .contains("value=\"Hedgehog stretches\"")
        .contains("value=\"https://example.org/hedgehog\"")
        .contains("value=\"2020-01-02\"")
        .contains("Hedgehog stretches &lt;b&gt;for&lt;/b&gt; the morning stiffness");
  }

  @Test
  void a_huge_upload_is_refused_while_it_is_read() {
    long before = articleCount();
    byte[] huge = new byte[6 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');

    Page answer = upload("huge.txt", huge);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).contains("too large");
    assertThat(articleCount()).isEqualTo(before);
  }

  @Test
  void a_long_pasted_text_is_read_whole_and_kept_when_refused() {
    String text =
        "Night stiffness paragraph with enough words to be real content for the splitter.\n\n"
            .repeat(13_000);

    Page answer =
        ada.postMultipart(
            "/admin/articles",
            Map.of("text", text),
            "file",
            "also.txt",
            "A file as well".getBytes(StandardCharsets.UTF_8));

    assertThat(text.length()).isGreaterThan(1_000_000);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("not both").contains(text.substring(0, 2000));
  }

  @Test
  void a_malformed_multipart_body_is_a_400_not_a_500() {
    // The token in the header, so the route itself is the first to read the body.
    var request =
        java.net.http.HttpRequest.newBuilder(app.uri("/admin/articles"))
            .header("Cookie", "lumbar_session=" + ada.cookie("lumbar_session").getValue())
            .header("X-CSRF-Token", ada.csrf())
            .header("Content-Type", "multipart/form-data; boundary=XyZ")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nno end"))
            .build();
    long before = articleCount();

    RunningApp.Response answer = app.send(request);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("could not be read");
    assertThat(articleCount()).isEqualTo(before);
  }

  @Test
  void anonymous_and_forged_posts_are_refused() {
    long before = articleCount();
    ConsoleSession anonymous = new ConsoleSession(app);
    Page anon =
        anonymous.postMultipart(
            "/admin/articles", Map.of("text", "Anonymous article text."), "file", null, null);
    assertThat(anon.status()).isEqualTo(302);
    assertThat(anon.location()).startsWith("/admin/login");

    Page forged =
        ada.postMultipart(
            "/admin/articles",
            Map.of("_csrf", "", "text", "Forged article text."),
            "file",
            null,
            null);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("did not come from Lumbar");
    assertThat(articleCount()).isEqualTo(before);
  }

  @Test
  void unknown_articles_answer_404_and_bad_ids_400() {
    assertThat(ada.get("/admin/articles/999999").status()).isEqualTo(404);
    assertThat(ada.get("/admin/articles/abc").status()).isEqualTo(400);
  }

  @Test
  void several_files_import_in_the_background_one_bad_file_stopping_nothing() {
    long before = articleCount();
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put(
        "first.txt",
        "First batch article\n\nA quokka-shaped pillow under the knees eases the lower back at night.\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    files.put(
        "second.html",
        "<h1>Second batch article</h1><p>Sleeping on a firm futon helped my back more than I expected.</p>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    files.put("broken.pdf", new byte[] {1, 2, 3});

    Page started = ada.postMultipart("/admin/articles", Map.of("text", ""), "file", files);

    assertThat(started.status()).isEqualTo(302);
    assertThat(started.location()).startsWith("/admin/jobs/");
    String job = started.location().substring("/admin/jobs/".length());
    io.lumbar.testing.Eventually.within(
        java.time.Duration.ofSeconds(10),
        () -> {
          var state = ada.get("/api/admin/jobs/" + job).json();
          assertThat(state.get("state").asText()).isEqualTo("done");
          assertThat(state.get("done").asLong()).isEqualTo(3);
          assertThat(state.get("message").asText())
              .contains("first.txt: imported as article")
              .contains("second.html: imported as article")
              .contains("refused: ");
        });
    assertThat(articleCount()).isEqualTo(before + 2);
    io.lumbar.testing.Eventually.within(
        java.time.Duration.ofSeconds(2),
        () ->
            assertThat(
                    app.get("/api/search?q=quokka")
                        .json()
                        .get("results")
                        .get(0)
                        .get("text")
                        .asText())
                .contains("quokka-shaped pillow"));
  }

  @Test
  void the_article_page_shows_its_outline_and_why_each_rejected_block_was_rejected() {
    String footer =
        "Our practice has welcomed patients from the valley since 1987, and our whole team looks forward"
            + " to seeing you & your family <soon>.";
    paste(
        Map.of(
            "url",
            "https://www.outline-site.example/night",
            "text",
            String.join(
                "\n\n",
                "Back pain at night",
                "Lying flat for hours lets the muscles around the spine stiffen, so many people wake up sore and slow.",
                "A pillow between the knees keeps the pelvis level for side sleepers and eases the lower back.",
                footer)));
    Page imported =
        paste(
            Map.of(
                "url",
                "https://outline-site.example/walking",
                "text",
                String.join(
                    "\n\n",
                    "Walking for a sore back",
                    "Skip to content",
                    "Walking for twenty minutes a day keeps the discs nourished, because movement pumps fluid through them.",
                    "Sign up for our newsletter today!",
                    footer)));

    Page article = ada.get(imported.location());

    assertThat(article.status()).isEqualTo(200);
    assertThat(article.body())
        .contains("<h2>Outline</h2>")
        .contains("site template: also on 1 other article of outline-site.example")
        .contains("class=\"status-rejected why-template\"")
        .contains("class=\"status-published kept\"")
        .contains("navigation")
        // The page's own text stays escaped.
        .contains("you &amp; your family &lt;soon&gt;.")
        .doesNotContain("<soon>");
    assertThat(article.body())
        .containsPattern("<li class=\"why-template\"><strong>1</strong> site template</li>");
  }
}
