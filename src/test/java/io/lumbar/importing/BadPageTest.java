package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pages that hold no usable article get one clear message, and nothing is stored. */
class BadPageTest {
  private static final String PROSE =
      "<p>Back pain at night often comes from the way you lie, and a pillow between "
          + "the knees takes the strain off the lower back while you sleep on your side.</p>";
  TestDatabase db;
  ArticleImporter importer;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    importer = new ArticleImporter(db.database());
  }

  @AfterEach
  void tearDown() throws Exception {
    long stored =
        db.database()
            .read(
                c -> {
                  try (var st =
                          c.prepareStatement(
                              "SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM passages)");
                      var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    assertThat(stored).as("nothing stored").isZero();
    db.close();
  }

  @Test
  void emptyPage() {
    assertThatThrownBy(
            () ->
                importer.importArticle(
                    ArticleSource.of("e.html", "<html><body> </body></html>"), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessage("e.html is empty: there is no text to import");
  }

  @Test
  void navigationOnly() {
    String html =
        "<html><body><nav><ul><li><a href=/a>Home</a></li><li><a href=/b>Shop</a></li></ul></nav>"
            + "<footer><a href=/p>Privacy Policy</a></footer></body></html>";
    assertThatThrownBy(() -> importer.importArticle(ArticleSource.of("n.html", html), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "n.html has no article text: all 2 blocks are page furniture (navigation, links, forms...), "
                + "so nothing was imported");
  }

  @Test
  void anotherLanguage() {
    String german =
        "Rückenschmerzen in der Nacht entstehen oft durch eine ungünstige Schlafposition. "
            .repeat(12);
    assertThatThrownBy(
            () -> importer.importArticle(ArticleSource.of("de.txt", "Rücken\n\n" + german), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("de.txt does not read as English (");
  }

  @Test
  void markupSoupStillFindsTheProse() {
    String soup =
        "<div><p>" + PROSE + "<b><i>unclosed <table><td>" + PROSE + "</div></span></p><<>>";
    ArticleSplitter.SplitArticle split = ArticleSplitter.split(ArticleSource.of("s.html", soup));
    assertThat(split.blocks()).anySatisfy(b -> assertThat(b.isContent()).isTrue());
  }

  @Test
  void hugePageIsImportedOrRefusedInOneMessage() {
    String huge =
        "<html><body>"
            + "<div class=ad><a href=/x>Buy now</a></div>".repeat(120_000)
            + "</body></html>";
    assertThat(huge.length()).isGreaterThan(5_000_000);
    assertThatThrownBy(() -> importer.importArticle(ArticleSource.of("big.html", huge), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("big.html has no article text");
  }

  @Test
  void blankTextAndMarkupWithoutWordsAreRefused() {
    assertThatThrownBy(
            () -> importer.importArticle(ArticleSource.of("b.txt", " \n\u00a0\n\t\n"), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessage("b.txt is empty: there is no text to import");
    // Broken markup whose only text is marks.
    assertThatThrownBy(
            () ->
                importer.importArticle(
                    ArticleSource.of("m.html", "<div><p></span><<>><b><i></table>"), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("m.html has no article text");
  }

  @Test
  void aTitleWithoutAnArticleBelowIt() {
    assertThatThrownBy(
            () -> importer.importArticle(ArticleSource.of("t.txt", "Back pain at night\n"), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessage("t.txt has no paragraphs to import");
  }

  @Test
  void aBinaryFileAndAPageOverTheSizeLimit() {
    assertThatThrownBy(
            () ->
                importer.importArticle(
                    ArticleSource.of("x.txt", "PK\u0003\u0004\u0000\u0000"), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessage("x.txt is not a text file");
    String tooLarge = "<p>" + PROSE + "</p>".repeat(1) + " ".repeat(ArticleImporter.MAX_PAGE_CHARS);
    assertThatThrownBy(() -> importer.importArticle(ArticleSource.of("l.html", tooLarge), "t"))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "l.html is too large: at most " + ArticleImporter.MAX_PAGE_CHARS + " characters");
  }
}
