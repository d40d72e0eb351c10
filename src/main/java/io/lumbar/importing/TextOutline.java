package io.lumbar.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure of pasted page text from the shape of its lines: blank lines separate
 * paragraphs (or, in a paste with single line breaks only, every line is a paragraph), short lines
 * without a final period are headings, bullets and numbered items make lists, and the first
 * heading-like line is the title.
 */
final class TextOutline {
  private static final int MAX_HEADING_CHARS = 120;
  private static final int MAX_HEADING_WORDS = 20;
  // Items longer than this are explanations in their own right, not entries of an enumeration.
  static final int LONG_ITEM_CHARS = 150;
  private static final int MAX_LABEL_WORDS = 6;
  // A paste whose paragraphs average more lines than this lost (most of) its blank lines: every
  // line is a
  // paragraph. Captures that keep them average 1 to 1.3 lines (a table or a list is one multi-line
  // paragraph).
  private static final double SINGLE_BREAK_LINES_PER_PARAGRAPH = 1.8;
  // Hard-wrapped text breaks its lines at 80 characters or fewer.
  private static final int MAX_WRAP_CHARS = 85;
  private static final Pattern WHOLE_LINE_END = Pattern.compile("[.!?:][\"”’)]?$");
  // Heading-like lines in a row at the top of a page that are its menu, not its title.
  private static final int MIN_MENU_LINES = 4;
  // A section label over a headline is a word or two; the headline says something.
  private static final int MAX_SECTION_LABEL_WORDS = 2;
  private static final int MIN_HEADLINE_WORDS = 4;
  // A box title is a few words; a first line of hard-wrapped prose is most of a line.
  private static final int MAX_BOX_TITLE_WORDS = 6;
  private static final int MAX_COLON_HEADING_WORDS = 6;
  // A line that opens with a conjunction carries on the text above ("But is rest always best?"); a
  // heading starts something.
  private static final Pattern GOES_ON = Pattern.compile("^(And|But|Or|So|Yet) ");
  // "When lifting:", "While driving a car:": the circumstance the advice below is for.
  private static final Pattern CIRCUMSTANCE =
      Pattern.compile("^(?i:when|while|during|before|after) \\p{L}");
  // Words that make a line ending in a colon the intro of what it announces.
  private static final Set<String> INTRO_WORDS =
      Set.of(
          "if",
          "you",
          "your",
          "include",
          "includes",
          "including",
          "are",
          "is",
          "can",
          "may",
          "might",
          "should",
          "will",
          "be",
          "following",
          "these",
          "this",
          "such",
          "like",
          "as",
          "by",
          "more",
          "about",
          "here",
          "our",
          "us",
          "we");

