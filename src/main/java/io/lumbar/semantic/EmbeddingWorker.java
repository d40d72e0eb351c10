package io.lumbar.semantic;

import io.lumbar.db.DataAccessException;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.semantic.PassageVectors.Computed;
import io.lumbar.semantic.PassageVectors.Pending;
import io.lumbar.telemetry.Logfmt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes passage vectors off the request path, on one background thread: passages named by new
 * change-log entries (created, edited, published) first, and a sweep over all passages by id on
 * start and every {@link #SWEEP_EVERY_NANOS} (what the change log cannot show: vectors of another
 * model, a change that committed more than {@link #LATE_WINDOW} ids after the worker read past its
 * id). Ids are handed out as rows are inserted, not as transactions commit (on Galera by each
 * member in turn), so each round reads the last {@link #LATE_WINDOW} ids below its position again
 * and takes the changes it has not seen: embedding a passage whose vector is current is skipped
 * anyway, so reading one twice costs a query, never a wrong vector. Each batch is stored with its
 * change-log entries in one transaction, so the index picks the vectors up like any edit. A round
 * embeds at most {@link #ROUND} passages, so closing never waits long.
 *
 * <p>Several nodes each run a worker: they may embed the same passage twice (same vector, an extra
 * re-index), which costs time, not correctness.
 */
public final class EmbeddingWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);

  /** Passages per transaction. */
  static final int BATCH = 16;

  /** Passages per round at most. */
  static final int ROUND = 128;

  /** Passage ids looked at per sweep query. */
  static final int SWEEP_WINDOW = 2_000;

  static final int CHANGES_PER_ROUND = 2_000;
  static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(10);

  /** Change ids below the position read again each round, for changes that committed late. */
  static final int LATE_WINDOW = 2_000;

  private static final long MAX_BACKOFF_MILLIS = 30_000;

  private final TextEmbedder embedder;
  private final PassageVectors vectors;
  private final AtomicLong embedded = new AtomicLong();
  private final AtomicLong embedNanos = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile ScheduledExecutorService scheduler;
  private long changePosition = -1;

  /** The change ids within {@link #LATE_WINDOW} below the position that were read already. */
  private final java.util.TreeSet<Long> seen = new java.util.TreeSet<>();

  /**
   * Next passage id the sweep looks at; past the highest id, the sweep is done until the next one
   * starts.
   */
  private long sweepFrom = 1;

  private long sweepEnd = -1;
  private long lastSweepNanos;
  private long failures;

  public EmbeddingWorker(TextEmbedder embedder, PassageVectors vectors) {
    this.embedder = embedder;
    this.vectors = vectors;
  }

  /** Starts following the change log every {@code intervalMillis}. */
  public synchronized void start(long intervalMillis) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lumbar-embedding");
              t.setDaemon(true);
              // Embedding is background work: searches come first on a busy machine.
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::roundSafely, 0, intervalMillis, TimeUnit.MILLISECONDS);
    this.scheduler = scheduler;
  }

  /** Passages embedded since start. */
  public long embedded() {
    return embedded.get();
  }

  /** Passages the model failed on since start; they are tried again by the next sweep. */
  public long skipped() {
    return skipped.get();
  }

  /** Mean milliseconds per embedded passage since start (0 before the first). */
  public double millisPerPassage() {
    long n = embedded.get();
    return n == 0 ? 0 : embedNanos.get() / 1e6 / n;
  }

  private void roundSafely() {
    try {
      round();
      failures = 0;
    } catch (DataAccessException e) {
      failures++;
      if (failures == 1) {
        log.warn(Logfmt.line("embedding", "failed", e.getMessage()));
      }
      sleepQuietly(Math.min(MAX_BACKOFF_MILLIS, 500L << Math.min(6, failures)));
    } catch (RuntimeException | Error e) {
      // Never let the task end: a scheduled task that throws is cancelled silently, and semantic
      // search would go
      // stale while /health still says on.
      log.error(Logfmt.line("embedding", "failed", String.valueOf(e)));
    }
  }

  /**
   * One round: new changes first, then the next window of the sweep; at most {@link #ROUND}
   * passages. Returns how many.
   */
  synchronized int round() {
    if (changePosition < 0) {
      // Where the log stands now; everything before it is the sweep's.
      changePosition = vectors.latestChange();
    }
    int done = 0;
    ChangeLog.Batch late =
        vectors.changesBetween(
            Math.max(0, changePosition - LATE_WINDOW), changePosition, LATE_WINDOW);
    ChangeLog.Batch changes = vectors.changesAfter(changePosition, CHANGES_PER_ROUND);
    var passages = new LinkedHashSet<Long>();
    for (int i = 0; i < late.changeIds().size(); i++) {
      if (!seen.contains(late.changeIds().get(i))) {
        passages.add(late.passageIds().get(i));
      }
    }
    passages.addAll(changes.passageIds());
    List<Pending> pending = vectors.pendingAmong(passages);
    if (pending.size() > ROUND) {
      // The rest is left to the sweep's next pass over those ids; the position moves on regardless.
      pending = pending.subList(0, ROUND);
      sweepFrom = Math.min(sweepFrom, pending.getLast().id() + 1);
      sweepEnd = Math.max(sweepEnd, vectors.highestPassageId());
    }
    done += embedAndStore(pending);
    seen.addAll(late.changeIds());
    seen.addAll(changes.changeIds());
    changePosition = changes.lastId();
    seen.headSet(changePosition - LATE_WINDOW, true).clear();
    long now = System.nanoTime();
    if (sweepEnd < 0 && (lastSweepNanos == 0 || now - lastSweepNanos > SWEEP_EVERY_NANOS)) {
      sweepEnd = vectors.highestPassageId();
      lastSweepNanos = now;
    }
    while (sweepEnd >= 0 && done < ROUND) {
      if (sweepFrom > sweepEnd) {
        sweepEnd = -1;
        sweepFrom = 1;
        break;
      }
      long to = Math.min(sweepEnd, sweepFrom + SWEEP_WINDOW - 1);
      List<Pending> window = vectors.pendingBetween(sweepFrom, to);
      if (window.size() > ROUND - done) {
        window = window.subList(0, ROUND - done);
        to = window.getLast().id();
      }
      done += embedAndStore(window);
      sweepFrom = to + 1;
    }
    return done;
  }

  /**
   * Rounds until nothing is left to embed; for commands that need every vector before they end
   * ({@link Semantic#embedMissing}: {@code import}).
   */
  public synchronized int drain() {
    int total = 0;
    for (int n = round(); n > 0 || sweepEnd >= 0; n = round()) {
      total += n;
    }
    return total;
  }

  private int embedAndStore(List<Pending> pending) {
    for (int from = 0; from < pending.size(); from += BATCH) {
      List<Computed> batch = new ArrayList<>(BATCH);
      for (Pending p : pending.subList(from, Math.min(pending.size(), from + BATCH))) {
        long started = System.nanoTime();
        float[] vector;
        try {
          vector = embedder.passage(p.title(), p.sectionPath(), p.heading(), p.text());
        } catch (RuntimeException e) {
          // One passage the model cannot take must not hold back every other: it stays found by its
          // words, and
          // the next sweep tries it again.
          skipped.incrementAndGet();
          log.warn(Logfmt.line("embedding", "skipped", "passage " + p.id() + ": " + e));
          continue;
        }
        embedNanos.addAndGet(System.nanoTime() - started);
        batch.add(new Computed(p.id(), p.textHash(), vector));
      }
      vectors.store(batch);
      embedded.addAndGet(batch.size());
    }
    return pending.size();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops after the batch in progress (not synchronized: a round holds the lock for up to a
   * second).
   */
  @Override
  public void close() {
    ScheduledExecutorService running = scheduler;
    scheduler = null;
    if (running != null) {
      running.shutdown();
      try {
        if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
          running.shutdownNow();
        }
      } catch (InterruptedException e) {
        running.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
