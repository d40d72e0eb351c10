package io.lumbar.importing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table of contents: a list (or a run of short lines) whose entries mostly repeat headings that
 * come later in the same page. Real lists name things; a contents list names the page's own
 * sections.
 */
final class ContentsList {
  static final String REASON = "table of contents";
  private static final double MIN_SHARE = 0.6;
  // Two short items that are also later headings are as often a real list (two treatments the page
  // then explains)
  // as a contents list; a page's contents name at least three of its sections.
  private static final int MIN_ENTRIES = 3;

  private ContentsList() {}

  /** Whether the block at {@code index} lists the headings that follow it. */
  static boolean lists(List<OutlineBlock> blocks, int index) {
    OutlineBlock block = blocks.get(index);
    if (block.isHeading() || block.lines().size() < 2) {
      return false;
    }
    Set<String> later = new HashSet<>();
    for (int i = index + 1; i < blocks.size(); i++) {
      if (blocks.get(i).isHeading()) {
        later.add(key(blocks.get(i).text()));
      }
    }
    long repeated = block.lines().stream().filter(line -> later.contains(key(line))).count();
    return repeated >= MIN_ENTRIES && repeated >= MIN_SHARE * block.lines().size();
  }

  private static String key(String line) {
    String text =
        TextOutline.LIST_ITEM.matcher(line).matches() ? line.replaceFirst("^\\S+\\s+", "") : line;
    return String.join(" ", Words.of(TextNormalizer.normalize(text).toLowerCase(Locale.ROOT)));
  }
}
