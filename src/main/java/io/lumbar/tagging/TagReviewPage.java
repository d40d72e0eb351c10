package io.lumbar.tagging;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.List;

/**
 * An article's published passages, each with the tags suggested for it that it does not have yet;
 * those scoring at least the page's threshold come checked. One submit adds every checked tag.
 */
public record TagReviewPage(
    User user, String csrf, long articleId, String articleTitle, List<Row> rows, String message)
    implements Page {
  /** A passage and its new suggestions. */
  public record Row(
      long passageId, int position, String heading, String text, List<Candidate> candidates) {}

  /** A suggestion with whether it comes checked; {@code value} is what the form sends for it. */
  public record Candidate(TagSuggestion suggestion, boolean checked) {
    public String value(long passageId) {
      return passageId + ":" + suggestion.slug();
    }
  }

  @Override
  public String template() {
    return "tagging/review.jte";
  }

  public int checkedCount() {
    return (int)
        rows.stream().flatMap(r -> r.candidates().stream()).filter(Candidate::checked).count();
  }
}
