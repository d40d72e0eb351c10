package io.lumbar.changes;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;
import java.util.List;
import java.util.Map;

/**
 * The step before a destructive console action: what it will change, in lines such as "Removes Rest
 * from 12 passages.", and a form that posts the same fields again with {@code confirm=yes}. Nothing
 * is written until then.
 */
public record ConfirmPage(
    User user,
    String csrf,
    String title,
    List<String> changes,
    String action,
    Map<String, String> fields,
    String button,
    String cancelUrl)
    implements Page {
  /** The field a confirmed post carries; without it a destructive action only shows this page. */
  public static final String FIELD = "confirm";

  @Override
  public String template() {
    return "changes/confirm.jte";
  }

  /** True when the form was posted from this page. */
  public static boolean confirmed(String value) {
    return "yes".equals(value);
  }
}
