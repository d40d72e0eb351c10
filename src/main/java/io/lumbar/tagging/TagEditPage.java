package io.lumbar.tagging;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.List;

/**
 * {@code /admin/tags/{slug}}: wording for editors; name, parent, links, merge and retirement for
 * admins. {@code message} confirms the last action (a merge's report included). After refused
 * wording, {@code error} says why and the text areas show what the editor typed ({@code
 * description}, {@code aliases}). After a merge or a retirement, {@code changeSet} is its change
 * set, which the message offers to undo (0: nothing to undo).
 */
public record TagEditPage(
    User user,
    String csrf,
    TagSummary tag,
    List<TagSummary> all,
    String message,
    String error,
    String description,
    String aliases,
    long changeSet)
    implements Page {
  TagEditPage(
      User user,
      String csrf,
      TagSummary tag,
      List<TagSummary> all,
      String message,
      long changeSet) {
    this(
        user,
        csrf,
        tag,
        all,
        message,
        null,
        tag.description() == null ? "" : tag.description(),
        tag.aliasLines(),
        changeSet);
  }

  @Override
  public String template() {
    return "tagging/edit.jte";
  }

  /** Live tags of the same kind other than this one: choices for parent and merge target. */
  public List<TagSummary> sameKind() {
    return all.stream()
        .filter(t -> t.kind().equals(tag.kind()) && !t.retired() && t.id() != tag.id())
        .toList();
  }

  /** Live tags of the other kind not yet linked: choices for a new link. */
  public List<TagSummary> linkable() {
    return all.stream()
        .filter(
            t ->
                !t.kind().equals(tag.kind())
                    && !t.retired()
                    && tag.links().stream().noneMatch(l -> l.slug().equals(t.slug())))
        .toList();
  }
}
