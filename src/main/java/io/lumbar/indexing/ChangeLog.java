package io.lumbar.indexing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The index change log (outbox). Every feature that changes what search can show calls {@link #append}
 * inside its own transaction, so the index learns of a change exactly when the change commits.
 */
public final class ChangeLog {
  /** Rows per INSERT; one multi-row statement gets consecutive ids with no reserved-but-unused holes. */
  private static final int ROWS_PER_STATEMENT = 500;

  private ChangeLog() {}

  public static void append(Connection c, Collection<Long> passageIds) throws SQLException {
    List<Long> ids = new ArrayList<>(passageIds);
    for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT));
      String values = String.join(",", Collections.nCopies(chunk.size(), "(?)"));
      try (PreparedStatement st = c.prepareStatement("INSERT INTO index_changes (passage_id) VALUES " + values)) {
        for (int i = 0; i < chunk.size(); i++) {
          st.setLong(i + 1, chunk.get(i));
        }
        st.executeUpdate();
      }
    }
  }

  public static void append(Connection c, long passageId) throws SQLException {
    append(c, List.of(passageId));
  }
}
