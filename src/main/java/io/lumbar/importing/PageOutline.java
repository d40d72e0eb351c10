package io.lumbar.importing;

import java.util.List;

/**
 * Any page, HTML or text, as the same outline: its title (null when the page states none), what the
 * page says about itself, and its blocks in reading order.
 */
record PageOutline(String title, PageMeta meta, List<OutlineBlock> blocks) {
  PageOutline {
    blocks = List.copyOf(blocks);
  }
}
