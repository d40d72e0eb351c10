package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.testing.TestDatabase;
import io.lumbar.web.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Import into a real MariaDB: exact counts on the bundled articles, idempotence, duplicates, bad
 * files.
 */
class ArticleImporterTest {
  TestDatabase db;
  ArticleImporter importer;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    importer = new ArticleImporter(db.database());
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  @Test
  void bundled_articles_import_with_exact_counts() {
    List<String> lines =
        BundledCorpus.articles(Json.mapper()).stream()
            .map(a -> importer.importArticle(a, "test"))
            .map(
                s ->
                    s.sourceName()
                        + " "
                        + s.published()
                        + "/"
                        + s.rejected()
                        + "/"
                        + s.duplicates())
            .toList();

    assertThat(lines)
        .containsExactly(
            "000_20ad3e935afa3aeb.txt 48/4/0",
            "001_8cfda7e0b691c979.txt 24/15/0",
            "002_c9bace54030e4160.txt 15/6/0",
            "003_ecbaf5de1a7dd808.txt 9/15/0",
            "004_2643f8c96ca16c0f.txt 5/0/0");
    assertThat(count("SELECT COUNT(*) FROM passages WHERE status = 'published'")).isEqualTo(101);
    assertThat(
            count(
                "SELECT COUNT(*) FROM passages WHERE status = 'rejected' AND reject_reason IS NOT NULL"))
        .isEqualTo(40);
    assertThat(count("SELECT COUNT(*) FROM passage_revisions WHERE version = 1")).isEqualTo(141);
    assertThat(count("SELECT COUNT(*) FROM index_changes")).isEqualTo(101);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'article.import'"))
        .isEqualTo(5);
    assertThat(
            count(
                "SELECT COUNT(*) FROM passages WHERE status = 'published' AND (text LIKE '%Privacy Policy%' OR text LIKE '%Find a Location%' OR text LIKE '%Money Back%')"))
        .isZero();
  }

  @Test
  void importing_the_same_article_twice_adds_nothing() {
    ArticleSource article = BundledCorpus.articles(Json.mapper()).get(1);
    ImportSummary first = importer.importArticle(article, "test");
    long passages = count("SELECT COUNT(*) FROM passages");

    // Same text with other white space and typographic quotes is the same article.
    String reformatted = article.content().replace("\u2019", "'").replace("\n\n", "\n  \n");
    ImportSummary second =
        importer.importArticle(ArticleSource.of("again.txt", reformatted), "test");

    assertThat(second.alreadyImported()).isTrue();
    assertThat(second.articleId()).isEqualTo(first.articleId());
    assertThat(second.describe()).contains("already imported as article " + first.articleId());
    assertThat(count("SELECT COUNT(*) FROM passages")).isEqualTo(passages);
    assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(1);
  }

