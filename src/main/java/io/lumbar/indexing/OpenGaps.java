package io.lumbar.indexing;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The change-log follower's state above its safe position, as stored in an index commit: the
 * high-water mark (highest change id applied) and the ids below it still missing, each with when it
 * went missing. Between the position and the high-water mark every id is either applied or one of
 * these holes, so a restart that goes on from this state applies nothing twice and forgets no hole.
 *
 * <p>Text: {@code H;first-last@epochSecond,...}, runs of consecutive holes missing since the same
 * second (a three-member Galera cluster leaves two holes per change, so runs are short). Times are
 * stored by the wall clock, rounded up (younger, so a hole is never dropped early), and read back
 * onto {@link System#nanoTime()}. At most {@link #MAX_RUNS} runs are stored; with more, the stored
 * high-water mark is lowered to below the first run left out, so a restart reads the rest again
 * (re-applying a change is harmless) rather than forgetting a hole.
 */
final class OpenGaps {
  static final int MAX_RUNS = 20_000;

  private OpenGaps() {}

  /**
   * What a commit restores: the high-water mark and the holes, missing since ({@link
   * System#nanoTime()} scale).
   */
  record Restored(long highWater, SortedMap<Long, Long> gaps) {}

  static String encode(
      long position, long highWater, SortedMap<Long, Long> gaps, long nowNanos, long nowMillis) {
    StringBuilder runs = new StringBuilder();
    long stored = highWater;
    int count = 0;
    long first = -1;
    long last = -1;
    long second = -1;
    for (Map.Entry<Long, Long> gap : gaps.entrySet()) {
      long id = gap.getKey();
      long since = epochSecond(gap.getValue(), nowNanos, nowMillis);
      if (first >= 0 && id == last + 1 && since == second) {
        last = id;
        continue;
      }
      if (first >= 0) {
        if (count == MAX_RUNS) {
          // Left out from this run on: a restart goes on from below it.
          stored = first - 1;
          first = -1;
          break;
        }
        append(runs, first, last, second);
        count++;
      }
      first = id;
      last = id;
      second = since;
    }
    if (first >= 0) {
      if (count == MAX_RUNS) {
        stored = first - 1;
      } else {
        append(runs, first, last, second);
      }
    }
    if (stored <= position) {
      return "";
    }
    return stored + ";" + runs;
  }

  private static void append(StringBuilder runs, long first, long last, long second) {
    if (!runs.isEmpty()) {
      runs.append(',');
    }
    runs.append(first).append('-').append(last).append('@').append(second);
  }

  private static long epochSecond(long sinceNanos, long nowNanos, long nowMillis) {
    long ageMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(nowNanos - sinceNanos));
    return Math.ceilDiv(nowMillis - ageMillis, 1_000);
  }

  /**
   * The state {@code text} describes, or null when there is none (an index committed without it, or
   * before this was stored) or it does not fit {@code position} (then the follower starts from the
   * position, as it always did).
   */
  static Restored decode(String text, long position, long nowNanos, long nowMillis) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      int semicolon = text.indexOf(';');
      long highWater = Long.parseLong(text.substring(0, semicolon));
      TreeMap<Long, Long> gaps = new TreeMap<>();
      String runs = text.substring(semicolon + 1);
      if (!runs.isEmpty()) {
        for (String run : runs.split(",")) {
          int dash = run.indexOf('-');
          int at = run.indexOf('@');
          long first = Long.parseLong(run.substring(0, dash));
          long last = Long.parseLong(run.substring(dash + 1, at));
          long ageMillis = Math.max(0, nowMillis - Long.parseLong(run.substring(at + 1)) * 1_000);
          long since =
              nowNanos
                  - TimeUnit.MILLISECONDS.toNanos(Math.min(ageMillis, TimeUnit.DAYS.toMillis(1)));
          for (long id = first; id <= last; id++) {
            gaps.put(id, since);
          }
        }
      }
      // Holes lie above the position and below the high-water mark; the first hole is what held the
      // position.
      if (highWater < position
          || (!gaps.isEmpty()
              && (gaps.firstKey() != position + 1 || gaps.lastKey() >= highWater))) {
        return null;
      }
      if (gaps.isEmpty() && highWater != position) {
        return null;
      }
      return new Restored(highWater, gaps);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
