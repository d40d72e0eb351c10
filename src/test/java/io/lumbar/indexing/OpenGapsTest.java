package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The follower's holes as an index commit stores them: read back the same, never younger than they
 * were.
 */
class OpenGapsTest {
  static final long NOW_NANOS = 5_000_000_000_000L;
  static final long NOW_MILLIS = 1_800_000_000_000L;

  @Test
  void holes_and_high_water_round_trip_in_runs_with_their_age() {
    TreeMap<Long, Long> gaps = new TreeMap<>();
    long tenSecondsAgo = NOW_NANOS - TimeUnit.SECONDS.toNanos(10);
    gaps.put(11L, tenSecondsAgo);
    gaps.put(12L, tenSecondsAgo);
    gaps.put(14L, NOW_NANOS);
    String text = OpenGaps.encode(10, 16, gaps, NOW_NANOS, NOW_MILLIS);
    assertThat(text).isEqualTo("16;11-12@1799999990,14-14@1800000000");

    OpenGaps.Restored restored = OpenGaps.decode(text, 10, NOW_NANOS + 1_000, NOW_MILLIS + 2_000);
    assertThat(restored.highWater()).isEqualTo(16);
    assertThat(restored.gaps().keySet()).containsExactly(11L, 12L, 14L);
    long age = NOW_NANOS + 1_000 - restored.gaps().get(11L);
    assertThat(age)
        .as("ten seconds, plus the two of the restart")
        .isEqualTo(TimeUnit.SECONDS.toNanos(12));
  }

  @Test
  void nothing_is_stored_without_holes_and_a_state_that_does_not_fit_the_position_is_ignored() {
    assertThat(OpenGaps.encode(16, 16, new TreeMap<>(), NOW_NANOS, NOW_MILLIS)).isEmpty();
    assertThat(OpenGaps.decode("", 16, NOW_NANOS, NOW_MILLIS)).isNull();
    assertThat(OpenGaps.decode("16;12-12@1800000000", 10, NOW_NANOS, NOW_MILLIS))
        .as("first hole is not position+1")
        .isNull();
    assertThat(OpenGaps.decode("16;11-17@1800000000", 10, NOW_NANOS, NOW_MILLIS))
        .as("hole above the high water")
        .isNull();
    assertThat(OpenGaps.decode("garbage", 10, NOW_NANOS, NOW_MILLIS)).isNull();
  }

  @Test
  void beyond_the_runs_stored_the_high_water_mark_is_lowered_so_a_restart_reads_the_rest_again() {
    TreeMap<Long, Long> gaps = new TreeMap<>();
    // Holes two by two, as a three-member cluster leaves them: one run per change.
    for (long change = 0; change < OpenGaps.MAX_RUNS + 5; change++) {
      gaps.put(1 + 3 * change, NOW_NANOS);
      gaps.put(2 + 3 * change, NOW_NANOS);
    }
    String text = OpenGaps.encode(0, 3L * (OpenGaps.MAX_RUNS + 10), gaps, NOW_NANOS, NOW_MILLIS);
    OpenGaps.Restored restored = OpenGaps.decode(text, 0, NOW_NANOS, NOW_MILLIS);
    long firstLeftOut = 1 + 3L * OpenGaps.MAX_RUNS;
    assertThat(restored.highWater()).isEqualTo(firstLeftOut - 1);
    assertThat(restored.gaps()).hasSize(2 * OpenGaps.MAX_RUNS);
    assertThat(restored.gaps().lastKey()).isLessThan(restored.highWater());
  }
}
