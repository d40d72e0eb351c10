package io.lumbar.tagging;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.List;

/**
 * {@code /admin/tags}: every cause and treatment with counts and links; admins also get the create
 * form. After a refused create, {@code error} says why and {@code form} holds what the admin typed,
 * so nothing is lost.
 */
public record TaxonomyPage(
    User user, String csrf, List<TagSummary> tags, String message, String error, NewTagForm form)
    implements Page {
  /** The create form's fields as last submitted; all empty on a fresh page. */
  public record NewTagForm(
      String kind, String name, String slug, String description, String aliases, String parent) {
    static final NewTagForm EMPTY = new NewTagForm("cause", "", "", "", "", "");
  }

  TaxonomyPage(User user, String csrf, List<TagSummary> tags, String message) {
    this(user, csrf, tags, message, null, NewTagForm.EMPTY);
  }

  @Override
  public String template() {
    return "tagging/list.jte";
  }

  /** One table of the page: causes (linked to treatments) or treatments (linked to causes). */
  public record Group(String title, String linksTitle, List<TagSummary> tags) {}

  public List<Group> groups() {
    return List.of(
        new Group("Causes", "Treatments", tags.stream().filter(TagSummary::isCause).toList()),
        new Group("Treatments", "Causes", tags.stream().filter(t -> !t.isCause()).toList()));
  }

  /** Live tags, as choices for a new tag's parent. */
  public List<TagSummary> live() {
    return tags.stream().filter(t -> !t.retired()).toList();
  }
}
