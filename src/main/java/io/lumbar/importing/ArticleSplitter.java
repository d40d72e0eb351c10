package io.lumbar.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
* Splits a captured plain-text article into passages (the unit of search) and rejected blocks (page
* furniture and leftovers, kept so that nothing of the source is lost and curators can overrule).
*/
public final class ArticleSplitter {

  /** {@code title} is null when the article does not start with a title line. */
  public record SplitArticle(String title, List<Block> blocks) {
    public SplitArticle {
      blocks = List.copyOf(blocks);
    }
  }

  /**
  * One passage or rejected block. {@code rejectReason} null means real content; {@code duplicateOfPosition}
  * is set only for reason {@value #DUPLICATE}.
  */
  public record Block(int position, String heading, String text, String rejectReason, Integer duplicateOfPosition) {
    public boolean isContent() {
      return rejectReason == null;
    }

    /** The section headings the block sits under, outermost first, the title left out; its heading is the last. */
    public List<String> headingPath() {
      return heading == null ? List.of() : List.of(heading);
    }
  }

  static final String HEADING_WITHOUT_BODY = "heading without body";
  static final String LIST_INTRO_WITHOUT_ITEMS = "list intro without items";
  static final String REPEATED_TITLE = "repeated title";
  static final String DUPLICATE = "duplicate";

  static final int MAX_PASSAGE_CHARS = 1500;
  private static final int MAX_HEADING_CHARS = 120;
  private static final int MAX_HEADING_WORDS = 20;
  // Items longer than this are explanations in their own right, not entries of an enumeration.
  private static final int LONG_ITEM_CHARS = 150;
  private static final int MAX_LABEL_WORDS = 6;

