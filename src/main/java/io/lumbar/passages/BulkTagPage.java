package io.lumbar.passages;

import io.lumbar.accounts.User;
import io.lumbar.search.Vocabulary.TagInfo;
import io.lumbar.web.Page;
import java.util.List;

/**
 * Bulk tagging: the preview (how many passages the current filter matches, the tag and add / remove /
 * replace choice), and after the change its report.
 */
public record BulkTagPage(User user, String csrf, PassageListPage list, long matched, List<TagInfo> tags,
    BulkTagger.Report report) implements Page {
  @Override
  public String template() {
    return "passages/bulk.jte";
  }

  public String reportLine() {
    if (report == null) {
      return null;
    }
    return switch (report.mode()) {
      case ADD -> report.tagName() + " added to " + report.changed() + " of " + report.matched() + " passages ("
          + (report.matched() - report.changed()) + " had it already).";
      case REMOVE -> report.tagName() + " removed from " + report.changed() + " of " + report.matched() + " passages ("
          + (report.matched() - report.changed()) + " did not have it).";
      case REPLACE -> report.tagName() + " now replaces the other tags of its kind on " + report.matched()
          + " passages; " + report.changed() + " changed.";
    };
  }
}
