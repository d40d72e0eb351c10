/**
 * What every feature uses to report on itself, without knowing who reads it: {@link
 * io.lumbar.telemetry.Logfmt} (one {@code event key=value} log line per event) and {@link
 * io.lumbar.telemetry.LatencyTimers} (Micrometer timers with one shared set of histogram buckets).
 *
 * <p>Depends on no other Lumbar package, so indexing, search, semantic and admin can use it while
 * {@code ops/}, which observes them, sits above them.
 */
package io.lumbar.telemetry;
