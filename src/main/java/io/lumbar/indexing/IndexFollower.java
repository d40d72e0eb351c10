package io.lumbar.indexing;

import io.lumbar.db.DatabaseUnavailableException;
import io.lumbar.indexing.IndexSource.Change;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the database by following the change log in id order. Each change is
 * applied by reloading the passage: published passages are (re)indexed, anything else is removed,
 * so replaying a change twice is harmless.
 *
 * <p>Ids are handed out when a transaction inserts, not when it commits, so a later id can become
 * visible before an earlier one. A missing id is remembered as a gap and looked for again on each
 * poll; the durable position (stored in the index commit) never passes an open gap. A gap still
 * open after {@link #GAP_TIMEOUT_NANOS} belongs to a rolled-back transaction and is dropped. Its
 * age counts from when the change that revealed it was written, by the database's clock: the
 * missing id was handed out before that. So a hole a killed or rolled-back transaction left long
 * ago is dropped as soon as it is found, and a restart does not wait for it again (nor replay the
 * changes after it on every restart).
 *
 * <p>On a Galera cluster every member hands out ids of its own residue (auto_increment_increment =
 * cluster size), so most ids are holes that never fill, and changes commit out of id order across
 * members. Each index commit therefore stores, besides the position, the high-water mark and the
 * holes still open with their age ({@link OpenGaps}): a restart goes on from exactly there (nothing
 * replayed, no open hole forgotten). Every poll looks up the newest holes and a rotating slice of
 * the older ones, so a late change is applied within a few polls however many holes are open. See
 * docs/galera.md.
 */
public final class IndexFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
  private static final int BATCH = 2_000;

  /** Passages read from the database per query during a rebuild. */
  public static final int REBUILD_BATCH = 1_000;

  private static final long GAP_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(2);

  /**
   * A jump larger than this is a rolled-back bulk write, not transactions in flight; it is not
   * tracked.
   */
  private static final int MAX_TRACKED_GAP = 10_000;

  /** Gaps looked up per poll: this many of the newest, and as many of the others in turn. */
  private static final int GAP_LOOKUPS = 1_000;

  private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final PassageIndex index;
  private final long gapTimeoutNanos;
  private final IndexSource source;
  private final Object lock = new Object();

  /** Held for a whole rebuild, so two never run at once; the follower goes on meanwhile. */
  private final Object rebuildLock = new Object();

  /** Highest change id applied. */
  private long highWater;

  /**
   * Ids below highWater not seen yet, with the time ({@link System#nanoTime()}) they have been
   * missing since.
   */
  private final TreeMap<Long, Long> gaps = new TreeMap<>();

  private long lastCommittedPosition;
  private long lastCommittedHighWater = -1;

  /** The oldest gaps are looked up from here on the next poll, going round. */
  private long gapCursor;

  private long lastCommitNanos = System.nanoTime();
  private ScheduledExecutorService scheduler;
  private volatile boolean databaseWasDown;

  /**
   * {@link #safePosition()} as of the last round, readable without waiting for a round or a
   * rebuild.
   */
  private volatile long appliedPosition;

  private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Only touched by the scheduler thread. */
  private long backoffNanos = MIN_BACKOFF_NANOS;

  private long retryAtNanos;
  private boolean indexWasFailing;

  IndexFollower(PassageIndex index, IndexSource source) {
    this(index, source, GAP_TIMEOUT_NANOS);
  }

  /**
   * With another gap timeout: tests of gaps that never fill (ids skipped by auto-increment steps,
   * rollbacks).
   */
  IndexFollower(PassageIndex index, IndexSource source, long gapTimeoutNanos) {
    this.gapTimeoutNanos = gapTimeoutNanos;
    this.index = index;
    this.source = source;
    this.highWater = index.committedPosition();
    this.lastCommittedPosition = highWater;
    this.appliedPosition = highWater;
    OpenGaps.Restored restored =
        OpenGaps.decode(
            index.committedFollowed(), highWater, System.nanoTime(), System.currentTimeMillis());
    if (restored != null) {
      highWater = restored.highWater();
      lastCommittedHighWater = highWater;
      gaps.putAll(restored.gaps());
      dropExpiredGaps(System.nanoTime());
      appliedPosition = safePosition();
    }
  }

  /** Applies everything the log holds now; returns the number of changes applied. */
  public int catchUp() {
    return catchUp(index);
  }

  private int catchUp(IndexWrites target) {
    int total = 0;
    int applied;
    do {
      applied = pollOnce(target);
      total += applied;
    } while (applied >= BATCH);
    return total;
  }

  /** Follows the log in the background every {@code periodMillis}. */
  public void start(long periodMillis) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "index-follower");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        this::pollSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void pollSafely() {
    long now = System.nanoTime();
    if (retryAtNanos != 0 && now - retryAtNanos < 0) {
      return;
    }
    try {
      catchUp();
      retryAtNanos = 0;
      backoffNanos = MIN_BACKOFF_NANOS;
      if (indexWasFailing) {
        log.info("Index writable again; index follower resumed");
        indexWasFailing = false;
      }
      if (databaseWasDown) {
        log.info("Database reachable again; index follower resumed");
        databaseWasDown = false;
      }
    } catch (DatabaseUnavailableException e) {
      if (!databaseWasDown) {
        log.warn("Index follower paused: {}; retrying every few seconds", e.getMessage());
        databaseWasDown = true;
      }
      backOff(now);
    } catch (IndexUnavailableException e) {
      // Disk full or folder unwritable: search keeps answering from what the index holds; changes
      // wait in the log.
      if (!indexWasFailing) {
        log.error(
            "Index follower cannot write the index, search answers from what it has: {}; retrying",
            e.getMessage());
        indexWasFailing = true;
      }
      backOff(now);
    } catch (RuntimeException e) {
      log.error("Index follower failed; will retry", e);
      backOff(now);
    }
  }

  /**
   * Waits longer after each failure in a row, up to {@link #MAX_BACKOFF_NANOS}, so an outage is not
   * hammered.
   */
  private void backOff(long now) {
    retryAtNanos = now + backoffNanos;
    backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
  }

  /** One round: new changes after the high-water mark, plus any gaps that have since committed. */
  int pollOnce() {
    return pollOnce(index);
  }

  private int pollOnce(IndexWrites target) {
    synchronized (lock) {
      List<Change> fresh = source.changesAfter(highWater, BATCH);
      List<Change> late = source.changesWithIds(gapsToLookUp());
      long now = System.nanoTime();
      List<Change> all = new ArrayList<>(late);
      all.addAll(fresh);
      try {
        if (!all.isEmpty()) {
          apply(target, all);
          target.refresh();
        }
      } catch (IOException e) {
        throw new IndexUnavailableException("Cannot write the search index: " + e.getMessage(), e);
      }
      // Only once applied does the follower move on; a failed round is simply repeated.
      for (Change change : late) {
        gaps.remove(change.id());
      }
      for (Change change : fresh) {
        if (change.id() - highWater <= MAX_TRACKED_GAP) {
          for (long missing = highWater + 1; missing < change.id(); missing++) {
            gaps.put(missing, change.writtenAtNanos());
          }
        }
        highWater = change.id();
      }
      dropExpiredGaps(now);
      appliedPosition = safePosition();
      try {
        maybeCommit(target, now, false);
      } catch (IOException e) {
        throw new IndexUnavailableException("Cannot commit the search index: " + e.getMessage(), e);
      }
      return all.size();
    }
  }

  /**
   * The newest gaps (transactions in flight hold recent ids) and the next slice of the older ones,
   * in turn: with thousands open (a bulk change on Galera leaves two holes per change), each is
   * still looked up every few polls.
   */
  private List<Long> gapsToLookUp() {
    if (gaps.size() <= 2 * GAP_LOOKUPS) {
      return List.copyOf(gaps.keySet());
    }
    Set<Long> ids =
        new LinkedHashSet<>(gaps.descendingKeySet().stream().limit(GAP_LOOKUPS).toList());
    List<Long> older = gaps.tailMap(gapCursor, true).keySet().stream().limit(GAP_LOOKUPS).toList();
    if (older.size() < GAP_LOOKUPS) {
      gapCursor = 0;
    } else {
      gapCursor = older.getLast() + 1;
    }
    ids.addAll(older);
    return List.copyOf(ids);
  }

  private void apply(IndexWrites target, List<Change> changes) throws IOException {
    Set<Long> ids = new LinkedHashSet<>();
    for (Change change : changes) {
      ids.add(change.passageId());
    }
    Map<Long, IndexedPassage> published = source.publishedPassages(ids);
    for (long id : ids) {
      IndexedPassage passage = published.get(id);
      if (passage != null) {
        target.replace(passage);
      } else {
        target.delete(id);
      }
    }
  }

  /**
   * Goes on from what {@code snapshot} reflects of the log; its gaps keep their age, so old holes
   * go at once.
   */
  private void followFrom(IndexSource.Snapshot snapshot) {
    highWater = snapshot.position();
    gaps.clear();
    snapshot.missing().forEach(gap -> gaps.put(gap.id(), gap.sinceNanos()));
    dropExpiredGaps(System.nanoTime());
  }

  private void dropExpiredGaps(long now) {
    gaps.values().removeIf(missingSince -> now - missingSince > gapTimeoutNanos);
  }

  /** The highest change id applied, holes below it or not. */
  long highWater() {
    synchronized (lock) {
      return highWater;
    }
  }

  /** Everything at or below this position is in the index. */
  long safePosition() {
    return gaps.isEmpty() ? highWater : gaps.firstKey() - 1;
  }

  private void maybeCommit(IndexWrites target, long now, boolean force) throws IOException {
    long position = safePosition();
    if ((position != lastCommittedPosition || highWater != lastCommittedHighWater)
        && (force || now - lastCommitNanos > COMMIT_EVERY_NANOS)) {
      commitFollowed(target);
    }
  }

  /**
   * Commits {@code target} with the safe position and, above it, the high-water mark and the gaps
   * still open.
   */
  private void commitFollowed(IndexWrites target) throws IOException {
    long position = safePosition();
    long now = System.nanoTime();
    target.commit(
        position, OpenGaps.encode(position, highWater, gaps, now, System.currentTimeMillis()));
    lastCommittedHighWater = highWater;
    lastCommittedPosition = position;
    lastCommitNanos = now;
  }

  /**
   * The change-log position up to which every change is in the index (searchable after the round's
   * refresh).
   */
  long appliedPosition() {
    return appliedPosition;
  }

  /**
   * The latest change-log position in the database; the distance to {@link #appliedPosition} is the
   * lag.
   */
  long logPosition() {
    return source.latestPosition();
  }

  /**
   * Compares the index with the published passages (see {@link CheckReport}), after catching up
   * with the change log. Holds the follower's lock meanwhile, so changes wait and are applied right
   * after; passages changed while checking are skipped, not reported.
   */
  public CheckReport check(int show) {
    synchronized (lock) {
      return checkLocked(show, null).report();
    }
  }

  /** Checks, replaces or deletes exactly the differing documents, commits, and checks again. */
  public CheckReport.Repair repair(int show) {
    synchronized (lock) {
      CheckedSnapshot found =
          checkLocked(
              show,
              new IndexCheck.Repairs() {
                @Override
                public void replace(IndexedPassage passage) throws IOException {
                  index.replace(passage);
                }

                @Override
                public void delete(long passageId) throws IOException {
                  index.delete(passageId);
                }
              });
      try {
        if (found.report().positionAhead()) {
          // The database forgot changes the index had seen (restored from a backup?): follow its
          // log from here.
          followFrom(found.snapshot());
        }
        commitFollowed(index);
        index.refresh();
      } catch (IOException e) {
        throw new IndexUnavailableException("Cannot commit the search index: " + e.getMessage(), e);
      }
      return new CheckReport.Repair(
          found.report(),
          found.check().replaced(),
          found.check().deleted(),
          checkLocked(show, null).report());
    }
  }

  private record CheckedSnapshot(
      IndexCheck check, CheckReport report, IndexSource.Snapshot snapshot) {}

  private CheckedSnapshot checkLocked(int show, IndexCheck.Repairs repairs) {
    int applied = catchUp();
    try {
      index.refresh();
    } catch (IOException e) {
      throw new IndexUnavailableException("Cannot read the search index: " + e.getMessage(), e);
    }
    var searcher = index.acquire();
    try {
      return source.inSnapshot(
          database -> {
            // Changes the follower has not applied yet (committed after catching up) are on their
            // way, not missing.
            Set<Long> pending = database.passagesChangedAfter(highWater, gaps.keySet());
            IndexCheck check = new IndexCheck(show, pending, repairs);
            check.run(searcher, database);
            CheckReport report =
                check.report(
                    searcher.getIndexReader().numDocs(),
                    safePosition(),
                    database.snapshot().position(),
                    applied);
            return new CheckedSnapshot(check, report, database.snapshot());
          });
    } finally {
      index.release(searcher);
    }
  }

  /** How many passages a rebuild will index: the total for a progress bar. */
  public long publishedCount() {
    return source.publishedCount();
  }

  /**
   * Rebuilds the whole index from the database into a new generation beside the live one, which
   * keeps answering searches and taking edits meanwhile. Once the new generation holds every
   * published passage of its snapshot, the follower's lock is taken, every change after the
   * snapshot (and its open gaps) is replayed into it, and it is committed and swapped in. A failure
   * or interruption discards the new generation; the live one goes on. One rebuild at a time;
   * returns the number of passages in the new index.
   */
  public int rebuild(IntConsumer progress) {
    synchronized (rebuildLock) {
      IndexGeneration next = index.newGeneration();
      boolean swapped = false;
      try {
        int count = rebuildInto(next, progress);
        swapped = true;
        return count;
      } finally {
        if (!swapped) {
          index.discard(next);
        }
      }
    }
  }

  private int rebuildInto(IndexGeneration next, IntConsumer progress) {
    long started = System.nanoTime();
    IndexSource.Snapshot snapshot;
    int count;
    // This thread reads MariaDB while others analyse and add what it read.
    try (ParallelIndexer indexer = new ParallelIndexer(next, Indexing.rebuildThreads())) {
      snapshot =
          source.streamAllPublished(
              REBUILD_BATCH,
              batch -> {
                indexer.submit(batch);
                progress.accept(indexer.indexed());
              });
      count = indexer.finish();
    }
    progress.accept(count);
    long built = System.nanoTime();
    synchronized (lock) {
      long liveHighWater = highWater;
      TreeMap<Long, Long> liveGaps = new TreeMap<>(gaps);
      long liveCommitted = lastCommittedPosition;
      long liveCommittedHighWater = lastCommittedHighWater;
      long liveApplied = appliedPosition;
      boolean swapped = false;
      try {
        // Follow the log from the snapshot: transactions still open then hold lower ids and are
        // gaps.
        followFrom(snapshot);
        int replayed = catchUp(next);
        commitFollowed(next);
        index.swapTo(next);
        swapped = true;
        log.info(
            "Index rebuilt into {}: {} passages read and indexed in {} ms; {} changes made meanwhile replayed, "
                + "committed and swapped in {} ms",
            next.name(),
            count,
            (built - started) / 1_000_000,
            replayed,
            (System.nanoTime() - built) / 1_000_000);
        appliedPosition = safePosition();
        return count;
      } catch (IOException e) {
        throw new IndexUnavailableException("Cannot write the search index: " + e.getMessage(), e);
      } finally {
        if (!swapped) {
          // The live generation stays, so does where it is in the log.
          highWater = liveHighWater;
          gaps.clear();
          gaps.putAll(liveGaps);
          lastCommittedPosition = liveCommitted;
          lastCommittedHighWater = liveCommittedHighWater;
          appliedPosition = liveApplied;
        }
      }
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdown();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (lock) {
      try {
        // What was acknowledged before the server stopped goes into this last commit, not only into
        // the log.
        catchUp();
      } catch (RuntimeException e) {
        log.warn(
            "Could not apply the last changes before shutting down; the next start will: {}",
            e.getMessage());
      }
      try {
        maybeCommit(index, System.nanoTime(), true);
      } catch (IOException e) {
        log.warn("Could not commit the index on shutdown: {}", e.getMessage());
      }
    }
  }
}
