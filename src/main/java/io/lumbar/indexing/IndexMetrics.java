package io.lumbar.indexing;

import io.lumbar.telemetry.LatencyTimers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.ReferenceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's meters: its size, how far it trails the database's change log, and how long refreshes
 * take. Positions are change-log ids; the lag is how many of them the index has yet to apply.
 */
public final class IndexMetrics {
  private static final Logger log = LoggerFactory.getLogger(IndexMetrics.class);

  private IndexMetrics() {}

  public static void bind(MeterRegistry registry, PassageIndex index, IndexFollower follower) {
    Gauge.builder("lumbar.index.documents", index::size)
        .description("Passages searchable right now")
        .register(registry);
    Gauge.builder("lumbar.index.size", () -> orNaN(index::bytesOnDisk))
        .description("Size of the index files on disk")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("lumbar.changelog.position", () -> orNaN(follower::logPosition))
        .description("Latest change-log id committed in the database")
        .register(registry);
    Gauge.builder("lumbar.index.position", follower::appliedPosition)
        .description("Change-log id up to which every change is searchable on this node")
        .register(registry);
    // Read the index first: it only moves forward, so a later database read never shows a negative
    // lag.
    Gauge.builder(
            "lumbar.index.lag",
            () -> {
              long applied = follower.appliedPosition();
              double latest = orNaN(follower::logPosition);
              return Double.isNaN(latest) ? latest : Math.max(0, latest - applied);
            })
        .description("Changes committed in the database but not yet searchable on this node")
        .baseUnit("changes")
        .register(registry);
    index.addRefreshListener(
        new RefreshTimer(
            LatencyTimers.builder("lumbar.index.refresh")
                .description(
                    "Time to make applied changes searchable (near-real-time reader refresh)")
                .register(registry)));
  }

  private interface Measurement {
    long get() throws IOException;
  }

  /** Not a number while the database or the disk cannot answer; a scrape must never fail. */
  private static double orNaN(Measurement measurement) {
    try {
      return measurement.get();
    } catch (IOException | RuntimeException e) {
      log.debug("Metric unavailable: {}", e.getMessage());
      return Double.NaN;
    }
  }

  /** Refreshes are serialized by the searcher manager, so one start time is enough. */
  private static final class RefreshTimer implements ReferenceManager.RefreshListener {
    private final Timer timer;
    private long startedNanos;

    RefreshTimer(Timer timer) {
      this.timer = timer;
    }

    @Override
    public void beforeRefresh() {
      startedNanos = System.nanoTime();
    }

    @Override
    public void afterRefresh(boolean didRefresh) {
      if (didRefresh) {
        timer.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
      }
    }
  }
}
