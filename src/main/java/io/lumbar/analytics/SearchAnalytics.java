package io.lumbar.analytics;

import io.lumbar.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records searches for the admin reports without ever slowing down or failing a search: {@link
 * #record} only normalises the query and offers it to a bounded queue; one daemon thread writes the
 * queue to {@code search_log} in batches. When the queue is full or the database is down, searches
 * are dropped and counted, not retried: the reports are statistics, and search has to keep
 * answering without the database.
 */
public final class SearchAnalytics implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SearchAnalytics.class);
  static final int QUEUE_CAPACITY = 10_000;
  static final int BATCH_SIZE = 500;
  static final long FLUSH_INTERVAL_MILLIS = 500;
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  /**
   * Longer than the pool's connection timeout, so a last batch against a dead database can fail
   * cleanly.
   */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final SearchLogDao searchLog;
  private final BlockingQueue<LoggedSearch> queue;
  private final int batchSize;
  private final long flushIntervalNanos;
  private final Thread writer;

  private final AtomicLong dropped = new AtomicLong();
  private volatile String lastDropReason = "";
  private volatile boolean closed;
  // Touched by the writer thread only.
  private long droppedAtLastWarning;
  private long lastWarningNanos = System.nanoTime() - WARN_EVERY_NANOS;

  private SearchAnalytics(Database db, int queueCapacity, int batchSize, long flushIntervalMillis) {
    this.searchLog = new SearchLogDao(db);
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.batchSize = batchSize;
    this.flushIntervalNanos = TimeUnit.MILLISECONDS.toNanos(flushIntervalMillis);
    this.writer = new Thread(this::writeUntilClosed, "search-analytics");
    this.writer.setDaemon(true);
  }

  /** Starts the writer thread with the production queue size, batch size and flush interval. */
  public static SearchAnalytics start(Database db) {
    return start(db, QUEUE_CAPACITY, BATCH_SIZE, FLUSH_INTERVAL_MILLIS);
  }

  static SearchAnalytics start(
      Database db, int queueCapacity, int batchSize, long flushIntervalMillis) {
    SearchAnalytics analytics =
        new SearchAnalytics(db, queueCapacity, batchSize, flushIntervalMillis);
    analytics.writer.start();
    return analytics;
  }

  /** Queues one unfiltered search; see {@link #record(String, String, long, long)}. */
  public void record(String rawQuery, long hits, long latencyMicros) {
    record(rawQuery, "", hits, latencyMicros);
  }

  /**
   * Queues one search for writing; never blocks and never throws. Queries of only punctuation are
   * skipped. {@code filters} is what the search was narrowed by ("cause=sciatica&article=3", "" for
   * none).
   */
  public void record(String rawQuery, String filters, long hits, long latencyMicros) {
    if (closed) {
      return;
    }
    try {
      String query = QueryNormalizer.normalize(rawQuery);
      if (query.isEmpty()) {
        return;
      }
      String kept =
          filters.length() > LoggedSearch.MAX_FILTERS_LENGTH
              ? filters.substring(0, LoggedSearch.MAX_FILTERS_LENGTH)
              : filters;
      if (!queue.offer(
          new LoggedSearch(
              query,
              kept,
              Math.clamp(hits, 0, Integer.MAX_VALUE),
              Math.clamp(latencyMicros, 0, Integer.MAX_VALUE)))) {
        drop(1, "the queue is full");
      } else if (queue.size() >= batchSize) {
        LockSupport.unpark(writer);
      }
    } catch (RuntimeException e) {
      // A bug in here must cost a log row, never a search.
      drop(1, e.toString());
    }
  }

  /** Searches dropped so far because the queue was full or the database failed. */
  long droppedCount() {
    return dropped.get();
  }

  private void writeUntilClosed() {
    while (!closed) {
      if (queue.size() < batchSize) {
        LockSupport.parkNanos(this, flushIntervalNanos);
      }
      writeQueued();
      warnAboutDrops(false);
      purgeNowAndThen();
    }
    // One last attempt; with the database down the rest is dropped rather than retried batch by
    // batch.
    if (!writeQueued()) {
      List<LoggedSearch> rest = new ArrayList<>();
      queue.drainTo(rest);
      drop(rest.size(), lastDropReason);
    }
    warnAboutDrops(true);
  }

  /**
   * The log keeps a year and a bit (reports look back at most 365 days), checked about once an
   * hour.
   */
  static final int KEEP_DAYS = 400;

  private static final long PURGE_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);
  private long lastPurgeNanos = System.nanoTime() - PURGE_EVERY_NANOS;

  private void purgeNowAndThen() {
    if (System.nanoTime() - lastPurgeNanos < PURGE_EVERY_NANOS) {
      return;
    }
    lastPurgeNanos = System.nanoTime();
    try {
      int purged = searchLog.purgeOlderThan(KEEP_DAYS);
      if (purged > 0) {
        log.info("Search log: dropped {} searches older than {} days", purged, KEEP_DAYS);
      }
    } catch (RuntimeException e) {
      // The database may be down; the next hour tries again.
      log.debug("Search log purge failed: {}", e.getMessage());
    }
  }

  /** Writes the queue a batch at a time; false when a batch failed (that batch is dropped). */
  private boolean writeQueued() {
    List<LoggedSearch> batch = new ArrayList<>(batchSize);
    while (queue.drainTo(batch, batchSize) > 0) {
      try {
        searchLog.insert(batch);
      } catch (RuntimeException e) {
        drop(batch.size(), e.getMessage());
        return false;
      }
      batch.clear();
    }
    return true;
  }

  private void drop(int count, String reason) {
    dropped.addAndGet(count);
    lastDropReason = reason;
  }

  /** At most one warning a minute, so a database outage under load does not flood the log. */
  private void warnAboutDrops(boolean evenWithinTheMinute) {
    long total = dropped.get();
    long now = System.nanoTime();
    if (total == droppedAtLastWarning
        || (!evenWithinTheMinute && now - lastWarningNanos < WARN_EVERY_NANOS)) {
      return;
    }
    log.warn(
        "Search analytics dropped {} searches ({}); searching itself is not affected",
        total - droppedAtLastWarning,
        lastDropReason);
    droppedAtLastWarning = total;
    lastWarningNanos = now;
  }

  /** Stops the writer after it has written what is queued, waiting a few seconds at most. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(writer);
    try {
      writer.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      log.warn(
          "Search analytics could not write its last searches within {} ms; they are lost",
          CLOSE_WAIT_MILLIS);
    }
  }
}
