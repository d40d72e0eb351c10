package io.lumbar.admin;

import io.lumbar.db.NotFoundException;
import io.lumbar.ops.Logfmt;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long operations run in the background, one at a time per node, with progress the console polls. Kept in
 * memory: a job belongs to the node that runs it, and its record only matters while someone watches.
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

  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "console-jobs");
    t.setDaemon(true);
    return t;
  });
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /**
   * Queues {@code work}; {@code kind} is a short fixed word for logs (e.g. {@code reindex}), {@code title} what
   * the console shows. A line is logged when the job starts and when it ends, with its outcome and duration.
   */
  public Job start(String kind, String title, String startedBy, long total, Work work) {
    Job job = new Job(ids.incrementAndGet(), title, startedBy, total);
    jobs.put(job.id, job);
    worker.execute(() -> {
      log.info(Logfmt.line("job_start", "id", job.id, "kind", kind, "by", startedBy, "total", total));
      long started = System.nanoTime();
      try {
        job.message = work.run(done -> job.done = done);
        job.state = "done";
      } catch (Exception e) {
        log.error("Job '{}' failed", title, e);
        job.message = "Failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
        job.state = "failed";
      }
      log.info(Logfmt.line("job_finish", "id", job.id, "kind", kind, "outcome", job.state, "done", job.done,
          "ms", (System.nanoTime() - started) / 1_000_000));
    });
    return job;
  }

  public Job get(long id) {
    Job job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException("Job", id);
    }
    return job;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
