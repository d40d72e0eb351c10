package io.lumbar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction the database rolls back for a concurrent change (an InnoDB deadlock here; a Galera
 * certification failure answers the same 1213 / 40001) is run again when it is replayable, a
 * bounded number of times; otherwise, and once the replays are spent, the caller gets a
 * ConcurrentChangeException (409); a lost connection is not replayed.
 */
class ReplayableTransactionTest {
  static TestDatabase db;

  @BeforeAll
  static void create() throws Exception {
    db = TestDatabase.create();
    db.database()
        .read(
            c ->
                c.createStatement()
                    .execute("CREATE TABLE counters (id INT PRIMARY KEY, n INT NOT NULL)"));
    db.database()
        .read(c -> c.createStatement().execute("CREATE TABLE ballast (id INT PRIMARY KEY)"));
  }

  @AfterAll
  static void drop() throws Exception {
    db.close();
  }

  @BeforeEach
  void reset() {
    db.database().read(c -> c.createStatement().execute("DELETE FROM counters"));
    db.database().read(c -> c.createStatement().execute("DELETE FROM ballast"));
    db.database()
        .read(c -> c.createStatement().execute("INSERT INTO counters VALUES (1, 0), (2, 0)"));
  }

  @Test
  void a_replayable_transaction_that_loses_a_real_deadlock_is_run_again_and_commits_once()
      throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    int lastAttempt =
        deadlockAgainstAnotherWriter(work -> db.database().inReplayableTransaction(work), attempts);
    assertThat(lastAttempt).isEqualTo(2);
    assertThat(attempts).as("rolled back once by the deadlock, then replayed").hasValue(2);
    // The other writer's increments and exactly one of ours: nothing half applied, nothing applied
    // twice.
    assertThat(counter(1)).isEqualTo(1 + 1);
    assertThat(counter(2)).isEqualTo(1 + 1);
  }

  @Test
  void an_ordinary_transaction_that_loses_a_deadlock_is_a_concurrent_change_and_leaves_nothing() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () -> deadlockAgainstAnotherWriter(work -> db.database().inTransaction(work), attempts))
        .isInstanceOf(ConcurrentChangeException.class)
        .hasRootCauseInstanceOf(SQLException.class);
    assertThat(attempts).hasValue(1);
    assertThat(counter(1)).as("only the other writer's change").isEqualTo(1);
    assertThat(counter(2)).isEqualTo(1);
  }

  @Test
  void replays_are_bounded_then_the_caller_gets_a_concurrent_change() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                db.database()
                    .inReplayableTransaction(
                        c -> {
                          attempts.incrementAndGet();
                          c.createStatement()
                              .executeUpdate("UPDATE counters SET n = n + 1 WHERE id = 1");
                          throw new SQLException(
                              "Deadlock found when trying to get lock; try restarting transaction",
                              "40001",
                              1213);
                        }))
        .isInstanceOf(ConcurrentChangeException.class)
        .hasMessageContaining((1 + Database.REPLAYS) + " times in a row");
    assertThat(attempts).hasValue(1 + Database.REPLAYS);
    assertThat(counter(1)).as("every attempt rolled back").isZero();
  }

  @Test
  void a_lost_connection_is_not_replayed_since_the_commit_may_have_happened() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                db.database()
                    .inReplayableTransaction(
                        c -> {
                          attempts.incrementAndGet();
                          throw new SQLTransientConnectionException("Connection reset", "08000");
                        }))
        .isInstanceOf(DatabaseUnavailableException.class);
    assertThat(attempts).hasValue(1);
  }

  @FunctionalInterface
  interface Runner {
    Integer run(SqlWork<Integer> work);
  }

  /**
   * Our transaction updates row 1, then row 2; another writer, which has changed more rows and so
   * is not InnoDB's victim, holds row 2 and waits for row 1. Our first attempt deadlocks and is
   * rolled back; the other commits.
   */
  private int deadlockAgainstAnotherWriter(Runner runner, AtomicInteger attempts) throws Exception {
    CountDownLatch oursHoldsRow1 = new CountDownLatch(1);
    CountDownLatch otherHoldsRow2 = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicLong otherThread =
        new java.util.concurrent.atomic.AtomicLong();
    CompletableFuture<Void> other =
        CompletableFuture.runAsync(
            () -> {
              try (Connection c = db.database().dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (var st = c.createStatement()) {
                  try (var rs = st.executeQuery("SELECT CONNECTION_ID()")) {
                    rs.next();
                    otherThread.set(rs.getLong(1));
                  }
                  // Heavier than ours: InnoDB rolls back the transaction that changed fewer rows.
                  st.executeUpdate("INSERT INTO ballast SELECT seq FROM seq_1_to_50");
                  st.executeUpdate("UPDATE counters SET n = n + 1 WHERE id = 2");
                  otherHoldsRow2.countDown();
                  oursHoldsRow1.await(10, TimeUnit.SECONDS);
                  st.executeUpdate("UPDATE counters SET n = n + 1 WHERE id = 1");
                }
                c.commit();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      return runner.run(
          c -> {
            int attempt = attempts.incrementAndGet();
            try (var st = c.createStatement()) {
              if (attempt == 1) {
                otherHoldsRow2.await(10, TimeUnit.SECONDS);
              }
              st.executeUpdate("UPDATE counters SET n = n + 1 WHERE id = 1");
              if (attempt == 1) {
                oursHoldsRow1.countDown();
                awaitLockWait(otherThread.get());
              }
              st.executeUpdate("UPDATE counters SET n = n + 1 WHERE id = 2");
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            return attempt;
          });
    } finally {
      other.get(20, TimeUnit.SECONDS);
    }
  }

  /**
   * Until the other writer queues for row 1, so our next statement closes the cycle; at most two
   * seconds. Either order deadlocks, though: if our next statement comes first it queues for row 2,
   * the other's then closes the cycle, and InnoDB still rolls back the lighter transaction, ours.
   * Waiting only makes the usual order likelier.
   */
  private static void awaitLockWait(long thread) throws InterruptedException {
    for (int i = 0; i < 80; i++) {
      long waiting =
          db.database()
              .read(
                  c -> {
                    try (var rs =
                        c.createStatement()
                            .executeQuery(
                                "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_mysql_thread_id = "
                                    + thread)) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  });
      if (waiting > 0) {
        return;
      }
      Thread.sleep(25);
    }
  }

  private int counter(int id) {
    return db.database()
        .read(
            c -> {
              try (var rs =
                  c.createStatement().executeQuery("SELECT n FROM counters WHERE id = " + id)) {
                rs.next();
                return rs.getInt(1);
              }
            });
  }
}
