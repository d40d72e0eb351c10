package io.lumbar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How SQL failures are classified, which decides the HTTP answer (503, 409, 500). */
class DatabaseErrorsTest {
  @Test
  void deadlocks_are_concurrent_changes_lost_connections_are_unavailability() {
    assertThat(
            Database.translate(
                new SQLException("Deadlock found when trying to get lock", "40001", 1213)))
        .isInstanceOf(ConcurrentChangeException.class);
    assertThat(Database.translate(new SQLException("Connection refused", "08000")))
        .isInstanceOf(DatabaseUnavailableException.class);
    assertThat(Database.translate(new SQLException("Duplicate entry", "23000", 1062)))
        .isExactlyInstanceOf(DataAccessException.class);
  }
}
