package io.lumbar.importing;

import io.lumbar.importing.ArticleSplitter.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a judged outline into passages that stand alone: each carries the path of headings above
 * it, a list keeps its intro (a long list is split between items, each part repeating the intro), a
 * passage over the size limit is split at sentence ends, and a heading whose section holds no
 * content is kept as a rejected block.
 */
final class PassageAssembler {
  static final String HEADING_WITHOUT_BODY = "heading without body";
  static final String LIST_INTRO_WITHOUT_ITEMS = "list intro without items";
  static final String DUPLICATE = "duplicate";
  static final int MAX_PASSAGE_CHARS = 1500;

  /** How many blocks of one article may hold the same text (see {@link #number}). */
  static final int MAX_COPIES = 2;

  // A list intro repeated in front of each part of a split list is at most this long, else its last
  // sentence.
  private static final int MAX_REPEATED_INTRO_CHARS = 300;
  // An entry that names its point before a colon ("Warm up: march on the spot ..."), as steps
  // announced by an intro are set when the copy lost their bullets.
  private static final Pattern LABELLED_ENTRY =
      Pattern.compile("^\\p{L}[\\p{L}'’-]*(?: [\\p{L}'’-]+){0,5}: \\S");
  private static final Pattern PIECE_END = Pattern.compile("\\n|[.!?][\"'”’)\\]]?[ \\u00A0]+");

  /**
   * A block without a position yet. {@code intro} and {@code items} are set for a list that
   * absorbed its intro; {@code heading} marks a heading that waits to learn whether its section has
   * content.
   */
  private record Draft(
      List<String> path,
      String text,
      String reason,
      boolean listLike,
      String intro,
      List<String> items,
      boolean heading) {
    boolean isContent() {
      return reason == null;
    }
  }

  /**
   * A heading on the current path; {@code draft} is its placeholder, {@code used} once content is
   * below it.
   */
  private static final class Open {
    final int level;
    final String text;
    final int draft;
    boolean used;

    Open(int level, String text, int draft) {
      this.level = level;
      this.text = text;
      this.draft = draft;
    }
  }

  private PassageAssembler() {}

