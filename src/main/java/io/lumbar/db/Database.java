package io.lumbar.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The connection pool to Lumbar's MariaDB database, and the only place that opens transactions.
 * {@link #open} creates the database when missing and migrates it, so a server needs nothing but a
 * URL.
 */
public final class Database implements AutoCloseable {
  private static final long PROBE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** How long a caller waits for a pooled connection before the database counts as unreachable. */
  static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

  /** How long {@link #isReachable} waits for its probe. */
  static final long PROBE_WAIT_MILLIS = 800;

  private final HikariDataSource pool;
  private final String name;

  /**
   * While the server is known to be unreachable: when to try it again (System.nanoTime); 0 when
   * reachable.
   */
  private final AtomicLong unreachableUntil = new AtomicLong();

  /** Runs {@link #isReachable}'s probes, one at a time; also its lock. */
  private final ExecutorService prober =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("db-probe").daemon().factory());

  /** The latest probe, guarded by {@link #prober}. */
  private CompletableFuture<Boolean> probe;

  private Database(HikariDataSource pool, String name) {
    this.pool = pool;
    this.name = name;
  }

  /** Connects, creates the database if missing, applies pending migrations. */
  public static Database open(String url, String user, String password) {
    MariaDbUrl parsed = MariaDbUrl.parse(url);
    createIfMissing(parsed, user, password);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(parsed.jdbcUrl());
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("lumbar");
    config.setMaximumPoolSize(16);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setValidationTimeout(1_000);
    // A server that vanishes without closing its sockets must not hang requests: connecting gives
    // up after
    // 2 s, a statement waiting on a silent server after 30 s (long enough for the heaviest bulk
    // edit).
    config.addDataSourceProperty("connectTimeout", "2000");
    config.addDataSourceProperty("socketTimeout", "30000");
    // Start even when the server goes away later; requests then get 503 until it is back.
    config.setInitializationFailTimeout(-1);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      // Its own connection, without the pool's socket timeout: a migration may rightly run for
      // minutes.
      Flyway.configure()
          .dataSource(parsed.jdbcUrl(), user, password)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new DatabaseUnavailableException(
          "Cannot migrate database '" + parsed.database() + "': " + rootMessage(e), e);
    }
    return new Database(pool, parsed.database());
  }

  private static void createIfMissing(MariaDbUrl url, String user, String password) {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "5000");
    try (Connection c = DriverManager.getConnection(url.serverUrl(), props);
        var st = c.createStatement()) {
      st.execute(
          "CREATE DATABASE IF NOT EXISTS "
              + url.quotedDatabase()
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "Cannot reach the database at "
              + url.hostAndPort()
              + " as '"
              + user
              + "': "
              + rootMessage(e),
          e);
    }
  }

  public String name() {
    return name;
  }

  /**
   * Reports the pool (connections active, idle, pending; acquire and usage times) as {@code
   * hikaricp_*} meters.
   */
  public void recordMetrics(MeterRegistry registry) {
    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }

  public DataSource dataSource() {
    return pool;
  }

  /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(SqlWork<T> work) {
    return transact(work, 1);
  }

  /**
   * Like {@link #inTransaction}, for work that may be run again from the start: it reads and writes
   * only through the connection it is given and changes nothing outside it (no files, no counters,
   * no input it consumes). When the database rolls the transaction back because another one changed
   * the same rows at the same time (an InnoDB deadlock, or a Galera cluster's certification failure
   * at commit, both 1213 / SQLState 40001), nothing of it was applied, so it is run again, up to
   * {@link #REPLAYS} times after a short random pause; then the caller gets {@link
   * ConcurrentChangeException} (409). A lost connection is never replayed: a commit cut off might
   * have happened, so that is {@link DatabaseUnavailableException} (503).
   */
  public <T> T inReplayableTransaction(SqlWork<T> work) {
    return transact(work, 1 + REPLAYS);
  }

  /**
   * How many times a replayable transaction is run again after a concurrent change rolled it back.
   */
  static final int REPLAYS = 4;

  private <T> T transact(SqlWork<T> work, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = connection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c, e);
          throw e;
        }
      } catch (SQLException e) {
        if (attempt < attempts && isConcurrentChange(e)) {
          pauseBeforeReplay(attempt);
          continue;
        }
        DataAccessException translated = translate(e);
        if (attempts > 1 && translated instanceof ConcurrentChangeException) {
          throw new ConcurrentChangeException(
              "Changed concurrently " + attempts + " times in a row: " + rootMessage(e), e);
        }
        throw translated;
      }
    }
  }

  /**
   * Rolled back, wholly, because a concurrent transaction won: 1213 (deadlock, Galera conflict) or
   * SQLState 40001.
   */
  static boolean isConcurrentChange(SQLException e) {
    return "40001".equals(e.getSQLState()) || e.getErrorCode() == 1213;
  }

  /** Random, growing: two writers that collided must not collide again at once. */
  private static void pauseBeforeReplay(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseUnavailableException("Interrupted before replaying a transaction", e);
    }
  }

  /** Runs read-only or single-statement work with auto-commit. */
  public <T> T read(SqlWork<T> work) {
    try (Connection c = connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /**
   * True when a pooled connection answers a trivial query within {@link #PROBE_WAIT_MILLIS}: a
   * health check answers within a second even in an outage. The probe runs on its own thread, so
   * the caller never waits on the pool (up to {@link #CONNECTION_TIMEOUT_MILLIS} for a connection
   * while the server is unreachable); a probe still waiting is shared by every caller meanwhile and
   * settles the outage state ({@link #connection}) for them when it ends.
   */
  public boolean isReachable() {
    CompletableFuture<Boolean> running;
    synchronized (prober) {
      if (probe == null || probe.isDone()) {
        probe = CompletableFuture.supplyAsync(this::probeNow, prober);
      }
      running = probe;
    }
    try {
      return running.get(PROBE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean probeNow() {
    try (Connection c = connection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * A pooled connection. Once the server could not be reached, callers fail at once for a second
   * instead of each waiting out the pool's timeout; one caller at a time probes whether it is back.
   */
  private Connection connection() throws SQLException {
    long now = System.nanoTime();
    long until = unreachableUntil.get();
    if (until != 0 && now - until < 0) {
      throw new SQLTransientConnectionException(
          "still unreachable (checked again every second)", "08000");
    }
    if (until != 0 && !unreachableUntil.compareAndSet(until, now + PROBE_EVERY_NANOS)) {
      throw new SQLTransientConnectionException(
          "still unreachable (checked again every second)", "08000");
    }
    try {
      Connection c = pool.getConnection();
      unreachableUntil.set(0);
      return c;
    } catch (SQLException e) {
      if (translate(e) instanceof DatabaseUnavailableException) {
        unreachableUntil.set(System.nanoTime() + PROBE_EVERY_NANOS);
      }
      throw e;
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Connection trouble becomes {@link DatabaseUnavailableException}; anything else is a bug. */
  public static DataAccessException translate(SQLException e) {
    String state = e.getSQLState();
    boolean connectionLost =
        e instanceof SQLTransientConnectionException
            || e instanceof SQLNonTransientConnectionException
            || (state != null && state.startsWith("08"));
    if (connectionLost) {
      return new DatabaseUnavailableException(
          "The database is not reachable: " + rootMessage(e), e);
    }
    // 40001: deadlock, serialization or Galera certification failure; nothing was changed, and
    // trying again will work.
    if (isConcurrentChange(e)) {
      return new ConcurrentChangeException("Changed concurrently: " + rootMessage(e), e);
    }
    return new DataAccessException("Database error: " + rootMessage(e), e);
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  @Override
  public void close() {
    prober.shutdownNow();
    pool.close();
  }
}