  @Test
  void a_paragraph_already_published_in_another_article_is_a_duplicate() {
    String shared =
        "Sleeping on your side with a pillow between the knees keeps the spine in line and eases pressure.";
    importer.importArticle(
        ArticleSource.of(
            "one.txt",
            "First article\n\n" + shared + "\n\nOnly in the first one, a sentence of its own."),
        "test");
    ImportSummary second =
        importer.importArticle(
            ArticleSource.of(
                "two.txt",
                "Second article\n\n"
                    + shared.replace("'", "\u2019")
                    + "\n\nOnly in the second one, another sentence."),
            "test");

    assertThat(second.published()).isEqualTo(1);
    assertThat(second.duplicates()).isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM passages WHERE reject_reason = 'duplicate' AND duplicate_of IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  void html_articles_are_imported_without_markup_or_scripts() {
    String html =
        """
        <html><head><title>Night pain | Clinic</title><script>alert('x')</script></head>
        <body><nav><a href="/">Home</a></nav>
        <h1>Night pain</h1>
        <p>Back pain that wakes you at night deserves a visit to a doctor, especially with fever.</p>
        <p>Gentle stretches before bed can ease stiffness in the lower back &amp; hips.</p>
        <footer>© 2024 Clinic</footer></body></html>
        """;
    ImportSummary summary = importer.importArticle(ArticleSource.of("night.html", html), "test");

    assertThat(summary.title()).isEqualTo("Night pain");
    assertThat(summary.published()).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM passages WHERE text LIKE '%<%' OR text LIKE '%alert%'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM passages WHERE text LIKE '%lower back & hips%'"))
        .isEqualTo(1);
  }

  @Test
  void empty_and_binary_files_are_refused_with_a_reason() {
    assertThatThrownBy(
            () -> importer.importArticle(ArticleSource.of("empty.txt", "  \n\n "), "test"))
        .isInstanceOf(ImportException.class)
        .hasMessage("empty.txt is empty: there is no text to import");
    assertThatThrownBy(
            () ->
                importer.importArticle(
                    ArticleSource.of("blob.txt", "PK\u0003\u0004\0\0binary"), "test"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("not a text file");
    assertThatThrownBy(
            () ->
                importer.importArticle(
                    ArticleSource.of("tags.html", "<html><body><script>x()</script></body></html>"),
                    "test"))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("empty");
    assertThat(count("SELECT COUNT(*) FROM articles")).isZero();
  }

  private static final String SMALL_ARTICLE =
      """
      Sleeping with a sore back

      Side sleeping

      Lying on your side with a pillow between the knees keeps the spine level through the night.
      """;

  @Test
  void an_article_keeps_its_source_url_publisher_and_date_and_each_passage_its_heading_path() {
    ArticleSource source =
        ArticleSource.of("side.txt", SMALL_ARTICLE)
            .withMetadata(null, "  Spine Weekly ")
            .withProvenance(
                " https://example.org/sleep/side?ref=a&b=c ", java.time.LocalDate.of(2023, 4, 5));

    long id = importer.importArticle(source, "test").articleId();

    assertThat(
            row(
                "SELECT CONCAT_WS('|', source_url, publisher, published_on, source_name) FROM articles WHERE id = "
                    + id))
        .isEqualTo("https://example.org/sleep/side?ref=a&b=c|Spine Weekly|2023-04-05|side.txt");
    assertThat(
            row(
                "SELECT CONCAT_WS('|', heading, section_path) FROM passages WHERE article_id = "
                    + id))
        .isEqualTo("Side sleeping|[]");
    ArticleDao.Article article = new ArticleDao(db.database()).find(id).orElseThrow();
    assertThat(article.sourceUrl()).isEqualTo("https://example.org/sleep/side?ref=a&b=c");
    assertThat(article.publishedOn()).isEqualTo(java.time.LocalDate.of(2023, 4, 5));
    assertThat(new ArticleDao(db.database()).passages(id))
        .singleElement()
        .satisfies(p -> assertThat(p.headingPath()).containsExactly("Side sleeping"));
  }

  @Test
  void the_headings_above_a_passage_are_read_back_outermost_first() {
    long id =
        importer.importArticle(ArticleSource.of("side.txt", SMALL_ARTICLE), "test").articleId();
    db.database()
        .inTransaction(
            c ->
                c.createStatement()
                    .executeUpdate(
                        "UPDATE passages SET section_path = '[\"Sleep\", \"Positions › at night\"]' WHERE article_id = "
                            + id));

    ArticleDao.Passage passage = new ArticleDao(db.database()).passages(id).getFirst();

    assertThat(passage.sectionPath()).containsExactly("Sleep", "Positions › at night");
    assertThat(passage.headingPath())
        .containsExactly("Sleep", "Positions › at night", "Side sleeping");
  }

  @Test
  void unusable_provenance_is_refused_with_a_reason_and_nothing_is_stored() {
    ArticleSource article = ArticleSource.of("side.txt", SMALL_ARTICLE);
    java.util.Map<String, String> refusedUrls = new java.util.LinkedHashMap<>();
    refusedUrls.put(
        "example.org/side",
        "The source URL 'example.org/side' must be an absolute http:// or https:// address");
    refusedUrls.put(
        "ftp://example.org/side",
        "The source URL 'ftp://example.org/side' must be an absolute http:// or https:// address");
    refusedUrls.put(
        "javascript:alert(1)",
        "The source URL 'javascript:alert(1)' must be an absolute http:// or https:// address");
    refusedUrls.put(
        "https:///no-host",
        "The source URL 'https:///no-host' must be an absolute http:// or https:// address");
    refusedUrls.put(
        "https://example.org/a b",
        "The source URL 'https://example.org/a b' is not a valid URL: Illegal character in path");
    refusedUrls.put(
        "https://example.org/" + "a".repeat(2048),
        "The source URL is too long: at most 2048 characters");
    refusedUrls.forEach(
        (url, message) ->
            assertThatThrownBy(
                    () -> importer.importArticle(article.withProvenance(url, null), "test"))
                .as(url)
                .isInstanceOf(ImportException.class)
                .hasMessage(message));
    assertThatThrownBy(
            () -> importer.importArticle(article.withMetadata(null, "p".repeat(201)), "test"))
        .isInstanceOf(ImportException.class)
        .hasMessage("The publisher is too long: at most 200 characters");
    java.time.LocalDate nextWeek = java.time.LocalDate.now().plusDays(7);
    assertThatThrownBy(() -> importer.importArticle(article.withProvenance(null, nextWeek), "test"))
        .isInstanceOf(ImportException.class)
        .hasMessage("The publication date " + nextWeek + " is in the future");
    assertThatThrownBy(() -> ArticleSource.parseDate("5 April 2023"))
        .isInstanceOf(ImportException.class)
        .hasMessage("The publication date '5 April 2023' is not a date: write it as YYYY-MM-DD");
    assertThat(count("SELECT COUNT(*) FROM articles")).isZero();
  }

  private String row(String sql) {
    return db.database()
        .read(
            c -> {
              try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
              }
            });
  }

  private long count(String sql) {
    return db.database()
        .read(
            c -> {
              try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }
}
