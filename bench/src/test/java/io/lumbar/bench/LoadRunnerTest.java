package io.lumbar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.bench.LoadRunner.Throughput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {
  @Test
  void
      systems_take_turns_and_each_counts_all_its_turns_while_its_clients_walk_on_through_the_mix() {
    List<String> mix = List.of("a", "b", "c", "d", "e", "f");
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    List<String> firstQueries = Collections.synchronizedList(new ArrayList<>());
    AtomicLong measuredA = new AtomicLong();
    AtomicLong measuredB = new AtomicLong();
    LoadRunner.Searcher a =
        query -> {
          order.add("A");
          firstQueries.add(query);
          measuredA.incrementAndGet();
          Thread.sleep(2);
          return 1;
        };
    LoadRunner.Searcher b =
        query -> {
          order.add("B");
          measuredB.incrementAndGet();
          Thread.sleep(2);
          return 1;
        };

    List<Throughput> results = LoadRunner.interleaved(mix, 1, 0, 0.6, 3, List.of(a, b));

    List<String> turns = new ArrayList<>();
    for (String system : order) {
      if (turns.isEmpty() || !turns.getLast().equals(system)) {
        turns.add(system);
      }
    }
    assertThat(turns).containsExactly("A", "B", "A", "B", "A", "B");
    assertThat(results.get(0).queries()).isEqualTo(measuredA.get());
    assertThat(results.get(1).queries()).isEqualTo(measuredB.get());
    assertThat(results.get(0).seconds()).isBetween(0.55, 1.5);
    assertThat(results.get(0).qps()).isEqualTo(results.get(0).queries() / results.get(0).seconds());
    // One client walks the mix in order across turns instead of starting it again each turn.
    for (int i = 0; i < firstQueries.size(); i++) {
      assertThat(firstQueries.get(i)).isEqualTo(mix.get(i % mix.size()));
    }
  }

  @Test
  void a_failing_system_is_reported_with_its_first_error() {
    LoadRunner.Searcher broken =
        query -> {
          throw new IllegalStateException("down");
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LoadRunner.run(List.of("q"), 2, 0, 0.05, broken))
        .hasMessageContaining("Every query failed: down");
  }
}