  private static final Pattern NUMBER_MARKER = Pattern.compile("^\\d{1,2}[.)][\\s\\u00A0]+");
  private static final Pattern LIST_ITEM =
      Pattern.compile("^(?:[•●○◦▪▫■□‣∙·*]|[-–—](?=[\\s\\u00A0])|\\d{1,2}[.)](?=[\\s\\u00A0]))[\\s\\u00A0]+(\\S.*)$");
  private static final Pattern LABEL = Pattern.compile("^([^.!?:—–]{2,60}?)[\\s\\u00A0]+[—–][\\s\\u00A0]+\\S");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?][\"'”’)\\]]?[\\s\\u00A0]+(?=[\"“]?\\p{Lu})");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

  private ArticleSplitter() {
  }

  /** What a paragraph turned out to be, before headings are attached and positions assigned. */
  private sealed interface Unit {
  }

  private record Boilerplate(String text, String reason) implements Unit {
  }

  private record Heading(String text) implements Unit {
  }

  /** {@code shortList}: only short list items; {@code listLike}: a list item of its own, a list or a table. */
  private record Passage(String text, String label, boolean shortList, boolean listLike) implements Unit {
  }

  /** A block without a position yet. */
  private record Draft(String heading, String text, String reason, boolean listLike) {
    boolean isContent() {
      return reason == null;
    }
  }

  public static SplitArticle split(String text) {
    List<Unit> units = new ArrayList<>();
    for (List<String> paragraph : paragraphs(text)) {
      addUnits(paragraph, units);
    }
    String title = takeTitle(units);
    List<Draft> drafts = attachHeadings(units);
    drafts = rejectListIntrosWithoutItems(drafts);
    drafts = splitLongPassages(drafts);
    return new SplitArticle(title, number(drafts));
  }

  // ---- paragraphs and units ----

  /** Paragraphs are separated by lines that are empty or hold only (possibly non-breaking) spaces. */
  private static List<List<String>> paragraphs(String text) {
    List<List<String>> paragraphs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      String trimmed = trim(line);
      if (!trimmed.isEmpty()) {
        current.add(trimmed);
      } else if (!current.isEmpty()) {
        paragraphs.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(current);
    }
    return paragraphs;
  }

  private static void addUnits(List<String> lines, List<Unit> units) {
    String whole = String.join("\n", lines);
    Optional<String> reason = BoilerplateRules.reasonFor(whole);
    if (reason.isPresent()) {
      units.add(new Boilerplate(whole, reason.get()));
      return;
    }
    // A boilerplate line can share a paragraph with content (e.g. an image title above a reading time).
    List<String> run = new ArrayList<>();
    Boilerplate lastBoilerplate = null;
    for (String line : lines) {
      Optional<String> lineReason = lines.size() > 1 ? BoilerplateRules.reasonFor(line) : Optional.empty();
      if (lineReason.isEmpty()) {
        run.add(line);
        lastBoilerplate = null;
        continue;
      }
      addContentUnits(run, units);
      run.clear();
      if (lastBoilerplate != null && lastBoilerplate.reason().equals(lineReason.get())) {
        units.remove(units.size() - 1);
        lastBoilerplate = new Boilerplate(lastBoilerplate.text() + "\n" + line, lastBoilerplate.reason());
      } else {
        lastBoilerplate = new Boilerplate(line, lineReason.get());
      }
      units.add(lastBoilerplate);
    }
    addContentUnits(run, units);
  }

  private static void addContentUnits(List<String> lines, List<Unit> units) {
    if (lines.isEmpty()) {
      return;
    }
    if (lines.size() == 1 && isHeadingLike(lines.get(0))) {
      units.add(new Heading(NUMBER_MARKER.matcher(lines.get(0)).replaceFirst("")));
      return;
    }
    // Long list items become passages of their own; everything between them stays together.
    List<String> group = new ArrayList<>();
    for (String line : lines) {
      Matcher item = LIST_ITEM.matcher(line);
      if (item.matches() && item.group(1).length() > LONG_ITEM_CHARS) {
        addGroup(group, units);
        group.clear();
        String body = item.group(1);
        Matcher label = LABEL.matcher(body);
        boolean shortLabel = label.find() && words(label.group(1)).size() <= MAX_LABEL_WORDS;
        units.add(new Passage(body, shortLabel ? label.group(1) : null, false, true));
      } else {
        group.add(line);
      }
    }
    addGroup(group, units);
  }

  private static void addGroup(List<String> group, List<Unit> units) {
    if (group.isEmpty()) {
      return;
    }
    boolean shortList = group.stream().allMatch(line -> LIST_ITEM.matcher(line).matches());
    units.add(new Passage(String.join("\n", group), null, shortList, shortList || group.size() > 1));
  }

  /**
  * A heading stands alone, is short, and does not end like a sentence or a list intro. Question headings
  * ("...?") and numbered headings ("1. Surgery") qualify; bullets do not.
  */
  static boolean isHeadingLike(String line) {
    if (LIST_ITEM.matcher(line).matches() && !NUMBER_MARKER.matcher(line).find()) {
      return false;
    }
    String text = NUMBER_MARKER.matcher(line).replaceFirst("");
    if (text.isEmpty() || text.length() > MAX_HEADING_CHARS || !text.codePoints().anyMatch(Character::isLetter)) {
      return false;
    }
    char last = text.charAt(text.length() - 1);
    return ".,;:".indexOf(last) < 0
        && !SENTENCE_BREAK.matcher(text).find()
        && words(text).size() <= MAX_HEADING_WORDS;
  }

  // ---- title ----

  /** Removes the title line (first non-boilerplate paragraph, if heading-like) from the units. */
  private static String takeTitle(List<Unit> units) {
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      if (unit instanceof Boilerplate) {
        continue;
      }
      if (!(unit instanceof Heading title)) {
        return null;
      }
      units.remove(i);
      // Pages often repeat the title as an image caption or subtitle right below it.
      if (i < units.size() && units.get(i) instanceof Heading next && repeats(title.text(), next.text())) {
        units.set(i, new Boilerplate(next.text(), REPEATED_TITLE));
      }
      return title.text();
    }
    return null;
  }

  /** Same words ignoring case and punctuation, allowing one changed word ("lie" / "lay"). */
  private static boolean repeats(String title, String line) {
    List<String> a = words(title.toLowerCase(Locale.ROOT));
    List<String> b = words(line.toLowerCase(Locale.ROOT));
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

  // ---- headings, lists ----

  private static List<Draft> attachHeadings(List<Unit> units) {
    List<Draft> drafts = new ArrayList<>();
    String pendingHeading = null;
    for (Unit unit : units) {
      switch (unit) {
        case Heading heading -> {
          flushHeading(pendingHeading, drafts);
          pendingHeading = heading.text();
        }
        case Boilerplate boilerplate -> {
          // Boilerplate never takes a heading, so a heading right before it has no body.
          flushHeading(pendingHeading, drafts);
          pendingHeading = null;
          drafts.add(new Draft(null, boilerplate.text(), boilerplate.reason(), false));
        }
        case Passage passage -> {
          Draft previous = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
          if (passage.shortList() && pendingHeading == null && previous != null
              && previous.isContent() && introducesList(previous.text())) {
            drafts.set(drafts.size() - 1, new Draft(previous.heading(),
                previous.text() + "\n" + passage.text(), null, true));
          } else {
            String heading = pendingHeading != null ? pendingHeading : passage.label();
            drafts.add(new Draft(heading, passage.text(), null, passage.listLike()));
            pendingHeading = null;
          }
        }
      }
    }
    flushHeading(pendingHeading, drafts);
    return drafts;
  }

  private static void flushHeading(String heading, List<Draft> drafts) {
    if (heading != null) {
      drafts.add(new Draft(null, heading, HEADING_WITHOUT_BODY, false));
    }
  }

  private static boolean introducesList(String text) {
    String lastLine = text.substring(text.lastIndexOf('\n') + 1);
    return text.endsWith(":") || LIST_ITEM.matcher(lastLine).matches();
  }

  /**
  * A passage ending in ':' must be followed by what it announces: a list, a table or headed sections.
  * Otherwise the items were lost in the capture and the dangling sentence is rejected; sentences before it
  * in the same paragraph stay content.
  */
  private static List<Draft> rejectListIntrosWithoutItems(List<Draft> drafts) {
    List<Draft> result = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft draft = drafts.get(i);
      Draft next = i + 1 < drafts.size() ? drafts.get(i + 1) : null;
      boolean itemsFollow = next != null && (next.isContent() ? next.listLike() || next.heading() != null
          : next.reason().equals(HEADING_WITHOUT_BODY));
      if (!draft.isContent() || !draft.text().endsWith(":") || itemsFollow) {
        result.add(draft);
        continue;
      }
      int cut = lastSentenceStart(draft.text());
      if (cut >= 40) {
        result.add(new Draft(draft.heading(), draft.text().substring(0, cut).strip(), null, draft.listLike()));
        result.add(new Draft(null, draft.text().substring(cut), LIST_INTRO_WITHOUT_ITEMS, false));
      } else {
        result.add(new Draft(draft.heading(), draft.text(), LIST_INTRO_WITHOUT_ITEMS, false));
      }
    }
    return result;
  }

  private static int lastSentenceStart(String text) {
    Matcher m = SENTENCE_BREAK.matcher(text);
    int start = -1;
    while (m.find()) {
      start = m.end();
    }
    return start;
  }

  // ---- length, positions, duplicates ----

  /** Splits passages over the limit at line or sentence ends; a single overlong sentence is kept whole. */
  private static List<Draft> splitLongPassages(List<Draft> drafts) {
    List<Draft> result = new ArrayList<>();
    for (Draft draft : drafts) {
      if (!draft.isContent() || draft.text().length() <= MAX_PASSAGE_CHARS) {
        result.add(draft);
        continue;
      }
      for (String chunk : chunks(draft.text())) {
        result.add(new Draft(draft.heading(), chunk, null, draft.listLike()));
      }
    }
    return result;
  }

  private static List<String> chunks(String text) {
    List<String> pieces = new ArrayList<>();
    Matcher m = Pattern.compile("\\n|[.!?][\"'”’)\\]]?[ \\u00A0]+").matcher(text);
    int start = 0;
    while (m.find()) {
      pieces.add(text.substring(start, m.end()));
      start = m.end();
    }
    pieces.add(text.substring(start));
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String piece : pieces) {
      if (chunk.length() > 0 && chunk.length() + piece.length() > MAX_PASSAGE_CHARS) {
        chunks.add(chunk.toString().strip());
        chunk.setLength(0);
      }
      chunk.append(piece);
    }
    if (!chunk.toString().isBlank()) {
      chunks.add(chunk.toString().strip());
    }
    return chunks;
  }

  private static List<Block> number(List<Draft> drafts) {
    List<Block> blocks = new ArrayList<>();
    Map<String, Integer> firstByFingerprint = new HashMap<>();
    for (Draft draft : drafts) {
      int position = blocks.size();
      if (draft.isContent()) {
        Integer original = firstByFingerprint.putIfAbsent(TextNormalizer.fingerprint(draft.text()), position);
        if (original != null) {
          blocks.add(new Block(position, draft.heading(), draft.text(), DUPLICATE, original));
          continue;
        }
      }
      blocks.add(new Block(position, draft.heading(), draft.text(), draft.reason(), null));
    }
    return blocks;
  }

  // ---- helpers ----

  /** Like {@link String#strip()}, but also removes non-breaking and zero-width spaces. */
  private static String trim(String line) {
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

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }
}
