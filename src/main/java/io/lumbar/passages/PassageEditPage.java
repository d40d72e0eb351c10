package io.lumbar.passages;

import io.lumbar.accounts.User;
import io.lumbar.passages.PassageEditor.Revision;
import io.lumbar.search.Vocabulary.TagInfo;
import io.lumbar.tagging.TagSuggestion;
import io.lumbar.web.Page;
import java.util.List;

/**
 * One passage in the console: the edit form (text, heading, status), its tags with suggestions and
 * the keyboard shortcuts, and its revision history. {@code message} confirms the last action. The
 * form shows {@code form} at {@code formVersion}: the stored passage, or after a refused save what
 * the editor typed, with {@code error} saying why. After a tag removal, {@code changeSet} is its
 * change set, which the message offers to undo (0: nothing to undo).
 */
public record PassageEditPage(
    User user,
    String csrf,
    EditablePassage passage,
    List<TagSuggestion> suggestions,
    List<TagInfo> allTags,
    List<Revision> revisions,
    String message,
    String error,
    PassageEdit form,
    int formVersion,
    Long previousId,
    Long nextId,
    long changeSet)
    implements Page {
  @Override
  public String template() {
    return "passages/edit.jte";
  }

  public static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** What revision {@code index} (newest first) changed in the text, against the one before it. */
  public List<TextDiff.Segment> diff(int index) {
    String after = revisions.get(index).text();
    String before = index + 1 < revisions.size() ? revisions.get(index + 1).text() : after;
    return TextDiff.words(before, after);
  }

  /** Suggestions not already on the passage, at most nine: one per number key. */
  public List<TagSuggestion> newSuggestions() {
    return suggestions.stream()
        .filter(s -> passage.tags().stream().noneMatch(t -> t.slug().equals(s.slug())))
        .limit(9)
        .toList();
  }
}
