package io.lumbar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs a query mix against one system with C client threads for a fixed time and measures throughput and
 * latency. Each client walks the mix from its own offset; a query in flight when time is up is finished and
 * counted, so a slow system (MariaDB at a million passages) reports what it achieved rather than nothing.
 */
final class LoadRunner {
  /** One query against the system under test; returns the number of hits (unused beyond keeping the work honest). */
  @FunctionalInterface
  interface Searcher {
    long search(String query) throws Exception;
  }

  /** What one system achieved: queries per second and latency percentiles in milliseconds. */
  record Throughput(long queries, long errors, double seconds, double qps, double p50Ms, double p99Ms, double maxMs) {}

  private static final long HIGHEST_MICROS = 600_000_000L;

  private LoadRunner() {}

  static Throughput run(List<String> queries, int clients, double warmupSeconds, double seconds, Searcher searcher) {
    drive(queries, clients, warmupSeconds, searcher);
    return drive(queries, clients, seconds, searcher);
  }

  private static Throughput drive(List<String> queries, int clients, double seconds, Searcher searcher) {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<Histogram> histograms = new ArrayList<>();
    long[] errors = new long[clients];
    AtomicReference<Exception> firstError = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
      histograms.add(histogram);
      int client = t;
      threads.add(Thread.ofPlatform().name("bench-client-" + t).start(() -> {
        int next = client * queries.size() / clients;
        while (System.nanoTime() < deadline) {
          String query = queries.get(next++ % queries.size());
          long sent = System.nanoTime();
          try {
            searcher.search(query);
            histogram.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - sent) / 1_000));
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
    double elapsed = (System.nanoTime() - start) / 1e9;
    Histogram all = new Histogram(HIGHEST_MICROS, 3);
    histograms.forEach(all::add);
    long errorCount = java.util.Arrays.stream(errors).sum();
    if (all.getTotalCount() == 0 && errorCount > 0) {
      throw new IllegalStateException("Every query failed: " + firstError.get().getMessage(), firstError.get());
    }
    return new Throughput(all.getTotalCount(), errorCount, elapsed, all.getTotalCount() / elapsed,
        all.getValueAtPercentile(50) / 1e3, all.getValueAtPercentile(99) / 1e3, all.getMaxValue() / 1e3);
  }
}
