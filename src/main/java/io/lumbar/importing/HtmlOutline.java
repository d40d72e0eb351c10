package io.lumbar.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML page into an outline. jsoup walks the whole page in reading order keeping its own
 * headings, lists and tables; Readability4J says which text it takes for the article, which is
 * evidence for the classifier (a block outside it is page furniture unless it clearly reads as
 * prose), not a verdict.
 */
final class HtmlOutline {
  // Never visible text.
  private static final String DROPPED =
      "script, style, noscript, template, svg, iframe, object, embed, canvas, "
          + "select, option, [hidden], [aria-hidden=true], [style~=display:\\s*none]";
  private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\r\\f]+");
  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern JSON_PUBLISHER =
      Pattern.compile("\"publisher\"\\s*:\\s*\\{[^{}]*?\"name\"\\s*:\\s*\"([^\"]{1,200})\"");
  private static final Pattern JSON_PUBLISHED =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{4,40})\"");

  // The extractor's scoring grows faster than the page; past this many characters of markup the
  // blocks are judged
  // on their own evidence alone (chrome, links, shape).
  private static final int MAX_EXTRACTOR_CHARS = 1_500_000;
  static final String SECTION_LABEL = "section label";
  private static final int MAX_KICKER_WORDS = 4;
  // "4 / Warning signs", "3 · Treatment": a section's number, a separator, a label.
  private static final Pattern NUMBERED_LABEL =
      Pattern.compile("\\d{1,2}\\s*[/·.|–—-]\\s*\\p{L}[^.!?:;,]*");
  private static final Pattern LABEL_PART = Pattern.compile("[-_](eyebrow|kicker|overline)$");
  // A list built of boxes: three or more, each a short line.
  private static final int MIN_ITEM_RUN = 3;
  private static final int MAX_ITEM_WORDS = 20;
  private static final int MAX_BOLD_HEADING_WORDS = 12;

  private static final Map<String, String> REGION_NAMES = regionNames();

  private static Map<String, String> regionNames() {
    Map<String, String> names = new HashMap<>();
    for (String name :
        List.of(
            "author-box",
            "author-bio",
            "about-author",
            "author-info",
            "author-card",
            "post-author",
            "entry-author",
            "byline")) {
      names.put(name, "byline");
    }
    for (String name :
        List.of(
            "share",
            "sharing",
            "share-buttons",
            "social-share",
            "share-links",
            "social-icons",
            "post-share")) {
      names.put(name, "share links");
    }
    for (String name : List.of("related", "related-posts", "related-articles")) {
      names.put(name, "related links");
    }
    for (String name : List.of("comments", "comments-area", "comment-respond", "respond")) {
      names.put(name, "comment form");
    }
    for (String name :
        List.of(
            "newsletter",
            "newsletter-signup",
            "newsletter-box",
            "subscribe",
            "subscribe-box",
            "mailing-list",
            "email-signup",
            "signup-box")) {
      names.put(name, "newsletter");
    }
    for (String name : List.of("breadcrumb", "breadcrumbs")) {
      names.put(name, "navigation");
    }
    for (String name : List.of("post-navigation", "nav-links", "pagination", "post-nav")) {
      names.put(name, "navigation");
    }
    for (String name : List.of("cookie-banner", "cookie-notice", "cookie-consent")) {
      names.put(name, "cookie notice");
    }
    for (String name :
        List.of("testimonial", "testimonials", "reviews", "review", "patient-stories")) {
      names.put(name, ProviderVoice.REVIEWS);
    }
    for (String name : List.of("tags", "post-tags", "tag-links", "entry-tags")) {
      names.put(name, "page metadata");
    }
    // Design systems' names for the small label set over a section's heading.
    for (String name : List.of("eyebrow", "kicker", "overline", "section-label")) {
      names.put(name, SECTION_LABEL);
    }
    return Map.copyOf(names);
  }

  private HtmlOutline() {}

  static PageOutline of(String html) {
    Document doc = Jsoup.parse(html);
    PageMeta meta = meta(doc);
    String main = html.length() <= MAX_EXTRACTOR_CHARS ? mainText(html, meta.url()) : "";
    Element firstH1 =
        doc.select("h1").stream()
            .filter(
                h ->
                    h.closest("nav, [role=navigation], [role=banner]") == null
                        && !h.text().isBlank())
            .findFirst()
            .orElse(null);
    String title =
        PageTitle.choose(
            firstH1 == null ? null : text(firstH1.text()),
            attr(doc, "meta[property=og:title]"),
            doc.title(),
            meta.publisher());
    doc.select(DROPPED).remove();
    Walker walker = new Walker(main);
    walker.walk(doc.body() != null ? doc.body() : doc);
    walker.flush();
    List<OutlineBlock> blocks = new ArrayList<>(walker.blocks);
    // The title's own heading is the title, not a section.
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock block = blocks.get(i);
      if (block.isHeading() && title != null && key(block.text()).equals(key(title))) {
        blocks.remove(i);
        break;
      }
    }
    return new PageOutline(title, meta, blocks);
  }

  static PageMeta meta(Document doc) {
    String url =
        firstNonBlank(
            doc.select("link[rel=canonical]").attr("abs:href"),
            doc.select("link[rel=canonical]").attr("href"),
            attr(doc, "meta[property=og:url]"));
    String scripts =
        doc.select("script[type=application/ld+json]").stream()
            .map(Element::data)
            .collect(Collectors.joining("\n"));
    String publisher =
        firstNonBlank(attr(doc, "meta[property=og:site_name]"), group(JSON_PUBLISHER, scripts));
    String published =
        firstNonBlank(
            attr(doc, "meta[property=article:published_time]"),
            group(JSON_PUBLISHED, scripts),
            doc.select("time[datetime]").attr("datetime"));
    if (published != null) {
      Matcher date = ISO_DATE.matcher(published.strip());
      published = date.find() ? date.group(1) : null;
    }
    return new PageMeta(url, publisher, published);
  }

  /** The normalised text Readability4J takes for the article; empty when it finds none. */
  private static String mainText(String html, String url) {
    try {
      Article article =
          new Readability4JExtended(url == null ? "https://localhost/" : url, html).parse();
      Element content = article.getArticleContent();
      return content == null ? "" : key(content.text());
    } catch (RuntimeException e) {
      // The extractor's failure is missing evidence, not a broken import: every block is then
      // judged on its own.
      return "";
    }
  }

  static String key(String text) {
    return TextNormalizer.normalize(text).toLowerCase(Locale.ROOT);
  }

  private static String attr(Document doc, String selector) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : e.attr("content");
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String text(String s) {
    return s == null ? null : s.strip();
  }

  /** Walks the DOM in reading order, collecting blocks with the evidence around them. */
  private static final class Walker {
    final List<OutlineBlock> blocks = new ArrayList<>();
    private final String main;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private int chars;
    private int linkChars;
    private int linkDepth;
    private String chrome;
    // The level of the last heading in heading markup; bold headings go one below it.
    private int lastLevel = 1;

    Walker(String main) {
      this.main = main;
    }

    void walk(Node node) {
      List<Node> children = node.childNodes();
      for (int i = 0; i < children.size(); i++) {
        Node child = children.get(i);
        if (child instanceof TextNode textNode) {
          append(textNode.getWholeText());
        } else if (child instanceof Element element) {
          List<Element> run = itemRun(element);
          if (run.size() >= MIN_ITEM_RUN) {
            itemList(run);
            i = children.indexOf(run.getLast());
          } else {
            element(element);
          }
        }
      }
    }

    /**
     * Sibling elements of one design component, each a short line of plain text ("<div
     * class=pill>Clicking on the stairs</div>" three or more times): a list built of boxes instead
     * of list markup, read as one list so it stays whole with its heading.
     */
    private static List<Element> itemRun(Element first) {
      List<Element> run = new ArrayList<>();
      // Only where a run starts: a box of the same design just before this one that is an item
      // was read with its run already, so a long row of boxes is read once, not from each box.
      Element before = first.previousElementSibling();
      Element next = first.nextElementSibling();
      if (!first.normalName().matches("div|span")
          || first.className().isBlank()
          // Two more of the same design after it, before any text is read: wrappers are not read.
          || !sameDesign(first, next)
          || !sameDesign(first, next.nextElementSibling())
          || sameDesign(first, before) && isItem(before)) {
        return run;
      }
      for (Element e = first; sameDesign(first, e) && isItem(e); e = e.nextElementSibling()) {
        run.add(e);
      }
      return run;
    }

    private static boolean sameDesign(Element first, Element other) {
      return other != null
          && other.normalName().equals(first.normalName())
          && other.className().equals(first.className());
    }

    private static boolean isItem(Element e) {
      String text = clean(e.text());
      return !text.isEmpty()
          && Words.of(text).size() <= MAX_ITEM_WORDS
          && e.select("a, p, h1, h2, h3, h4, h5, h6, ul, ol, table, br, button, input").isEmpty()
          && chromeOf(e) == null;
    }

    private void itemList(List<Element> run) {
      flush();
      List<String> items = run.stream().map(e -> "• " + clean(e.text())).toList();
      // Item by item: the extractor may keep each box's text with its icon or marker between.
      int chars = 0;
      int kept = 0;
      for (Element e : run) {
        String text = clean(e.text());
        chars += text.length();
        kept += inMain(text) ? text.length() : 0;
      }
      add(new OutlineBlock(OutlineBlock.Kind.LIST, 0, items, null, 0, kept * 2 >= chars, chrome));
    }

    private void element(Element e) {
      String tag = e.normalName();
      String outerChrome = chrome;
      String own = chromeOf(e);
      if (own != null && chrome == null) {
        chrome = own;
      }
      switch (tag) {
        // A blank line (two breaks in a row) ends a paragraph, as it does on screen: old designs
        // put a whole article in one element, its paragraphs apart by <br><br>.
        case "br" -> {
          if (clean(line.toString()).isEmpty() && !lines.isEmpty()) {
            flush();
          } else {
            lineBreak();
          }
        }
        // A disclosure's summary is the title of what it opens: an FAQ's question over its answer.
        case "summary" -> {
          if (!clean(e.text()).isEmpty() && e.select("a, img").isEmpty()) {
            boldHeadingBlock(e);
          } else {
            blockChildren(e);
          }
        }
        case "b", "strong" -> {
          if (clean(line.toString()).isEmpty() && boldLine(e)) {
            boldHeadingBlock(e);
          } else {
            walk(e);
          }
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          lastLevel = tag.charAt(1) - '0';
          if (chrome == null && kicker(e)) {
            chrome = SECTION_LABEL;
            flush();
            chrome = null;
          } else {
            flush();
            numberedLabel(e);
          }
          walk(e);
          lineBreak();
          String text = String.join(" ", lines);
          double links = share();
          lines.clear();
          resetCounts();
          if (!text.isBlank()) {
            add(
                new OutlineBlock(
                    OutlineBlock.Kind.HEADING,
                    tag.charAt(1) - '0',
                    List.of(text),
                    null,
                    links,
                    inMain(text),
                    chrome));
          }
        }
        // Markup that puts other elements straight in a list (an accordion of buttons and answer
        // panels) is not a
        // list of items: its parts are read as blocks, so the panels' text is not lost.
        case "ul", "ol" -> {
          if (e.children().stream()
              .anyMatch(c -> !c.normalName().equals("li") && !c.text().isBlank())) {
            blockChildren(e);
          } else if (e.textNodes().stream().anyMatch(t -> !t.isBlank())) {
            looseTextList(e);
          } else {
            list(e);
          }
        }
        case "table" -> {
          if (e.select("table table, td p, td ul, td div div, td h2, td h3").isEmpty()) {
            table(e);
          } else {
            // A layout table: its cells are page regions.
            blockChildren(e);
          }
        }
        // A link to a place in the same page (an accordion's toggle, a jump) sends the reader
        // nowhere else: its text is the page's own.
        case "a" -> {
          boolean away = !e.attr("href").strip().startsWith("#");
          if (away) {
            linkDepth++;
          }
          walk(e);
          if (away) {
            linkDepth--;
          }
        }
        case "p" -> {
          if (boldHeading(e)) {
            boldHeadingBlock(e);
          } else {
            blockChildren(e);
          }
        }
        default -> {
          if (isBlock(tag)) {
            blockChildren(e);
          } else {
            walk(e);
          }
        }
      }
      chrome = outerChrome;
    }

    /**
     * A short label set in inline markup straight above a heading ("Our view" over "Rest less, move
     * more"): a design's eyebrow over the section, not a heading of its own and not text. The
     * paragraph being collected is exactly that element's text, a few words without a sentence's
     * end.
     */
    private boolean kicker(Element heading) {
      Element before = heading.previousElementSibling();
      if (before == null
          || isBlock(before.normalName())
          || before.normalName().matches("h[1-6]|a|img|br")
          || !before.select("a, p, div, h1, h2, h3, h4, h5, h6, ul, ol, table").isEmpty()) {
        return false;
      }
      Node between = heading.previousSibling();
      while (between instanceof TextNode t && t.isBlank()) {
        between = between.previousSibling();
      }
      String pending = clean(String.join(" ", lines) + " " + line);
      String label = clean(before.text());
      return between == before
          && !label.isEmpty()
          && label.equals(pending)
          && Words.of(label).size() <= MAX_KICKER_WORDS
          && !label.matches(".*[.,;:]$")
          && !key(label).equals(key(heading.text()));
    }

    /**
     * A section's number with a short label in a box of its own straight above its heading ("4 /
     * Warning signs" over "When to worry"): the design's eyebrow, already read as a paragraph, is
     * marked as one.
     */
    private void numberedLabel(Element heading) {
      Element before = heading.previousElementSibling();
      if (before == null
          || blocks.isEmpty()
          || !before.normalName().matches("div|span|p")
          || !before.select("a, img, h1, h2, h3, h4, h5, h6, ul, ol, table").isEmpty()) {
        return;
      }
      OutlineBlock last = blocks.getLast();
      String label = clean(before.text());
      if (last.kind() == OutlineBlock.Kind.PARAGRAPH
          && last.chrome() == null
          && last.text().equals(label)
          && NUMBERED_LABEL.matcher(label).matches()
          && Words.of(label).size() <= MAX_KICKER_WORDS + 1) {
        blocks.set(blocks.size() - 1, last.withChrome(SECTION_LABEL));
      }
    }

    /**
     * A paragraph that is nothing but a short bold phrase, over a paragraph or list of its own ("
     *
     * <p><b>What is it?</b>"): a design that heads its sections in bold instead of heading markup.
     * One level below the page's last real heading. A bold line ending in a sentence's stop or a
     * colon is text or a list's intro, not a heading.
     */
    /**
     * A phrase that heads what follows (bold, a summary): one level below the page's last heading.
     */
    private void boldHeadingBlock(Element bold) {
      flush();
      String text = clean(bold.text());
      add(
          new OutlineBlock(
              OutlineBlock.Kind.HEADING,
              Math.min(6, lastLevel + 1),
              List.of(text),
              null,
              0,
              inMain(text),
              chrome));
    }

    /**
     * A bold phrase that is a line of its own between breaks, over text that goes on below it
     * ("<b>What can I do?</b><br>
     * Try ..."): the same design as a bold paragraph heading, in a page that breaks lines instead
     * of making paragraphs.
     */
    private static boolean boldLine(Element bold) {
      if (!bold.select("a, img, br").isEmpty()) {
        return false;
      }
      String text = clean(bold.text());
      Node before = bold.previousSibling();
      while (before instanceof TextNode t && t.isBlank()) {
        before = before.previousSibling();
      }
      Node after = bold.nextSibling();
      while (after instanceof TextNode t && t.isBlank()) {
        after = after.nextSibling();
      }
      Node below = after == null ? null : after.nextSibling();
      while (below instanceof TextNode t && t.isBlank()) {
        below = below.nextSibling();
      }
      return !text.isEmpty()
          && Words.of(text).size() <= MAX_BOLD_HEADING_WORDS
          && ".;,!".indexOf(text.charAt(text.length() - 1)) < 0
          && (before == null || before instanceof Element b && b.normalName().equals("br"))
          && after instanceof Element br
          && br.normalName().equals("br")
          && below != null
          && !(below instanceof Element next && next.normalName().matches("br|b|strong"));
    }

    private static boolean boldHeading(Element p) {
      if (p.children().size() != 1
          || !p.child(0).normalName().matches("strong|b")
          || !p.child(0).select("a, img, br").isEmpty()
          || !clean(p.ownText()).isEmpty()) {
        return false;
      }
      String text = clean(p.text());
      Element next = p.nextElementSibling();
      return !text.isEmpty()
          && Words.of(text).size() <= MAX_BOLD_HEADING_WORDS
          && ".:;,!".indexOf(text.charAt(text.length() - 1)) < 0
          && next != null
          && next.normalName().matches("p|ul|ol")
          && !boldHeading(next);
    }

    private void blockChildren(Element e) {
      flush();
      walk(e);
      flush();
    }

    private void list(Element e) {
      flush();
      List<String> items = new ArrayList<>();
      int[] linked = new int[2];
      items(e, items, linked, 0);
      if (!items.isEmpty()) {
        String plain =
            items.stream()
                .map(i -> i.replaceFirst("^\\s*\\S+\\s", ""))
                .collect(Collectors.joining(" "));
        add(
            new OutlineBlock(
                OutlineBlock.Kind.LIST,
                0,
                items,
                null,
                linked[1] == 0 ? 0 : (double) linked[0] / linked[1],
                inMain(plain),
                chrome));
      }
    }

    /**
     * A list with text put straight in it, outside any item ("
     *
     * <ul>
     *   While standing:
     *   <li>... ... If nothing helps, rest.
     * </ul>
     *
     * "): the text is read as paragraphs where it stands, the items between as lists, so an intro
     * written inside the list is not lost.
     */
    private void looseTextList(Element e) {
      flush();
      Element run = new Element(e.normalName());
      for (Node child : e.childNodes()) {
        if (child instanceof Element item && item.normalName().equals("li")) {
          run.appendChild(item.clone());
        } else if (child instanceof TextNode text && !text.isBlank()) {
          if (run.childrenSize() > 0) {
            list(run);
            run = new Element(e.normalName());
          }
          append(text.getWholeText());
          flush();
        }
      }
      if (run.childrenSize() > 0) {
        list(run);
      }
    }

    private void items(Element list, List<String> items, int[] linked, int depth) {
      for (Element li : list.children()) {
        if (!li.normalName().equals("li")) {
          continue;
        }
        Element copy = li.clone();
        copy.select("ul, ol").remove();
        String text = clean(copy.text());
        if (!text.isEmpty()) {
          items.add("  ".repeat(depth) + "• " + text);
          linked[0] += copy.select("a").stream().mapToInt(a -> clean(a.text()).length()).sum();
          linked[1] += text.length();
        }
        for (Element nested : li.select("> ul, > ol")) {
          items(nested, items, linked, depth + 1);
        }
      }
    }

    private void table(Element table) {
      flush();
      List<String> rows = new ArrayList<>();
      Element caption = table.selectFirst("caption");
      if (caption != null && !clean(caption.text()).isEmpty()) {
        rows.add(clean(caption.text()));
      }
      StringBuilder plain = new StringBuilder();
      for (Element row : table.select("tr")) {
        String cells =
            row.select("th, td").stream()
                .map(c -> clean(c.text()))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" | "));
        if (!cells.isEmpty()) {
          rows.add(cells);
          row.select("th, td").forEach(c -> plain.append(clean(c.text())).append(' '));
        }
      }
      if (!rows.isEmpty()) {
        double links =
            (double) table.select("a").text().length() / Math.max(1, table.text().length());
        add(
            new OutlineBlock(
                OutlineBlock.Kind.TABLE, 0, rows, null, links, inMain(plain.toString()), chrome));
      }
    }

    private static boolean isBlock(String tag) {
      return switch (tag) {
        case "p",
            "div",
            "section",
            "article",
            "main",
            "aside",
            "header",
            "footer",
            "nav",
            "blockquote",
            "figure",
            "figcaption",
            "pre",
            "address",
            "dl",
            "dt",
            "dd",
            "hr",
            "details",
            "summary",
            "form",
            "fieldset",
            "li",
            "body",
            "center",
            "button",
            "label",
            "legend",
            "picture",
            "video",
            "audio",
            "menu",
            "dialog" ->
            true;
        default -> false;
      };
    }

    /** The page region an element is, when it is not the article's. */
    private static String chromeOf(Element e) {
      String role = e.attr("role").toLowerCase(Locale.ROOT);
      return switch (e.normalName()) {
        case "nav" -> "navigation";
        case "footer" -> "page footer";
        case "header" -> e.closest("article, main") == null ? "page header" : null;
        case "aside" -> "sidebar";
        case "figcaption" -> "image caption";
        case "form", "button" -> "form";
        default ->
            switch (role) {
              case "navigation", "menu", "menubar" -> "navigation";
              case "contentinfo" -> "page footer";
              case "banner" -> "page header";
              case "complementary" -> "sidebar";
              case "dialog", "alertdialog" -> "dialog";
              default -> regionNamed(e);
            };
      };
    }

    /**
     * A region the page's own markup names in a class or id, by the names publishing tools give
     * them (an author box, share buttons, related posts, comments, a newsletter box). Whole names
     * only: "content-sidebar-wrap" wraps the article and is none of them.
     */
    private static String regionNamed(Element e) {
      for (String name : e.classNames()) {
        String lower = name.toLowerCase(Locale.ROOT);
        String region = REGION_NAMES.get(lower);
        if (region != null) {
          return region;
        }
        // A design's label over a card or section takes the component's name first
        // ("card-eyebrow", "hero__kicker"); the words are used for nothing else.
        if (LABEL_PART.matcher(lower).find()
            && e.select("p, ul, ol, table, h1, h2, h3").isEmpty()) {
          return SECTION_LABEL;
        }
      }
      return e.id().isEmpty() ? null : REGION_NAMES.get(e.id().toLowerCase(Locale.ROOT));
    }

    void append(String s) {
      String collapsed = SPACES.matcher(s).replaceAll(" ");
      if (line.isEmpty() || line.charAt(line.length() - 1) == ' ') {
        collapsed = collapsed.stripLeading();
      }
      line.append(collapsed);
      int visible = collapsed.strip().length();
      chars += visible;
      if (linkDepth > 0) {
        linkChars += visible;
      }
    }

    void lineBreak() {
      String finished = clean(line.toString());
      line.setLength(0);
      if (!finished.isEmpty()) {
        lines.add(finished);
      }
    }

    /** Ends the paragraph being collected. */
    void flush() {
      lineBreak();
      if (!lines.isEmpty()) {
        String text = String.join(" ", lines);
        add(
            new OutlineBlock(
                OutlineBlock.Kind.PARAGRAPH, 0, lines, null, share(), inMain(text), chrome));
        lines.clear();
      }
      resetCounts();
    }

    private void add(OutlineBlock block) {
      blocks.add(block);
    }

    private double share() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }

    private void resetCounts() {
      chars = 0;
      linkChars = 0;
    }

    /** Whether most of the block's text is in what the extractor took for the article. */
    private boolean inMain(String text) {
      String k = key(text);
      if (k.isEmpty() || main.isEmpty()) {
        return main.isEmpty();
      }
      if (main.contains(k)) {
        return true;
      }
      // Extractors rewrite a little (spacing around inline markup): count the sentences found.
      String[] parts = k.split("(?<=[.!?])\\s+");
      int found = 0;
      int total = 0;
      for (String part : parts) {
        total += part.length();
        if (main.contains(part)) {
          found += part.length();
        }
      }
      return found * 2 >= total;
    }

    private static String clean(String s) {
      return TextOutline.trim(SPACES.matcher(s).replaceAll(" "));
    }
  }
}