  static List<Block> assemble(List<OutlineBlock> blocks, String[] reasons) {
    List<Draft> drafts = new ArrayList<>();
    List<Open> path = new ArrayList<>();
    List<Integer> usedHeadings = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock block = blocks.get(i);
      String reason = reasons[i];
      if (block.isHeading()) {
        // A heading closes the sections at its level and below, even a heading that is itself
        // furniture.
        while (!path.isEmpty() && path.get(path.size() - 1).level >= block.level()) {
          path.remove(path.size() - 1);
        }
        if (reason == null) {
          path.add(new Open(block.level(), block.text(), drafts.size()));
          drafts.add(
              new Draft(List.of(), block.text(), HEADING_WITHOUT_BODY, false, null, null, true));
        } else {
          drafts.add(new Draft(List.of(), block.text(), reason, false, null, null, false));
        }
        continue;
      }
      if (reason != null) {
        drafts.add(new Draft(List.of(), block.text(), reason, false, null, null, false));
        continue;
      }
      List<String> headingPath = new ArrayList<>();
      for (Open open : path) {
        headingPath.add(open.text);
        if (!open.used) {
          open.used = true;
          usedHeadings.add(open.draft);
        }
      }
      Draft previous = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
      boolean shortList = block.kind() == OutlineBlock.Kind.LIST && block.label() == null;
      if (shortList
          && previous != null
          && previous.isContent()
          && !previous.heading()
          && previous.path().equals(headingPath)
          && introducesList(previous.text())) {
        drafts.set(
            drafts.size() - 1,
            new Draft(
                previous.path(),
                previous.text() + "\n" + block.text(),
                null,
                true,
                previous.intro() != null ? previous.intro() : previous.text(),
                concat(previous.items(), block.lines()),
                false));
        continue;
      }
      if (block.label() != null) {
        headingPath.add(block.label());
      }
      drafts.add(
          new Draft(
              List.copyOf(headingPath),
              block.text(),
              null,
              block.listLike(),
              null,
              block.kind() == OutlineBlock.Kind.LIST ? block.lines() : null,
              false));
    }
    for (int used : usedHeadings) {
      drafts.set(used, null);
    }
    drafts = rejectListIntrosWithoutItems(drafts);
    drafts.removeIf(d -> d == null);
    return number(splitLongPassages(drafts));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a == null ? List.of() : a);
    all.addAll(b);
    return all;
  }

  private static boolean openAlike(String a, String b) {
    List<String> first = Words.of(a.toLowerCase(Locale.ROOT));
    List<String> second = Words.of(b.toLowerCase(Locale.ROOT));
    return first.size() >= 2
        && second.size() >= 2
        && first.subList(0, 2).equals(second.subList(0, 2));
  }

  private static boolean introducesList(String text) {
    String lastLine = text.substring(text.lastIndexOf('\n') + 1);
    return TextOutline.announces(text) || TextOutline.LIST_ITEM.matcher(lastLine).matches();
  }

  /**
   * A passage ending in ':' must be followed by what it announces: a list, a table or headed
   * sections. Otherwise the items were lost in the capture and the dangling sentence is rejected;
   * sentences before it in the same paragraph stay content. Used headings are null here and count
   * as sections that follow.
   */
  private static List<Draft> rejectListIntrosWithoutItems(List<Draft> drafts) {
    List<Draft> result = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft draft = drafts.get(i);
      if (draft == null || !draft.isContent() || !draft.text().endsWith(":")) {
        result.add(draft);
        continue;
      }
      Draft next = i + 1 < drafts.size() ? drafts.get(i + 1) : null;
      boolean itemsFollow =
          i + 1 < drafts.size()
              && (next == null
                  || next.heading()
                  || (next.isContent()
                      && (next.listLike()
                          || !next.path().equals(draft.path())
                          || LABELLED_ENTRY.matcher(next.text()).find())));
      // A list whose first item was long enough to be a paragraph of its own resumes after it.
      Draft after = i + 2 < drafts.size() ? drafts.get(i + 2) : null;
      itemsFollow |=
          next != null
              && next.isContent()
              && next.path().equals(draft.path())
              && after != null
              && after.isContent()
              && after.path().equals(draft.path())
              && after.items() != null;
      // Paragraphs that open alike are its items: "... try these:" over "When sitting down, ..."
      // and "When sitting up, ...".
      itemsFollow |=
          next != null
              && next.isContent()
              && next.path().equals(draft.path())
              && after != null
              && after.isContent()
              && after.path().equals(draft.path())
              && openAlike(next.text(), after.text());
      // Numbered paragraphs are its items: "... three things change:" over "1) The cartilage ...".
      itemsFollow |=
          next != null
              && next.isContent()
              && next.path().equals(draft.path())
              && TextOutline.NUMBER_MARKER.matcher(next.text()).find();
      if (itemsFollow) {
        result.add(draft);
        continue;
      }
      int cut = lastSentenceStart(draft.text());
      if (cut >= 40) {
        result.add(
            new Draft(
                draft.path(),
                draft.text().substring(0, cut).strip(),
                null,
                draft.listLike(),
                null,
                null,
                false));
        result.add(
            new Draft(
                List.of(),
                draft.text().substring(cut),
                LIST_INTRO_WITHOUT_ITEMS,
                false,
                null,
                null,
                false));
      } else {
        result.add(
            new Draft(List.of(), draft.text(), LIST_INTRO_WITHOUT_ITEMS, false, null, null, false));
      }
    }
    return result;
  }

  private static int lastSentenceStart(String text) {
    Matcher m = TextOutline.SENTENCE_BREAK.matcher(text);
    int start = -1;
    while (m.find()) {
      start = m.end();
    }
    return start;
  }

  /**
   * Lists split between items (each part repeating the intro); other passages at line or sentence
   * ends.
   */
  private static List<Draft> splitLongPassages(List<Draft> drafts) {
    List<Draft> result = new ArrayList<>();
    for (Draft draft : drafts) {
      if (!draft.isContent() || draft.text().length() <= MAX_PASSAGE_CHARS) {
        result.add(draft);
      } else if (draft.items() != null) {
        for (String part : listParts(draft.intro(), draft.items())) {
          result.add(new Draft(draft.path(), part, null, true, null, null, false));
        }
      } else {
        for (String chunk : chunks(draft.text(), MAX_PASSAGE_CHARS)) {
          result.add(new Draft(draft.path(), chunk, null, draft.listLike(), null, null, false));
        }
      }
    }
    return result;
  }

  static List<String> listParts(String intro, List<String> items) {
    String repeated = intro == null ? "" : repeatedIntro(intro);
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    if (intro != null) {
      // The intro is the article's text and must reach a passage whole: when it cannot share one
      // with the first
      // item, it stands alone (split at sentence ends if need be) and the parts repeat its last
      // sentence.
      String first = items.isEmpty() ? "" : items.getFirst();
      if (intro.length() + 1 + first.length() > MAX_PASSAGE_CHARS) {
        parts.addAll(chunks(intro, MAX_PASSAGE_CHARS));
        part.append(repeated);
      } else {
        part.append(intro);
      }
    }
    boolean hasItems = false;
    for (String item : items) {
      if (hasItems && part.length() + 1 + item.length() > MAX_PASSAGE_CHARS) {
        parts.add(part.toString());
        part.setLength(0);
        part.append(repeated);
        hasItems = false;
      }
      if (item.length() > MAX_PASSAGE_CHARS - part.length()) {
        // One item over the limit: it goes on its own, split at sentence ends. Without items, the
        // part holds at
        // most the repeated intro, which is already in an earlier passage.
        if (hasItems) {
          parts.add(part.toString());
        }
        parts.addAll(chunks(item, MAX_PASSAGE_CHARS));
        part.setLength(0);
        part.append(repeated);
        hasItems = false;
        continue;
      }
      if (part.length() > 0) {
        part.append('\n');
      }
      part.append(item);
      hasItems = true;
    }
    if (hasItems) {
      parts.add(part.toString());
    }
    return parts;
  }

  private static String repeatedIntro(String intro) {
    if (intro.length() <= MAX_REPEATED_INTRO_CHARS) {
      return intro;
    }
    int cut = lastSentenceStart(intro);
    return cut > 0 ? intro.substring(cut) : intro.substring(intro.lastIndexOf('\n') + 1);
  }

  static List<String> chunks(String text, int max) {
    List<String> pieces = new ArrayList<>();
    Matcher m = PIECE_END.matcher(text);
    int start = 0;
    while (m.find()) {
      pieces.add(text.substring(start, m.end()));
      start = m.end();
    }
    pieces.add(text.substring(start));
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String piece : pieces) {
      if (chunk.length() > 0 && chunk.length() + piece.length() > max) {
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

  /**
   * Numbers the blocks in reading order. Content repeating earlier content becomes a duplicate of
   * it. A text the page repeats more often is stored twice at most: once, and once more as the sign
   * of its repetition (a duplicate, or rejected again for the same reason). Later copies add
   * nothing an editor could use, and a page repeating one paragraph thousands of times would
   * otherwise store thousands of rows.
   */
  private static List<Block> number(List<Draft> drafts) {
    List<Block> blocks = new ArrayList<>();
    Map<String, Integer> firstByFingerprint = new HashMap<>();
    Map<String, Integer> copiesByFingerprint = new HashMap<>();
    for (Draft draft : drafts) {
      int position = blocks.size();
      if (copiesByFingerprint.merge(TextNormalizer.fingerprint(draft.text()), 1, Integer::sum)
          > MAX_COPIES) {
        continue;
      }
      if (draft.isContent()) {
        Integer original =
            firstByFingerprint.putIfAbsent(TextNormalizer.fingerprint(draft.text()), position);
        if (original != null) {
          blocks.add(new Block(position, draft.path(), draft.text(), DUPLICATE, original));
          continue;
        }
      }
      blocks.add(new Block(position, draft.path(), draft.text(), draft.reason(), null));
    }
    return blocks;
  }
}
