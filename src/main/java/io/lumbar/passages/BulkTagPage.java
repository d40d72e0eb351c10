package io.lumbar.passages;

import io.lumbar.accounts.User;
import io.lumbar.search.Vocabulary.TagInfo;
import io.lumbar.web.Page;
import java.util.List;

/**
 * Bulk tagging: the preview (how many passages the current filter matches, the tag and add / remove
 * / replace choice), and after the change its report.
 */
public record BulkTagPage(
    User user,
    String csrf,
    PassageListPage list,
    long matched,
    List<TagInfo> tags,
    BulkTagger.Report report)
    implements Page {
  @Override
  public String template() {
    return "passages/bulk.jte";
  }

  public String reportLine() {
    return report == null ? null : report.line();
  }

  /** The change set of the change just made, which the page offers to undo; 0 when none. */
  public long changeSet() {
    return report == null ? 0 : report.changeSet();
  }
}
