package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.importing.ArticleSplitter.SplitArticle;
import org.junit.jupiter.api.Test;

class HtmlArticleTextTest {

  private static final String HTML = """
            <!DOCTYPE html>
            <html><head><title>Night back pain | Example Clinic</title>
            <style>p { color: red }</style><script>alert(1)</script></head>
            <body>
            <header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
              <h1>Why does my back hurt at night?</h1></header>
            <main><article>
              <p>Night pain has <em>many</em> causes.&nbsp;Most are harmless &amp; treatable.</p>
              <h2>Common causes</h2>
              <p>The most common causes include:</p>
              <ul>
                <li>Muscle strain</li>
                <li>Disc <b>herniation</b></li>
                <li><p>Joint irritation</p></li>
              </ul>
              <table>
                <tr><th>Cause</th><th>Typical sign</th></tr>
                <tr><td>Strain</td><td>Morning stiffness</td></tr>
              </table>
              <div>See a doctor if<br>the pain persists.</div>
              <script>alert(1)</script><noscript>Enable JavaScript</noscript>
              <form><label>Email</label><input name="e"><button>Subscribe</button></form>
            </article></main>
            <footer>© 2024 Example Clinic</footer>
            </body></html>
            """;

  @Test
  void convertsTheArticleToParagraphsListsAndRows() {
    assertThat(HtmlArticleText.toPlainText(HTML)).isEqualTo("""
                Why does my back hurt at night?

                Night pain has many causes.\u00A0Most are harmless & treatable.

                Common causes

                The most common causes include:

                • Muscle strain
                • Disc herniation
                • Joint irritation

                Cause | Typical sign
                Strain | Morning stiffness

                See a doctor if
                the pain persists.""");
  }

  @Test
  void neverLeaksScriptsOrMarkup() {
    String text = HtmlArticleText.toPlainText(HTML + "<img src=x onerror=alert(2)><iframe src=x>frame</iframe>");
    assertThat(text).doesNotContain("alert", "<", ">", "&amp;", "&nbsp;", "Home", "Subscribe", "©", "Enable JavaScript");
  }

  @Test
  void fallsBackToTheTitleElement() {
    assertThat(HtmlArticleText.toPlainText("<title>Sciatica at night</title><p>Pain radiates down the leg.</p>"))
        .isEqualTo("Sciatica at night\n\nPain radiates down the leg.");
  }

  @Test
  void splitsLikeAPlainTextArticle() {
    SplitArticle article = ArticleSplitter.split(HtmlArticleText.toPlainText(HTML));
    assertThat(article.title()).isEqualTo("Why does my back hurt at night?");
    assertThat(article.blocks()).extracting(Block::heading, Block::text, Block::rejectReason).containsExactly(
        tuple(null, "Night pain has many causes.\u00A0Most are harmless & treatable.", null),
        tuple("Common causes", "The most common causes include:\n• Muscle strain\n• Disc herniation\n• Joint irritation", null),
        tuple(null, "Cause | Typical sign\nStrain | Morning stiffness", null),
        tuple(null, "See a doctor if\nthe pain persists.", null));
  }

  @Test
  void longListItemsBecomePassagesWithTheirLabelAsHeading() {
    String item = "Walking — A daily walk keeps the lumbar joints moving and the muscles warm. "
        + "Start with ten minutes and add a few minutes each week as long as the pain allows it.";
    SplitArticle article = ArticleSplitter.split(HtmlArticleText.toPlainText(
        "<h1>Exercises</h1><p>Try these:</p><ol><li>" + item + "</li><li>Swimming — " + item.substring(10)
            + "</li></ol>"));
    assertThat(article.blocks()).extracting(Block::heading, Block::text).containsExactly(
        tuple(null, "Try these:"),
        tuple("Walking", item),
        tuple("Swimming", "Swimming — " + item.substring(10)));
  }
}
