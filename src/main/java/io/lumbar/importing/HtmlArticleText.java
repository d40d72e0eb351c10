package io.lumbar.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
* Turns an HTML page into the plain-text layout {@link ArticleSplitter} expects: title first, blank lines between
* paragraphs, one line per list item ("• item") or table row inside a single paragraph.
*/
public final class HtmlArticleText {

  // Page chrome and non-text elements; their text is never article content.
  private static final String DROPPED =
      "script, style, noscript, nav, footer, header, form, iframe, svg, template, object, embed, canvas";
  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
      "section", "article", "main", "aside", "figure", "figcaption", "pre", "address", "dl", "dt", "dd", "hr",
      "details", "summary", "body");
  // Ordinary white space only: non-breaking spaces are kept for the splitter, as in captured text.
  private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\r\\f]+");

  private HtmlArticleText() {
  }

  public static String toPlainText(String html) {
    Document doc = Jsoup.parse(html);
    // Taken before the chrome is dropped: the h1 often sits inside <header>.
    Element h1 = doc.selectFirst("h1");
    String title = h1 != null && !h1.text().isBlank() ? h1.text() : doc.title();
    if (h1 != null) {
      h1.remove();
    }
    doc.select(DROPPED).remove();

    Text text = new Text();
    text.append(title);
    text.paragraphBreak();
    text.walk(doc.body() != null ? doc.body() : doc);
    text.paragraphBreak();
    return text.paragraphs.stream().map(lines -> String.join("\n", lines)).collect(Collectors.joining("\n\n"));
  }

  /** Accumulates lines and paragraphs while walking the DOM. */
  private static final class Text {
    final List<List<String>> paragraphs = new ArrayList<>();
    private List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    // Inside a list, block elements only break lines, so the list stays one paragraph.
    private int listDepth;
    // Inside a list item, block elements (<li><p>...</p></li>) are read inline: one item, one line.
    private boolean inItem;

    void walk(Node node) {
      for (Node child : node.childNodes()) {
        if (child instanceof TextNode textNode) {
          append(textNode.getWholeText());
        } else if (child instanceof Element element) {
          element(element);
        }
      }
    }

    private void element(Element e) {
      String tag = e.normalName();
      switch (tag) {
        case "br" -> lineBreak();
        case "ul", "ol" -> {
          boolean outerItem = inItem;
          inItem = false;
          blockBreak();
          listDepth++;
          walk(e);
          listDepth--;
          blockBreak();
          inItem = outerItem;
        }
        case "li" -> {
          boolean outerItem = inItem;
          lineBreak();
          append("• ");
          inItem = true;
          walk(e);
          inItem = outerItem;
          lineBreak();
        }
        case "table" -> table(e);
        default -> {
          if (BLOCKS.contains(tag) && inItem) {
            append(" ");
            walk(e);
            append(" ");
          } else if (BLOCKS.contains(tag)) {
            blockBreak();
            walk(e);
            blockBreak();
          } else {
            walk(e);
          }
        }
      }
    }

    private void table(Element table) {
      paragraphBreak();
      Element caption = table.selectFirst("caption");
      if (caption != null) {
        append(caption.text());
        paragraphBreak();
      }
      for (Element row : table.select("tr")) {
        String cells = row.select("th, td").stream()
            .map(Element::text).filter(s -> !s.isBlank()).collect(Collectors.joining(" | "));
        append(cells);
        lineBreak();
      }
      paragraphBreak();
    }

    void append(String s) {
      String collapsed = SPACES.matcher(s).replaceAll(" ");
      if (line.isEmpty() || line.charAt(line.length() - 1) == ' ') {
        collapsed = collapsed.stripLeading();
      }
      line.append(collapsed);
    }

    void lineBreak() {
      String finished = line.toString().strip();
      line.setLength(0);
      // An empty list item leaves only its bullet.
      if (!finished.isEmpty() && !finished.equals("•")) {
        lines.add(finished);
      }
    }

    void blockBreak() {
      if (listDepth > 0) {
        lineBreak();
      } else {
        paragraphBreak();
      }
    }

    void paragraphBreak() {
      lineBreak();
      if (!lines.isEmpty()) {
        paragraphs.add(lines);
        lines = new ArrayList<>();
      }
    }
  }
}
