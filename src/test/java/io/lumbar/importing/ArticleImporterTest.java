package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.testing.TestDatabase;
import io.lumbar.web.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Import into a real MariaDB: exact counts on the bundled articles, idempotence, duplicates, bad files. */
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
    List<String> lines = BundledCorpus.articles(Json.mapper()).stream()
        .map(a -> importer.importArticle(a, "test"))
        .map(s -> s.sourceName() + " " + s.published() + "/" + s.rejected() + "/" + s.duplicates())
        .toList();

    assertThat(lines).containsExactly(
        "000_20ad3e935afa3aeb.txt 48/4/0",
        "001_8cfda7e0b691c979.txt 24/15/0",
        "002_c9bace54030e4160.txt 15/6/0",
        "003_ecbaf5de1a7dd808.txt 9/15/0",
        "004_2643f8c96ca16c0f.txt 5/0/0");
    assertThat(count("SELECT COUNT(*) FROM passages WHERE status = 'published'")).isEqualTo(101);
    assertThat(count("SELECT COUNT(*) FROM passages WHERE status = 'rejected' AND reject_reason IS NOT NULL")).isEqualTo(40);
    assertThat(count("SELECT COUNT(*) FROM passage_revisions WHERE version = 1")).isEqualTo(141);
    assertThat(count("SELECT COUNT(*) FROM index_changes")).isEqualTo(101);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'article.import'")).isEqualTo(5);
    assertThat(count("SELECT COUNT(*) FROM passages WHERE status = 'published' AND (text LIKE '%Privacy Policy%' OR text LIKE '%Find a Location%' OR text LIKE '%Money Back%')")).isZero();
  }

  @Test
  void importing_the_same_article_twice_adds_nothing() {
    ArticleSource article = BundledCorpus.articles(Json.mapper()).get(1);
    ImportSummary first = importer.importArticle(article, "test");
    long passages = count("SELECT COUNT(*) FROM passages");

    // Same text with other white space and typographic quotes is the same article.
    String reformatted = article.content().replace("\u2019", "'").replace("\n\n", "\n  \n");
    ImportSummary second = importer.importArticle(ArticleSource.of("again.txt", reformatted), "test");

    assertThat(second.alreadyImported()).isTrue();
    assertThat(second.articleId()).isEqualTo(first.articleId());
    assertThat(second.describe()).contains("already imported as article " + first.articleId());
    assertThat(count("SELECT COUNT(*) FROM passages")).isEqualTo(passages);
    assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(1);
  }

  @Test
  void a_paragraph_already_published_in_another_article_is_a_duplicate() {
    String shared = "Sleeping on your side with a pillow between the knees keeps the spine in line and eases pressure.";
    importer.importArticle(ArticleSource.of("one.txt", "First article\n\n" + shared + "\n\nOnly in the first one, a sentence of its own."), "test");
    ImportSummary second = importer.importArticle(
        ArticleSource.of("two.txt", "Second article\n\n" + shared.replace("'", "\u2019") + "\n\nOnly in the second one, another sentence."), "test");

    assertThat(second.published()).isEqualTo(1);
    assertThat(second.duplicates()).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM passages WHERE reject_reason = 'duplicate' AND duplicate_of IS NOT NULL")).isEqualTo(1);
  }

  @Test
  void html_articles_are_imported_without_markup_or_scripts() {
    String html = """
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
    assertThat(count("SELECT COUNT(*) FROM passages WHERE text LIKE '%<%' OR text LIKE '%alert%'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM passages WHERE text LIKE '%lower back & hips%'")).isEqualTo(1);
  }

  @Test
  void empty_and_binary_files_are_refused_with_a_reason() {
    assertThatThrownBy(() -> importer.importArticle(ArticleSource.of("empty.txt", "  \n\n "), "test"))
        .isInstanceOf(ImportException.class).hasMessage("empty.txt is empty: there is no text to import");
    assertThatThrownBy(() -> importer.importArticle(ArticleSource.of("blob.txt", "PK\u0003\u0004\0\0binary"), "test"))
        .isInstanceOf(ImportException.class).hasMessageContaining("not a text file");
    assertThatThrownBy(() -> importer.importArticle(ArticleSource.of("tags.html", "<html><body><script>x()</script></body></html>"), "test"))
        .isInstanceOf(ImportException.class).hasMessageContaining("empty");
    assertThat(count("SELECT COUNT(*) FROM articles")).isZero();
  }

  private long count(String sql) {
    return db.database().read(c -> {
      try (var rs = c.createStatement().executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
