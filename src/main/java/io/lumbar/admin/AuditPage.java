package io.lumbar.admin;

import io.lumbar.accounts.User;
import io.lumbar.changes.ChangeSets;
import io.lumbar.web.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /admin/audit}: who did what, when, newest first, with filters and "older" paging. */
public record AuditPage(
    User user,
    String csrf,
    AuditLog.Filter filter,
    List<AuditLog.Event> events,
    boolean more,
    List<String> actors)
    implements Page {
  @Override
  public String template() {
    return "admin/audit.jte";
  }

  public String value(Object value) {
    return value == null ? "" : value.toString();
  }

  /** The next page: the same filter, older than the last event shown. */
  public String olderUrl() {
    if (!more || events.isEmpty()) {
      return null;
    }
    StringBuilder url = new StringBuilder("/admin/audit?before=").append(events.getLast().id());
    add(url, "actor", filter.actor());
    add(url, "action", filter.action());
    add(url, "entity", filter.entityType());
    add(url, "id", filter.entityId() == null ? null : filter.entityId().toString());
    return url.toString();
  }

  /** True when the event made a change set this user may undo and nobody has undone yet. */
  public boolean undoable(AuditLog.Event event) {
    return event.changeSet() != null
        && !event.undone()
        && (user.isAdmin() || !ChangeSets.needsAdmin(event.action()));
  }

  /** Where an event's entity can be seen in the console, or null. */
  public String entityUrl(AuditLog.Event event) {
    if (event.entityId() == null) {
      return null;
    }
    return switch (event.entityType()) {
      case "passage" -> "/admin/passages/" + event.entityId();
      case "article" -> "/admin/articles/" + event.entityId();
      case "change_set" -> "/admin/changes/" + event.entityId();
      default -> null;
    };
  }

  private static void add(StringBuilder url, String name, String value) {
    if (value != null) {
      url.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
