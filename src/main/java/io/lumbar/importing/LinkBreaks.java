package io.lumbar.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A crawler that keeps each link's text on a line of its own breaks the sentence around it: "Set
 * the chair so that your" / "feet rest flat on the floor" / ". Then lower the desk...". The pieces
 * are one sentence again when the evidence says the sentence goes on: a line that opens with the
 * punctuation that continues a sentence (",", ".", ";", ")") belongs to the line above, and so does
 * a line in lower case after a line that opened a sentence and did not end it, when the lower-case
 * run goes on to end a sentence (a few words and a full stop, a sentence break inside, or more
 * punctuation that continues). A run of short lower-case entries without an end ("fever" /
 * "chills") is a list and stays apart, and so does anything after a line ending in a colon (the
 * intro of a list).
 */
final class LinkBreaks {
  private static final Pattern CONTINUES = Pattern.compile("^([,;:)]|\\.(?!\\d))");
  private static final Pattern LOWER = Pattern.compile("^\\p{Ll}");
  private static final Pattern OPENS = Pattern.compile("^(?:[•●▪*-] )?[\"“‘'(]?[\\p{Lu}\\p{N}]");
  private static final Pattern ENDS = Pattern.compile("[.!?:;][\"”’')]?$");
  private static final Pattern FULL_STOP = Pattern.compile("[.!?][\"”’')]?$");
  private static final int MIN_END_WORDS = 3;
  private static final int MIN_SENTENCE_WORDS = 4;
  private static final int MAX_LINK_SENTENCE_WORDS = 12;

  private LinkBreaks() {}

  static List<String> rejoined(List<String> lines) {
    boolean[] goesOn = goesOn(lines);
    List<String> out = new ArrayList<>();
    boolean rebuilt = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!out.isEmpty()) {
        String last = out.getLast();
        boolean open = !ENDS.matcher(last).find();
        // A mark alone ends the sentence being rebuilt; after a line that was never broken it is
        // the full stop of a sentence that was all link, and stays apart as the evidence of that.
        boolean letters = line.codePoints().anyMatch(Character::isLetter);
        if (CONTINUES.matcher(line).find() && (letters || rebuilt)) {
          out.set(out.size() - 1, last + line);
          rebuilt = true;
          continue;
        }
        if (open && LOWER.matcher(line).find() && OPENS.matcher(last).find() && goesOn[i]) {
          out.set(out.size() - 1, last + " " + line);
          rebuilt = true;
          continue;
        }
        // A link set in capitals inside the sentence ("... your therapist" / "Name, PT" / ",
        // can show ..."): the sentence goes on after it.
        if (open
            && Words.of(last).size() >= MIN_SENTENCE_WORDS
            && OPENS.matcher(last).find()
            && i + 1 < lines.size()
            && CONTINUES.matcher(lines.get(i + 1)).find()) {
          out.set(out.size() - 1, last + " " + line);
          rebuilt = true;
          continue;
        }
      }
      out.add(line);
      rebuilt = false;
    }
    return out;
  }

  /**
   * A line of a few words whose full stop the copy put on the next line by itself ("Read about
   * strong knees" / "."): the whole sentence was one link, a pointer to another page.
   */
  static boolean wholeLinkSentence(List<OutlineBlock> blocks, int i) {
    OutlineBlock block = blocks.get(i);
    return block.kind() != OutlineBlock.Kind.LIST
        && block.lines().size() == 1
        && !ENDS.matcher(block.text()).find()
        && Words.of(block.text()).size() <= MAX_LINK_SENTENCE_WORDS
        && stopOnNextLine(blocks, i);
  }

  /**
   * Whether the block after {@code i} is only the full stop of {@code i}'s sentence: a crawler's
   * copy puts a link's text on its own line and the stop after it on the next ("Read about strong
   * knees" / "."), so that line was a sentence, all link.
   */
  static boolean stopOnNextLine(List<OutlineBlock> blocks, int i) {
    return i + 1 < blocks.size() && blocks.get(i + 1).text().strip().matches("[.!?]+");
  }

  /**
   * For each line, whether it is in lower case and, with the lines after it, ends a sentence: a few
   * words and a full stop, a sentence break inside, or a next line that opens with punctuation that
   * continues; else a line without an end of its own goes on as the next line does. Worked out from
   * the last line back, once per copy, so a long run of lower-case lines costs one pass.
   */
  private static boolean[] goesOn(List<String> lines) {
    boolean[] goesOn = new boolean[lines.size()];
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (!LOWER.matcher(line).find()) {
        continue;
      }
      if (FULL_STOP.matcher(line).find() && Words.of(line).size() >= MIN_END_WORDS
          || TextOutline.SENTENCE_BREAK.matcher(line).find()) {
        goesOn[i] = true;
      } else if (i + 1 < lines.size() && !ENDS.matcher(line).find()) {
        goesOn[i] = CONTINUES.matcher(lines.get(i + 1)).find() || goesOn[i + 1];
      }
    }
    return goesOn;
  }
}
