package io.lumbar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's heap over a load run, read from {@code /metrics} every few seconds: heap in use (all
 * heap pools) and the long-lived pool after the last collection that measured it ({@code
 * jvm_gc_live_data_size_bytes}). Whether the heap stays flat is judged on the lowest use in the
 * first and the last minute: the low points are what survives collections, the peaks only show when
 * the next one will come.
 */
final class HeapSamples {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");
  private static final double MB = 1024 * 1024;

  /**
   * Growth from the first to the last minute still called flat: noise of when collections happen to
   * fall.
   */
  private static final double FLAT_BYTES = 32 * MB;

  private static final double FLAT_FRACTION = 0.2;

  /** One reading, {@code seconds} after the measured run began. */
  record Sample(double seconds, long heapUsed, long liveData) {}

  /**
   * The first and the last minute compared. With readings after a full collection ({@code
   * afterFullGc*}, NaN without), those decide: low points and G1's long-lived figure still count
   * garbage no collection has reached.
   */
  record Verdict(
      double firstMinuteLowMb,
      double lastMinuteLowMb,
      double firstLiveMb,
      double lastLiveMb,
      double afterFullGcFirstMb,
      double afterFullGcLastMb,
      boolean flat) {}

  private final List<Sample> samples = new ArrayList<>();

  /** Heap in use right after a full collection the server was asked for, in reading order. */
  private final List<Sample> afterFullGc = new ArrayList<>();

  /** Reads one scrape of the Prometheus text format. */
  static Sample parse(double seconds, String metrics) {
    long heap = 0;
    long live = 0;
    for (String line : metrics.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!m.find()) {
        continue;
      }
      String labels = m.group(2) == null ? "" : m.group(2);
      double value = Double.parseDouble(m.group(3));
      if (m.group(1).equals("jvm_memory_used_bytes") && labels.contains("area=\"heap\"")) {
        heap += (long) value;
      } else if (m.group(1).equals("jvm_gc_live_data_size_bytes")) {
        live = (long) value;
      }
    }
    return new Sample(seconds, heap, live);
  }

  synchronized void add(Sample sample) {
    samples.add(sample);
  }

  synchronized List<Sample> all() {
    return List.copyOf(samples);
  }

  synchronized void addAfterFullGc(Sample sample) {
    afterFullGc.add(sample);
  }

  synchronized List<Sample> afterFullGc() {
    return List.copyOf(afterFullGc);
  }

  /**
   * Compares the first and the last 60 s of a run of {@code seconds} (its first and last third when
   * shorter than two minutes); null when the run is shorter than 30 s, or shorter than two minutes
   * without readings after full collections.
   */
  synchronized Verdict verdict(double seconds) {
    // Under two minutes, low points say when collections happened to fall, not what stays: only
    // readings after full collections decide there.
    if (seconds < 30 || (seconds < 120 && afterFullGc.size() < 2)) {
      return null;
    }
    double window = Math.min(60, seconds / 3);
    List<Sample> first = samples.stream().filter(s -> s.seconds() <= window).toList();
    List<Sample> last = samples.stream().filter(s -> s.seconds() >= seconds - window).toList();
    if (first.isEmpty() || last.isEmpty()) {
      return null;
    }
    double firstLow = first.stream().mapToLong(Sample::heapUsed).min().orElse(0);
    double lastLow = last.stream().mapToLong(Sample::heapUsed).min().orElse(0);
    boolean flat = isFlat(firstLow, lastLow);
    double gcFirst = Double.NaN;
    double gcLast = Double.NaN;
    if (afterFullGc.size() >= 2) {
      gcFirst = afterFullGc.getFirst().heapUsed();
      gcLast = afterFullGc.getLast().heapUsed();
      flat = isFlat(gcFirst, gcLast);
    }
    return new Verdict(
        firstLow / MB,
        lastLow / MB,
        first.getLast().liveData() / MB,
        last.getLast().liveData() / MB,
        gcFirst / MB,
        gcLast / MB,
        flat);
  }

  private static boolean isFlat(double first, double last) {
    return last - first <= Math.max(FLAT_BYTES, FLAT_FRACTION * first);
  }

  /** Heap in use at each reading, in MB, for the report. */
  synchronized String series() {
    StringBuilder line = new StringBuilder();
    for (Sample s : samples) {
      line.append(line.isEmpty() ? "" : " ").append(Math.round(s.heapUsed() / MB));
    }
    return line.toString();
  }
}
