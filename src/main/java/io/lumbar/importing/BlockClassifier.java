package io.lumbar.importing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges every block of an outline by general evidence and says why a block is not article content;
 * null means content. Each signal is a small rule of its own; the first that fires names the
 * reason.
 */
final class BlockClassifier {
  static final String REPEATED_TITLE = "repeated title";
  static final String OUTSIDE_ARTICLE = "outside the article";
  static final String MOSTLY_LINKS = "mostly links";
  static final String FRAGMENT = "fragment";
  static final String LINK_SENTENCE = "link teaser";

  private static final double MAX_LINK_SHARE = 0.5;
  // Prose outside what the extractor chose still counts as content when it reads as prose this
  // clearly.
  private static final int PROSE_CHARS = 160;
  private static final double PROSE_STOP_WORDS = 0.28;
  // A card's sentence is terser than prose: fewer of its words are function words.
  private static final SentenceParagraph CARD_SENTENCE =
      new SentenceParagraph(15, 0.15, SentenceParagraph.NO_LINKS, false);
  private static final int MAX_SITE_NAME_WORDS = 5;
  private static final Pattern SITE_NAME_AFTER = Pattern.compile(" [-|–—:] [^-|–—:]+$");

  private BlockClassifier() {}

  static String[] classify(PageOutline outline) {
    // What the extractor left out but the page's own structure shows to be the article's: lists and
    // paragraphs the article's text encloses, questions with their answers.
    List<OutlineBlock> blocks = QuestionAnswer.include(EnclosedBlock.include(outline.blocks()));
    String[] reasons = new String[blocks.size()];
    boolean[] teasers = TeaserRun.find(blocks);
    boolean contentSeen = false;
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock block = blocks.get(i);
      // Pages repeat their title as a subtitle or image title above the text; later it is a real
      // heading.
      reasons[i] = ownReason(block, contentSeen ? null : outline.title()).orElse(null);
      ProviderVoice.keepIntroOfExplainedList(blocks, reasons, i);
      // What furniture announces ("Tags:", "Sign up to get:") is that furniture too.
      if (reasons[i] == null
          && i > 0
          && reasons[i - 1] != null
          && block.kind() == OutlineBlock.Kind.LIST
          && !blocks.get(i - 1).isHeading()
          && TextOutline.announces(blocks.get(i - 1).text().strip())) {
        reasons[i] = reasons[i - 1];
      }
      contentSeen |= reasons[i] == null && !block.isHeading();
      // A box that heads itself with its first line ("Most read", "Related topics").
      if (reasons[i] == null
          && block.kind() == OutlineBlock.Kind.LIST
          && BoilerplateRules.reasonFor(block.lines().getFirst().replaceFirst("^\\S+\\s+", ""))
              .filter(LINK_SENTENCE::equals)
              .isPresent()) {
        reasons[i] = LINK_SENTENCE;
      }
      if (reasons[i] == null && ContentsList.lists(blocks, i)) {
        reasons[i] = ContentsList.REASON;
      }
      if (reasons[i] == null && teasers[i]) {
        reasons[i] = TeaserRun.REASON;
      }
      if (reasons[i] == null && LinkBreaks.wholeLinkSentence(blocks, i)) {
        reasons[i] = LINK_SENTENCE;
      }
    }
    ButtonBox.mark(blocks, reasons);
    ProviderVoice.mark(blocks, reasons);
    LinkList.mark(blocks, reasons);
    int footer = FooterZone.start(blocks, reasons);
    for (int i = footer; i < blocks.size(); i++) {
      if (reasons[i] == null) {
        reasons[i] = FooterZone.REASON;
      }
    }
    headKeptText(blocks, reasons);
    return reasons;
  }

  /**
   * A heading outside the extractor's column straight over text that is kept anyway (a box of
   * symptoms beside the article, under its own heading) heads that text, unless the heading itself
   * is furniture by its own evidence. So does a heading that is a link (a card's title linking to
   * the page it sums up) over the card's kept text.
   */
  private static void headKeptText(List<OutlineBlock> blocks, String[] reasons) {
    for (int i = blocks.size() - 2; i >= 0; i--) {
      OutlineBlock heading = blocks.get(i);
      if (heading.isHeading()
          && (OUTSIDE_ARTICLE.equals(reasons[i]) || MOSTLY_LINKS.equals(reasons[i]))
          && heading.chrome() == null
          && !blocks.get(i + 1).isHeading()
          && reasons[i + 1] == null
          && ownReason(heading.inArticle().withoutLinks(), null).isEmpty()) {
        reasons[i] = null;
      }
    }
  }

  /** Evidence in the block itself (and the page's title). */
  static Optional<String> ownReason(OutlineBlock block, String title) {
    String text = block.text();
    // Marks left of broken markup ("<<>>", "* * *") say nothing.
    if (text.codePoints().noneMatch(Character::isLetter)) {
      return Optional.of(FRAGMENT);
    }
    if (block.chrome() != null && !readsAsProse(block)) {
      return Optional.of(block.chrome());
    }
    if (!block.inMain() && !readsAsProse(block) && !readsAsSentence(block)) {
      return Optional.of(OUTSIDE_ARTICLE);
    }
    if (block.linkShare() > MAX_LINK_SHARE && text.length() < 600) {
      return Optional.of(MOSTLY_LINKS);
    }
    if (title != null && repeats(title, text)) {
      return Optional.of(REPEATED_TITLE);
    }
    return BoilerplateRules.reasonFor(text)
        .or(() -> everyLine(block))
        .or(() -> OtherLanguage.reason(block))
        .or(() -> CallToAction.reason(text))
        .or(() -> Disclaimer.reason(text))
        .or(() -> ImageCredit.reason(text))
        .or(() -> TermList.reason(text))
        .or(() -> Directory.reason(text))
        .or(() -> ProviderVoice.reason(text));
  }

  /**
   * A paragraph of lines that are each page furniture ("Friday, 3 May 2024" over a breadcrumb
   * trail): the first line's reason.
   */
  private static Optional<String> everyLine(OutlineBlock block) {
    if (block.kind() != OutlineBlock.Kind.PARAGRAPH || block.lines().size() < 2) {
      return Optional.empty();
    }
    Optional<String> first = BoilerplateRules.reasonFor(block.lines().getFirst());
    return first.isPresent()
            && block.lines().stream().allMatch(line -> BoilerplateRules.reasonFor(line).isPresent())
        ? first
        : Optional.empty();
  }

  /**
   * A whole sentence of the page's own text, too short to read as prose by length: the text of a
   * card in a grid of symptoms or steps, which extractors leave out with the grid.
   */
  private static boolean readsAsSentence(OutlineBlock block) {
    return CARD_SENTENCE.test(block)
        // A card where the provider speaks ("we ...", "our ...") is its pitch.
        && !CallToAction.speaksForProvider(block.text());
  }

  static boolean readsAsProse(OutlineBlock block) {
    String text = block.text();
    return !block.isHeading()
        && text.length() >= PROSE_CHARS
        && block.linkShare() < 0.2
        && Words.stopWordShare(text) >= PROSE_STOP_WORDS;
  }

  /**
   * Same words ignoring case and punctuation, allowing one changed word ("lie" / "lay"), or the
   * title with the site's name after a separator, as a browser's tab shows it ("Title - Site").
   */
  static boolean repeats(String title, String line) {
    List<String> a = Words.of(title.toLowerCase(Locale.ROOT));
    List<String> b = Words.of(line.toLowerCase(Locale.ROOT));
    if (a.isEmpty()) {
      return false;
    }
    if (b.size() > a.size()
        && b.size() - a.size() <= MAX_SITE_NAME_WORDS
        && b.subList(0, a.size()).equals(a)
        && SITE_NAME_AFTER.matcher(line).find()) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    int differences = 0;
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        differences++;
      }
    }
    return differences == 0 || (differences == 1 && a.size() >= 4);
  }
}