  // "2. Surgery", and "II. Surgery" (a Roman numeral's stop is not a sentence's end).
  static final Pattern NUMBER_MARKER = Pattern.compile("^(\\d{1,2}|[IVX]{1,4})[.)][\\s\\u00A0]+");
  static final Pattern LIST_ITEM =
      Pattern.compile(
          "^(?:[•●○◦▪▫■□‣∙·*]|[-–—](?=[\\s\\u00A0])|\\d{1,2}[.)](?=[\\s\\u00A0]))[\\s\\u00A0]+(\\S.*)$");
  private static final Pattern LABEL =
      Pattern.compile("^([^.!?:—–]{2,60}?)[\\s\\u00A0]+[—–][\\s\\u00A0]+\\S");
  // Text run together in the copy: a label glued to its value ("Treatment:Surgery"), or a word
  // glued to the next
  // one's capital ("painAlso") in a line that goes on to enumerate (a comma). Headings are set
  // apart from what
  // follows, so such a line is not one. A glued capital alone is not enough: names and menus glue
  // too.
  private static final Pattern GLUED_LABEL = Pattern.compile("[\\p{L})]:[\\p{L}\\p{N}]");
  private static final Pattern GLUED_WORD = Pattern.compile("\\p{Ll}{3}\\p{Lu}\\p{Ll}");
  // Elements whose text a copy ran together: a sentence's end glued to the next one's capital
  // ("cognitions.Did"),
  // and a word glued to a capital that starts something else. At least two lower-case letters
  // before the stop keep
  // abbreviations ("Dr.Smith", "U.S.A") whole.
  private static final Pattern GLUED_SENTENCE =
      Pattern.compile("(?<=\\p{Ll}{2}[.!?])(?=\\p{Lu}\\p{Ll})");
  private static final Pattern GLUED_CAPITAL = Pattern.compile("(?<=\\p{Ll}{2})(?=\\p{Lu}\\p{Ll})");
  private static final Pattern GLUED_AFTER_WORD = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu}\\p{Ll})");
  private static final int MAX_BUTTON_CHARS = 60;
  // A list intro ending in a dash glued to its last word ("prevent it-") instead of a colon.
  private static final Pattern DASH_INTRO = Pattern.compile("\\p{L}[-–—]$");
  static final Pattern SENTENCE_BREAK =
      Pattern.compile("[.!?][\"'”’)\\]]?[\\s\\u00A0]+(?=[\"“]?\\p{Lu})");

  private TextOutline() {}

  static PageOutline of(String text) {
    List<OutlineBlock> blocks = new ArrayList<>();
    boolean numberedHeadingsNest = false;
    for (List<String> paragraph : paragraphs(text)) {
      for (OutlineBlock block : blocksOf(paragraph)) {
        if (block.isHeading() && block.level() == 2) {
          numberedHeadingsNest = true;
        }
        // A numbered heading ("1. Surgery") is a subsection of the plain heading above it.
        blocks.add(
            block.isHeading() && block.level() == 3 && !numberedHeadingsNest
                ? OutlineBlock.heading(2, block.text())
                : block);
      }
    }
    colonHeadings(blocks);
    String title = null;
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock block = blocks.get(i);
      if (BoilerplateRules.reasonFor(block.text()).isPresent()) {
        continue;
      }
      if (block.isHeading()) {
        int at = eyebrowed(blocks, titleAfterMenu(blocks, i));
        title = blocks.get(at).text();
        blocks.remove(at);
      }
      break;
    }
    return new PageOutline(title, PageMeta.NONE, blocks);
  }

  /**
   * A short line ending in a colon that names a circumstance ("When lifting:") or a titled topic
   * ("Desk Breaks:") and is followed by a sentence heads that sentence and what follows, one level
   * below the heading above it. A list intro says something and ends on what it announces
   * ("Symptoms include:", "Phone the surgery if:"); such a line is neither shape, so it stays an
   * intro. The colon goes, the words stay. And a heading-like line whose full stop the copy put on
   * the next line was a sentence, all link: it is a paragraph.
   */
  private static void colonHeadings(List<OutlineBlock> blocks) {
    int level = 1;
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock block = blocks.get(i);
      if (block.isHeading() && LinkBreaks.stopOnNextLine(blocks, i)) {
        // Its full stop on the next line: a sentence that was all link, not a heading.
        blocks.set(i, OutlineBlock.paragraph(block.lines()));
        continue;
      }
      if (block.isHeading()) {
        level = block.level();
        continue;
      }
      if (block.kind() != OutlineBlock.Kind.PARAGRAPH
          || block.lines().size() != 1
          || i + 1 >= blocks.size()
          || blocks.get(i + 1).kind() != OutlineBlock.Kind.PARAGRAPH
          || !isColonHeading(block.text())) {
        continue;
      }
      String next = blocks.get(i + 1).lines().get(0);
      if (isProse(next) || isSentence(next) && !announces(next)) {
        String text = block.text().substring(0, block.text().length() - 1).strip();
        blocks.set(i, OutlineBlock.heading(Math.min(level + 1, 4), text));
      }
    }
  }

  static boolean isColonHeading(String line) {
    if (!line.endsWith(":") || LIST_ITEM.matcher(line).matches()) {
      return false;
    }
    String text = line.substring(0, line.length() - 1).strip();
    List<String> words = Words.of(text);
    if (words.size() < 2
        || words.size() > MAX_COLON_HEADING_WORDS
        || text.contains(":")
        || SENTENCE_BREAK.matcher(text).find()
        || words.stream().anyMatch(w -> INTRO_WORDS.contains(w.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    boolean circumstance = CIRCUMSTANCE.matcher(text).find();
    boolean titled =
        words.stream().allMatch(w -> w.length() < 4 || Character.isUpperCase(w.charAt(0)))
            && Character.isUpperCase(words.get(0).charAt(0));
    return circumstance || titled;
  }

  /**
   * Paragraphs are separated by lines that are empty or hold only (possibly non-breaking) spaces.
   */
  static List<List<String>> paragraphs(String text) {
    List<List<String>> paragraphs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int lines = 0;
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String trimmed = trim(line);
      if (!trimmed.isEmpty()) {
        List<String> pieces = unglued(trimmed);
        current.addAll(pieces);
        lines += pieces.size();
      } else if (!current.isEmpty()) {
        lines -= current.size();
        current = LinkBreaks.rejoined(current);
        lines += current.size();
        paragraphs.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      lines -= current.size();
      current = LinkBreaks.rejoined(current);
      lines += current.size();
      paragraphs.add(current);
    }
    if (lines > 8 && lines > paragraphs.size() * SINGLE_BREAK_LINES_PER_PARAGRAPH
        || shortSingleBreakPaste(paragraphs)) {
      return singleBreakParagraphs(paragraphs);
    }
    return announcedItems(paragraphs);
  }

  /**
   * Where the title is when the page opens with heading-like lines from {@code first}: a paste that
   * starts with the site's menu ("Home", "About Us", ..., "Book Now") has four or more in a row
   * before any text, and the title is the last of them that is not furniture, the one over the
   * text. Otherwise (a title over a section heading, a publisher's category labels) the first is
   * the title.
   */
  private static int titleAfterMenu(List<OutlineBlock> blocks, int first) {
    int end = first;
    while (end < blocks.size() && blocks.get(end).isHeading()) {
      end++;
    }
    if (end - first < MIN_MENU_LINES || !menu(blocks.subList(first, end))) {
      return first;
    }
    for (int i = end - 1; i > first; i--) {
      String text = blocks.get(i).text();
      if (BoilerplateRules.reasonFor(text).isEmpty() && CallToAction.reason(text).isEmpty()) {
        return i;
      }
    }
    return first;
  }

  /**
   * The headline under a section label ("Health" over "Why your back hurts more at night"): the
   * label is the site's section, the line under it the title. A short title over its first section
   * ("Sciatica" over "What is sciatica?") names what the section then takes up; a label does not.
   */
  private static int eyebrowed(List<OutlineBlock> blocks, int at) {
    if (at + 1 >= blocks.size()
        || !blocks.get(at + 1).isHeading()
        || Words.of(blocks.get(at).text()).size() > MAX_SECTION_LABEL_WORDS
        || Words.of(blocks.get(at + 1).text()).size() < MIN_HEADLINE_WORDS) {
      return at;
    }
    List<String> headline = Words.of(blocks.get(at + 1).text().toLowerCase(Locale.ROOT));
    boolean takenUp =
        Words.of(blocks.get(at).text().toLowerCase(Locale.ROOT)).stream()
            .anyMatch(word -> word.length() > 3 && headline.contains(word));
    return takenUp ? at : at + 1;
  }

  /** A site's menu opens at "Home"; a publisher's category labels over the title do not. */
  private static boolean menu(List<OutlineBlock> run) {
    return run.getFirst().text().strip().equalsIgnoreCase("home");
  }

  /**
   * A short page pasted with single line breaks (a title, a few paragraphs, a question or two) is
   * one run of lines, too few for the count above. Hard-wrapped prose is a run of lines too, but
   * its lines break mid-sentence at a fixed width; here every line but the odd one is whole (it
   * ends a sentence or reads as a heading) and some line runs longer than any wrap width.
   */
  private static boolean shortSingleBreakPaste(List<List<String>> paragraphs) {
    if (paragraphs.size() != 1 || paragraphs.getFirst().size() < 3) {
      return false;
    }
    List<String> lines = paragraphs.getFirst();
    long whole =
        lines.stream()
            .filter(line -> WHOLE_LINE_END.matcher(line).find() || isHeadingLike(line))
            .count();
    return lines.stream().anyMatch(line -> line.length() > MAX_WRAP_CHARS)
        && whole >= lines.size() - 1;
  }

  /**
   * In a paste with blank lines, a list that lost its bullets leaves every item a paragraph of its
   * own after the intro that announced it ("...include:"). Items that start in lower case are
   * entries of that list, not headings (a heading starts with a capital or a number); they become
   * one list after the intro.
   */
  private static List<List<String>> announcedItems(List<List<String>> paragraphs) {
    List<List<String>> result = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      List<String> paragraph = paragraphs.get(i);
      result.add(paragraph);
      if (!announces(paragraph.getLast())) {
        continue;
      }
      List<String> items = new ArrayList<>();
      while (i + 1 < paragraphs.size()
          && (isLowerCaseEntry(paragraphs.get(i + 1))
              || !items.isEmpty()
                  && isDescriptiveEntry(paragraphs.get(i + 1))
                  && i + 2 < paragraphs.size()
                  && isEntry(paragraphs.get(i + 2)))) {
        items.add("• " + paragraphs.get(++i).getFirst());
      }
      if (!items.isEmpty()) {
        result.add(items);
      }
    }
    return result;
  }

  private static boolean isLowerCaseEntry(List<String> paragraph) {
    return isEntry(paragraph) && Character.isLowerCase(paragraph.getFirst().codePointAt(0));
  }

  /**
   * Once the items have begun, an entry that starts with a capital ("X-rays to check the bones") is
   * one more when it describes rather than names (five words or more) and does not head a body:
   * what follows it is another entry, where a heading is followed by its text.
   */
  private static boolean isDescriptiveEntry(List<String> paragraph) {
    return isEntry(paragraph) && Words.of(paragraph.getFirst()).size() >= 5;
  }

  private static boolean isEntry(List<String> paragraph) {
    String line = paragraph.getFirst();
    return paragraph.size() == 1
        && line.length() <= LONG_ITEM_CHARS
        && !announces(line)
        && !isProse(line);
  }

  /**
   * A line as the page's elements had it. Where a sentence's end runs into the next sentence's
   * capital, the two get their space back; they are lines of their own when either stands apart
   * from text (a heading-like line such as a box title, or page furniture). Where a word runs into
   * a capital that starts page furniture on its own ("...to the clinicWas this page helpful?", a
   * made-up example), the furniture is a line of its own. A word glued to a capital alone is not
   * split: names and brands are written that way.
   */
  static List<String> unglued(String line) {
    List<String> pieces = new ArrayList<>();
    String button = leadingButton(line);
    if (button != null) {
      pieces.add(button);
      line = line.substring(button.length());
    }
    for (String sentence : GLUED_SENTENCE.split(line)) {
      Matcher glue = GLUED_CAPITAL.matcher(sentence);
      int start = 0;
      while (glue.find()) {
        if (BoilerplateRules.reasonFor(sentence.substring(glue.start())).isPresent()) {
          pieces.add(sentence.substring(0, glue.start()));
          start = glue.start();
          break;
        }
      }
      pieces.add(sentence.substring(start));
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      if (i > 0 && !standsApart(pieces.get(i - 1)) && !standsApart(pieces.get(i))) {
        lines.set(lines.size() - 1, lines.getLast() + " " + pieces.get(i));
      } else {
        lines.add(pieces.get(i));
      }
    }
    return captionApart(creditApart(lines));
  }

  /**
   * A button's label the copy ran into the sentence after it ("Book a Class TodayThe first thing to
   * know ...", a made-up example): a short call to action glued to a capital, which no word of a
   * sentence is.
   */
  private static String leadingButton(String line) {
    Matcher glue = GLUED_AFTER_WORD.matcher(line);
    while (glue.find() && glue.start() <= MAX_BUTTON_CHARS) {
      String head = line.substring(0, glue.start());
      if (Words.of(head).size() >= 2
          && CallToAction.reason(head).isPresent()
          && !SENTENCE_BREAK.matcher(head).find()) {
        return head;
      }
    }
    return null;
  }

  /**
   * The sentence right before a button is the button's caption ("...in proper alignment. Read about
   * the best side to sleep on." over "Read Now", a made-up example), even when the copy ran it into
   * the paragraph above: it is set apart so the promotion can be judged without the text.
   */
  private static List<String> captionApart(List<String> lines) {
    List<String> apart = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher end = SENTENCE_BREAK.matcher(line);
      int tail = -1;
      while (end.find()) {
        tail = end.end();
      }
      boolean beforeButton =
          i + 1 < lines.size()
              && ButtonBox.isButton(OutlineBlock.paragraph(List.of(lines.get(i + 1))));
      if (beforeButton
          && tail > 0
          && ButtonBox.isCaption(OutlineBlock.paragraph(List.of(line.substring(tail))))) {
        apart.add(line.substring(0, tail).strip());
        apart.add(line.substring(tail));
      } else {
        apart.add(line);
      }
    }
    return apart;
  }

  /**
   * An image's credit that a copy appended to the text beside the image ("...five years. Image: a
   * site's name") is a line of its own: a credit is never part of a sentence.
   */
  private static List<String> creditApart(List<String> lines) {
    String last = lines.getLast();
    Matcher end = SENTENCE_BREAK.matcher(last);
    int tail = -1;
    while (end.find()) {
      tail = end.end();
    }
    if (tail < 0 || ImageCredit.reason(last.substring(tail)).isEmpty()) {
      return lines;
    }
    List<String> apart = new ArrayList<>(lines.subList(0, lines.size() - 1));
    apart.add(last.substring(0, tail).strip());
    apart.add(last.substring(tail));
    return apart;
  }

  private static boolean standsApart(String piece) {
    return isHeadingLike(piece) || BoilerplateRules.reasonFor(piece).isPresent();
  }

  /**
   * Every line is a paragraph, except that consecutive list items stay one list, and so do the
   * short lines after a line that announces them (ending in ':'), which lost their bullets in the
   * copy. The announcement carries over blank lines: copies often put them between an intro and its
   * items, or between items one to a paragraph; items that share their lines end at the blank line
   * after them.
   */
  private static List<List<String>> singleBreakParagraphs(List<List<String>> paragraphs) {
    List<List<String>> result = new ArrayList<>();
    boolean announced = false;
    List<String> all = paragraphs.stream().flatMap(List::stream).toList();
    int at = 0;
    boolean proseSeen = false;
    List<String> previous = null;
    for (List<String> paragraph : paragraphs) {
      List<String> items = new ArrayList<>();
      // A heading of the article alone above the lines: they are its body.
      boolean underHeading =
          proseSeen
              && previous != null
              && previous.size() == 1
              && isHeadingLike(previous.get(0))
              && BoilerplateRules.reasonFor(previous.get(0)).isEmpty();
      boolean[] inRun =
          shortLineRuns(
              paragraph,
              at + paragraph.size() < all.size() ? all.get(at + paragraph.size()) : null,
              underHeading);
      proseSeen |= paragraph.stream().anyMatch(TextOutline::isProse);
      previous = paragraph;
      for (int i = 0; i < paragraph.size(); i++, at++) {
        String line = paragraph.get(i);
        String next = at + 1 < all.size() ? all.get(at + 1) : null;
        boolean marked = LIST_ITEM.matcher(line).matches() && !isHeadingLike(line);
        // A heading ends the items: a heading-like line before a sentence, or a line its next line
        // repeats. A line
        // that opens like an item before it ("Someone who ...") is one more item.
        boolean heading =
            isHeadingLike(line)
                && next != null
                && !opensLikeAnItem(line, items)
                && !(announced && casedLikeTheItems(line, items) && !takesUp(next, line))
                && (isProse(next) || isSentence(next) || repeats(line, next));
        boolean unmarked =
            announced
                && line.length() <= LONG_ITEM_CHARS
                && !announces(line)
                && !isProse(line)
                && !heading;
        if (marked || unmarked || inRun[i]) {
          items.add(marked ? line : "• " + line);
          // A list that marks its items marks all of them: an unmarked line after them is not one.
          announced &= !marked;
          continue;
        }
        announced = announces(line);
        if (!items.isEmpty()) {
          result.add(items);
          items = new ArrayList<>();
        }
        result.add(List.of(line));
      }
      if (!items.isEmpty()) {
        result.add(items);
      }
      // Items that share their lines end at the blank line below them: a short line after it is
      // the next heading, not one more item. (A paste with a blank line between every line keeps
      // its announced items one to a paragraph.)
      if (items.size() >= 2) {
        announced = false;
      }
    }
    return result;
  }

  /**
   * Short lines that lost their bullets: two or more heading-like lines in a row straight after a
   * line of the article's text, none of them heading what follows. A heading has a body; a row of
   * them has none until its last line, which heads what follows when that is a sentence (and then
   * stays a heading), as does a line its next line repeats ("MEDICATIONS" over "Medications").
   * Menus are rows of short lines too, but they start a page or follow other furniture, not a
   * sentence of the article. A row that has a paragraph of its own straight under a heading of the
   * article (prose above it) is that heading's list ("Useful Extras" over "Foam roller work" /
   * "Rest days in the plan").
   */
  private static boolean[] shortLineRuns(
      List<String> paragraph, String nextParagraph, boolean underHeading) {
    boolean[] inRun = new boolean[paragraph.size()];
    int i = 0;
    while (i < paragraph.size()) {
      if (!plainShortLine(paragraph.get(i))) {
        i++;
        continue;
      }
      int start = i;
      int end = i;
      while (end < paragraph.size() && plainShortLine(paragraph.get(end))) {
        String next = end + 1 < paragraph.size() ? paragraph.get(end + 1) : nextParagraph;
        if (next != null && repeats(paragraph.get(end), next)) {
          break;
        }
        end++;
      }
      int items = end;
      if (end < paragraph.size()
          && (isProse(paragraph.get(end)) || isSentence(paragraph.get(end)))) {
        items--;
      }
      boolean afterText =
          start > 0
              ? !isHeadingLike(paragraph.get(start - 1))
                  && BoilerplateRules.reasonFor(paragraph.get(start - 1)).isEmpty()
              : underHeading;
      if (afterText && items - start >= 2) {
        java.util.Arrays.fill(inRun, start, items, true);
      }
      i = Math.max(end, i + 1);
    }
    return inRun;
  }

  /** A heading-like line without a bullet that is not page furniture or a button on its own. */
  private static boolean plainShortLine(String line) {
    return isHeadingLike(line)
        && !LIST_ITEM.matcher(line).matches()
        && BoilerplateRules.reasonFor(line).isEmpty()
        && CallToAction.reason(line).isEmpty();
  }

  /** The same words, ignoring case and punctuation. */
  private static boolean repeats(String line, String next) {
    return Words.of(line.toLowerCase(java.util.Locale.ROOT))
        .equals(Words.of(next.toLowerCase(java.util.Locale.ROOT)));
  }

  /** A line whose first word opens one of the list's items already read. */
  private static boolean opensLikeAnItem(String line, List<String> items) {
    List<String> words = Words.of(line.toLowerCase(java.util.Locale.ROOT));
    return !words.isEmpty()
        && items.stream()
            .map(item -> Words.of(item.toLowerCase(java.util.Locale.ROOT)))
            .anyMatch(item -> !item.isEmpty() && item.getFirst().equals(words.getFirst()));
  }

  /**
   * An announced list's last line in the items' own case ("Warm baths" after "Gentle walks", "Short
   * naps") rather than a heading's: the items so far write their later words in lower case and none
   * capitalises them, and so does the line. A heading in capitals ("Further Care") still ends the
   * list; a line with no telling word ("Swelling") says nothing either way. A line whose words the
   * sentence after it takes up ("Knee pain causes" over "Knee pain is often caused by ...") still
   * heads it.
   */
  private static boolean casedLikeTheItems(String line, List<String> items) {
    if (items.isEmpty() || letterCase(line) != Case.SENTENCE) {
      return false;
    }
    boolean sentence = false;
    for (String item : items) {
      Case c = letterCase(item);
      if (c == Case.TITLE) {
        return false;
      }
      sentence |= c == Case.SENTENCE;
    }
    return sentence;
  }

  /**
   * Whether a line repeats most of the content words of the line above it, as the text under a
   * heading takes up its topic.
   */
  private static boolean takesUp(String line, String above) {
    java.util.Set<String> words = new java.util.HashSet<>(contentWords(line));
    List<String> topic = contentWords(above);
    return topic.stream().filter(words::contains).count() * 2 > topic.size();
  }

  private static List<String> contentWords(String line) {
    return Words.of(line.toLowerCase(java.util.Locale.ROOT)).stream()
        .filter(w -> w.length() > 3 && Words.stopWordShare(w) == 0)
        .toList();
  }

  private enum Case {
    TITLE,
    SENTENCE,
    NONE
  }

  /**
   * How a line writes its words after the first, leaving out short words, function words and
   * abbreviations: all capitalised (a title), all lower case (a sentence), or nothing to tell.
   */
  private static Case letterCase(String line) {
    List<String> words = Words.of(line);
    int upper = 0;
    int lower = 0;
    for (String word : words.subList(Math.min(1, words.size()), words.size())) {
      if (word.length() <= 3
          || Words.stopWordShare(word) > 0
          || word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
        continue;
      }
      if (Character.isUpperCase(word.charAt(0))) {
        upper++;
      } else {
        lower++;
      }
    }
    if (upper > 0 && lower == 0) {
      return Case.TITLE;
    }
    return lower > 0 && upper == 0 ? Case.SENTENCE : Case.NONE;
  }

  /** A line that announces a list: it ends in a colon, or in a dash glued to its last word. */
  static boolean announces(String line) {
    return line.endsWith(":") || DASH_INTRO.matcher(line).find();
  }

  /** A sentence of some length, or the intro of a list. */
  private static boolean isSentence(String line) {
    return Words.of(line).size() >= 8 && ".!?:".indexOf(line.charAt(line.length() - 1)) >= 0;
  }

  /** A whole sentence of some length: prose, not a list entry or a heading. */
  private static boolean isProse(String line) {
    return Words.of(line).size() >= 10 && ".!?".indexOf(line.charAt(line.length() - 1)) >= 0;
  }

  /**
   * A paragraph's blocks. A line that is page furniture on its own (a reading time under an image
   * title) is a block of its own, so it can be judged apart from the content around it.
   */
  private static List<OutlineBlock> blocksOf(List<String> lines) {
    List<OutlineBlock> blocks = new ArrayList<>();
    if (lines.size() == 1 || BoilerplateRules.reasonFor(String.join("\n", lines)).isPresent()) {
      contentBlocks(lines, blocks);
      return blocks;
    }
    List<String> run = new ArrayList<>();
    List<String> furniture = new ArrayList<>();
    String furnitureReason = null;
    for (String line : lines) {
      String reason =
          BoilerplateRules.reasonFor(line).or(() -> ImageCredit.reason(line)).orElse(null);
      if (reason == null) {
        flushFurniture(furniture, blocks);
        furnitureReason = null;
        run.add(line);
        continue;
      }
      contentBlocks(run, blocks);
      run.clear();
      if (!reason.equals(furnitureReason)) {
        flushFurniture(furniture, blocks);
      }
      furniture.add(line);
      furnitureReason = reason;
    }
    flushFurniture(furniture, blocks);
    contentBlocks(run, blocks);
    return blocks;
  }

  private static void flushFurniture(List<String> furniture, List<OutlineBlock> blocks) {
    if (!furniture.isEmpty()) {
      blocks.add(OutlineBlock.paragraph(furniture));
      furniture.clear();
    }
  }

  /**
   * A paragraph whose first line is a short title over whole sentences ("Key takeaways" over the
   * points, with no blank line between): the title heads the sentences. A line of wrapped prose
   * runs on into a next line that does not start a sentence.
   */
  private static boolean headsItsLines(List<String> lines) {
    if (lines.size() < 2) {
      return false;
    }
    String first = lines.getFirst();
    String second = lines.get(1);
    return isHeadingLike(first)
        && !LIST_ITEM.matcher(first).matches()
        && Words.of(first).size() <= MAX_BOX_TITLE_WORDS
        && Character.isUpperCase(second.codePointAt(0))
        && (isSentence(second) || isProse(second))
        && !tableRows(lines.subList(1, lines.size()));
  }

  /**
   * Rows of a table pasted as text ("Muscle Strains Mechanical injuries ..."): each opens with a
   * term in capitals; the first line over them is the table's column names, not a title.
   */
  private static boolean tableRows(List<String> rows) {
    long terms =
        rows.stream()
            .filter(
                row -> {
                  List<String> words = Words.of(row);
                  return words.size() >= 2
                      && Character.isUpperCase(words.get(0).codePointAt(0))
                      && Character.isUpperCase(words.get(1).codePointAt(0));
                })
            .count();
    return terms * 2 > rows.size();
  }

  private static void contentBlocks(List<String> lines, List<OutlineBlock> blocks) {
    if (lines.isEmpty()) {
      return;
    }
    if (lines.size() == 1 && isHeadingLike(lines.get(0))) {
      boolean numbered = NUMBER_MARKER.matcher(lines.get(0)).find();
      blocks.add(
          OutlineBlock.heading(
              numbered ? 3 : 2, NUMBER_MARKER.matcher(lines.get(0)).replaceFirst("")));
      return;
    }
    if (headsItsLines(lines)) {
      contentBlocks(lines.subList(0, 1), blocks);
      contentBlocks(lines.subList(1, lines.size()), blocks);
      return;
    }
    // Long list items are explanations of their own; everything between them stays together.
    List<String> group = new ArrayList<>();
    for (String line : lines) {
      Matcher item = LIST_ITEM.matcher(line);
      if (item.matches() && item.group(1).length() > LONG_ITEM_CHARS) {
        addGroup(group, blocks);
        group.clear();
        String body = item.group(1);
        Matcher label = LABEL.matcher(body);
        boolean shortLabel = label.find() && Words.of(label.group(1)).size() <= MAX_LABEL_WORDS;
        blocks.add(
            OutlineBlock.paragraph(List.of(body)).withLabel(shortLabel ? label.group(1) : null));
      } else {
        group.add(line);
      }
    }
    addGroup(group, blocks);
  }

  private static void addGroup(List<String> group, List<OutlineBlock> blocks) {
    if (group.isEmpty()) {
      return;
    }
    boolean list = group.stream().allMatch(line -> LIST_ITEM.matcher(line).matches());
    blocks.add(list ? OutlineBlock.list(group) : OutlineBlock.paragraph(group));
  }

  /**
   * A heading stands alone, is short, is not run together with other text, and does not end like a
   * sentence or a list intro. Question headings ("...?") and numbered headings ("1. Surgery")
   * qualify; bullets do not.
   */
  static boolean isHeadingLike(String line) {
    if (LIST_ITEM.matcher(line).matches() && !NUMBER_MARKER.matcher(line).find()) {
      return false;
    }
    String text = NUMBER_MARKER.matcher(line).replaceFirst("");
    if (text.isEmpty()
        || text.length() > MAX_HEADING_CHARS
        || !text.codePoints().anyMatch(Character::isLetter)) {
      return false;
    }
    char last = text.charAt(text.length() - 1);
    return ".,;:".indexOf(last) < 0
        && !announces(text)
        && !GOES_ON.matcher(text).find()
        && !SENTENCE_BREAK.matcher(text).find()
        && !isRunTogether(text)
        && Words.of(text).size() <= MAX_HEADING_WORDS;
  }

  private static boolean isRunTogether(String text) {
    Matcher glued = GLUED_WORD.matcher(text);
    // One glued capital may be a name ("PubMed"); two, or one in a line that enumerates, are
    // elements run together.
    return GLUED_LABEL.matcher(text).find()
        || (glued.find() && (text.indexOf(',') >= 0 || glued.find()));
  }

  /** Like {@link String#strip()}, but also removes non-breaking and zero-width spaces. */
  static String trim(String line) {
    int start = 0;
    int end = line.length();
    while (start < end && isBlank(line.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
  }
}
