package io.lumbar.passages;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A word-level diff between two versions of a passage, as segments the template marks up with
 * ins/del.
 */
public final class TextDiff {
  /**
   * A run of text that is the same in both versions, only in the new one, or only in the old one.
   */
  public record Segment(Kind kind, String text) {}

  public enum Kind {
    SAME,
    ADDED,
    REMOVED
  }

  /** Words and the white space between them, so the diff never glues words together. */
  private static final Pattern TOKENS = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

  private TextDiff() {}

  public static List<Segment> words(String before, String after) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    List<Segment> segments = new ArrayList<>();
    int at = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
      int start = delta.getSource().getPosition();
      add(segments, Kind.SAME, a.subList(at, start));
      add(segments, Kind.REMOVED, delta.getSource().getLines());
      add(segments, Kind.ADDED, delta.getTarget().getLines());
      at = start + delta.getSource().size();
    }
    add(segments, Kind.SAME, a.subList(at, a.size()));
    return segments;
  }

  private static List<String> tokens(String text) {
    return text == null || text.isEmpty() ? List.of() : List.of(TOKENS.split(text));
  }

  private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
    if (!tokens.isEmpty()) {
      segments.add(new Segment(kind, String.join("", tokens)));
    }
  }
}
