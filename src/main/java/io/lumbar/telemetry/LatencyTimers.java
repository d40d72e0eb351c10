package io.lumbar.telemetry;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Timers with one fixed set of histogram buckets, 1 ms to 10 s: enough to read p50/p99 of fast
 * searches and of slow imports, few enough (13) to keep a series per route affordable.
 */
public final class LatencyTimers {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2_500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private LatencyTimers() {}

  public static Timer.Builder builder(String name) {
    return Timer.builder(name).serviceLevelObjectives(BUCKETS);
  }
}
