package io.lumbar.passages;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;

/**
 * Someone saved the passage after this editor opened it: both versions side by side. The editor's
 * text is kept in a form that saves it over the current version, so nothing typed is lost.
 */
public record ConflictPage(User user, String csrf, EditablePassage current, PassageEdit yours)
    implements Page {
  @Override
  public String template() {
    return "passages/conflict.jte";
  }
}
