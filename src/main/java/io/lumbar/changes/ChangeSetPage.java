package io.lumbar.changes;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;

/**
 * {@code /admin/changes/{id}}: what a change set changed, who made it, and its Undo or what its
 * undo left alone.
 */
public record ChangeSetPage(User user, String csrf, ChangeSets.View change, String message)
    implements Page {
  @Override
  public String template() {
    return "changes/change.jte";
  }

  /** Editors undo bulk tagging and tag removals; merges and retirements are the admins'. */
  public boolean mayUndo() {
    return !change.undone() && (user.isAdmin() || !ChangeSets.needsAdmin(change.action()));
  }
}
