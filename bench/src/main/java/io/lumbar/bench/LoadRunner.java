package io.lumbar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs a query mix against one system, or several taking turns, with C client threads for a fixed
 * time and measures throughput and latency. Each client walks the mix from its own offset; a query
 * in flight when time is up is finished and counted, so a slow system (MariaDB at a million
 * passages) reports what it achieved rather than nothing.
 */
final class LoadRunner {
  /**
   * One query against the system under test; returns the number of hits (unused beyond keeping the
   * work honest).
   */
  @FunctionalInterface
  interface Searcher {
    long search(String query) throws Exception;
  }

  /** What one system achieved: queries per second and latency percentiles in milliseconds. */
  record Throughput(
      long queries,
      long errors,
      double seconds,
      double qps,
      double p50Ms,
      double p99Ms,
      double maxMs) {}

  private static final long HIGHEST_MICROS = 600_000_000L;

  private LoadRunner() {}

  static Throughput run(
      List<String> queries, int clients, double warmupSeconds, double seconds, Searcher searcher) {
    return interleaved(queries, clients, warmupSeconds, seconds, 1, List.of(searcher)).getFirst();
  }

  /**
   * Measures several systems taking turns: each warms up on its own, then each gets {@code seconds
   * / rounds} in turn, {@code rounds} times, and its figures are those of all its turns together. A
   * machine whose speed drifts during a run (a shared virtual machine's did by a third within
   * minutes) then slows every system alike, and the ratios between them hold.
   */
  static List<Throughput> interleaved(
      List<String> queries,
      int clients,
      double warmupSeconds,
      double seconds,
      int rounds,
      List<Searcher> systems) {
    for (Searcher system : systems) {
      new Lane(system, clients, queries.size()).drive(queries, warmupSeconds);
    }
    List<Lane> lanes =
        systems.stream().map(system -> new Lane(system, clients, queries.size())).toList();
    for (int round = 0; round < rounds; round++) {
      for (Lane lane : lanes) {
        lane.drive(queries, seconds / rounds);
      }
    }
    return lanes.stream().map(Lane::throughput).toList();
  }

  /** One system's clients: where each is in the mix, and what they measured so far. */
  private static final class Lane {
    private final Searcher searcher;
    private final Histogram[] histograms;
    private final long[] errors;
    private final int[] next;
    private final AtomicReference<Exception> firstError = new AtomicReference<>();
    private double elapsedSeconds;

    Lane(Searcher searcher, int clients, int mixSize) {
      this.searcher = searcher;
      this.histograms = new Histogram[clients];
      this.errors = new long[clients];
      this.next = new int[clients];
      for (int client = 0; client < clients; client++) {
        histograms[client] = new Histogram(HIGHEST_MICROS, 3);
        next[client] = client * mixSize / clients;
      }
    }

    void drive(List<String> queries, double seconds) {
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < histograms.length; t++) {
        int client = t;
        threads.add(
            Thread.ofPlatform()
                .name("bench-client-" + t)
                .start(
                    () -> {
                      while (System.nanoTime() < deadline) {
                        String query = queries.get(next[client]++ % queries.size());
                        long sent = System.nanoTime();
                        try {
                          searcher.search(query);
                          histograms[client].recordValue(
                              Math.min(HIGHEST_MICROS, (System.nanoTime() - sent) / 1_000));
                        } catch (Exception e) {
                          errors[client]++;
                          firstError.compareAndSet(null, e);
                        }
                      }
                    }));
      }
      for (Thread thread : threads) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while measuring", e);
        }
      }
      elapsedSeconds += (System.nanoTime() - start) / 1e9;
    }

    Throughput throughput() {
      Histogram all = new Histogram(HIGHEST_MICROS, 3);
      for (Histogram histogram : histograms) {
        all.add(histogram);
      }
      long errorCount = java.util.Arrays.stream(errors).sum();
      if (all.getTotalCount() == 0 && errorCount > 0) {
        throw new IllegalStateException(
            "Every query failed: " + firstError.get().getMessage(), firstError.get());
      }
      return new Throughput(
          all.getTotalCount(),
          errorCount,
          elapsedSeconds,
          all.getTotalCount() / elapsedSeconds,
          all.getValueAtPercentile(50) / 1e3,
          all.getValueAtPercentile(99) / 1e3,
          all.getMaxValue() / 1e3);
    }
  }
}
