package io.lumbar.passages;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What learns from an editor's decision on a passage, in the save's transaction: import's site
 * template ({@code importing/SiteTemplate#learn}). Handed to {@link PassageEditor} by the wiring,
 * because import builds on passages (it rejects earlier copies through {@link
 * PassageEditor#reject}) and passages must not depend on it back.
 */
@FunctionalInterface
public interface EditorDecisions {
  /**
   * The passage {@code id} was saved with {@code status}; before, it was {@code statusBefore} for
   * {@code reasonBefore}.
   */
  void decided(
      Connection c, long id, String statusBefore, String reasonBefore, String status, String actor)
      throws SQLException;
}
