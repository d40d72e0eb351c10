package io.lumbar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packages of the compiled product classes depend on each other without a loop, as the JDK's
 * jdeps sees them: a newcomer can read them bottom up (db, web, telemetry, then the features, then
 * the wiring) and a change in a low package never needs one in a package above it.
 */
class PackageCyclesTest {
  private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+\\S+$");

  @Test
  void noPackageDependsOnItselfThroughOthers() throws Exception {
    Map<String, Set<String>> graph = packageDependencies();

    // A graph read wrongly (jdeps' output changed) would have no cycle either: check it holds known
    // edges.
    assertThat(graph.get("io.lumbar.search")).contains("io.lumbar.db", "io.lumbar.indexing");

    List<List<String>> cycles =
        stronglyConnected(graph).stream().filter(component -> component.size() > 1).toList();
    assertThat(cycles).as(describe(cycles, graph)).isEmpty();
  }

  /**
   * Package → the packages of the same classes folder it uses, from {@code jdeps -verbose:package}.
   */
  private static Map<String, Set<String>> packageDependencies() throws URISyntaxException {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("This JDK has no jdeps"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out), new PrintWriter(err), "-verbose:package", classes.toString());
    assertThat(exit).as("jdeps failed: %s", err).isZero();

    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : out.toString().lines().toList()) {
      Matcher edge = EDGE.matcher(line);
      if (edge.matches()) {
        graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
      }
    }
    // Only edges between packages of this folder; a package never counts as depending on itself.
    graph.forEach(
        (from, to) -> {
          to.retainAll(graph.keySet());
          to.remove(from);
        });
    return graph;
  }

  /** Tarjan's strongly connected components: every package of a component reaches every other. */
  private static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> components = new ArrayList<>();
    for (String start : graph.keySet()) {
      if (!index.containsKey(start)) {
        visit(start, graph, index, low, stack, onStack, components);
      }
    }
    return components;
  }

  private static void visit(
      String node,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<List<String>> components) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        visit(next, graph, index, low, stack, onStack, components);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      List<String> component = new ArrayList<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      components.add(component.stream().sorted().toList());
    }
  }

  /** Each cycle with the edges inside it, so the message says which dependency to cut. */
  private static String describe(List<List<String>> cycles, Map<String, Set<String>> graph) {
    StringBuilder text =
        new StringBuilder("package cycles (run jdeps -verbose:class to see the classes):");
    for (List<String> cycle : cycles) {
      text.append("\n  ").append(cycle);
      for (String from : cycle) {
        for (String to : graph.get(from)) {
          if (cycle.contains(to)) {
            text.append("\n    ").append(from).append(" -> ").append(to);
          }
        }
      }
    }
    return text.toString();
  }
}
