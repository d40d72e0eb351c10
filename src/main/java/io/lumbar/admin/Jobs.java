package io.lumbar.admin;

import io.lumbar.db.NotFoundException;
import io.lumbar.telemetry.Logfmt;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long operations run in the background, one at a time per node, with progress the console polls.
 * Kept in memory: a job belongs to the node that runs it, and its record only matters while someone
 * watches.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);

  /** A running or finished job: how far it got and how it ended. */
  public static final class Job {
    private final long id;
    private final String title;
    private final String startedBy;
    private final Instant startedAt = Instant.now();
    private volatile long done;
    private volatile long total;
    private volatile String state = "running";
    private volatile String message = "";

    Job(long id, String title, String startedBy, long total) {
      this.id = id;
      this.title = title;
      this.startedBy = startedBy;
      this.total = total;
    }

    public long id() {
      return id;
    }

    public String title() {
      return title;
    }

    public String startedBy() {
      return startedBy;
    }

    public Instant startedAt() {
      return startedAt;
    }

    public long done() {
      return done;
    }

    public long total() {
      return Math.max(total, done);
    }

    public String state() {
      return state;
    }

    public String message() {
      return message;
    }

    public boolean running() {
      return "running".equals(state);
    }

    public int percent() {
      return total() == 0 ? (running() ? 0 : 100) : (int) (100 * done / total());
    }
  }

  /** The work of a job; reports progress, returns the line shown when it is done. */
  public interface Work {
    String run(LongConsumer progress) throws Exception;
  }

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "console-jobs");
            t.setDaemon(true);
            return t;
          });
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private static final long FINISH_WAIT_SECONDS = 20;
  private volatile boolean closing;

  /**
   * Queues {@code work}; {@code kind} is a short fixed word for logs (e.g. {@code reindex}), {@code
   * title} what the console shows. A line is logged when the job starts and when it ends, with its
   * outcome and duration.
   */
  public Job start(String kind, String title, String startedBy, long total, Work work) {
    Job job = new Job(ids.incrementAndGet(), title, startedBy, total);
    jobs.put(job.id, job);
    worker.execute(
        () -> {
          if (closing) {
            job.message = "Not started: the server was shutting down.";
            job.state = "failed";
            return;
          }
          log.info(
              Logfmt.line(
                  "job_start", "id", job.id, "kind", kind, "by", startedBy, "total", total));
          long started = System.nanoTime();
          try {
            job.message = work.run(done -> job.done = done);
            job.state = "done";
          } catch (Exception e) {
            log.error("Job '{}' failed", title, e);
            job.message = "Failed: " + reason(e);
            job.state = "failed";
          }
          log.info(
              Logfmt.line(
                  "job_finish",
                  "id",
                  job.id,
                  "kind",
                  kind,
                  "outcome",
                  job.state,
                  "done",
                  job.done,
                  "ms",
                  (System.nanoTime() - started) / 1_000_000));
        });
    return job;
  }

  /**
   * What editors may read of a failure: messages written for them; driver and SQL text stays in the
   * log.
   */
  static String reason(Exception e) {
    return switch (e) {
      case io.lumbar.web.BadRequestException bad -> bad.getMessage();
      case io.lumbar.db.NotFoundException missing -> missing.getMessage();
      case io.lumbar.db.DatabaseUnavailableException down ->
          "the database is unavailable; try again shortly.";
      case io.lumbar.indexing.IndexUnavailableException index ->
          "the search index could not be written; see the server log.";
      default -> "an unexpected error; the details are in the server log.";
    };
  }

  public Job get(long id) {
    Job job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException("Job", id);
    }
    return job;
  }

  /**
   * Lets the job in progress finish (up to {@link #FINISH_WAIT_SECONDS}), drops those still queued,
   * then interrupts what is left: a rebuild cut short is discarded, the live index goes on.
   */
  @Override
  public void close() {
    closing = true;
    worker.shutdown();
    try {
      if (!worker.awaitTermination(FINISH_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn(
            "A console job did not finish within {} s of shutting down; interrupting it",
            FINISH_WAIT_SECONDS);
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
