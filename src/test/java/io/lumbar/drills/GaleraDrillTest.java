package io.lumbar.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.config.Config;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.GaleraCluster;
import io.lumbar.testing.ServerProcess;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Galera drill of issue 22: a three-member MariaDB Galera cluster on this machine ({@link
 * GaleraCluster}), two Lumbar servers in JVMs of their own with failover URLs over all three
 * members (node A tries member 0 first, node B member 1), an editor saving passages through each
 * node, passage after passage, round and round. A third of the way through node A's saves, member 0
 * (node A's) gets SIGKILL; node A must go on through another member without a restart. Two thirds
 * through, member 0 is started again and rejoins while the editors go on. Then each passage's last
 * acknowledged save must be in the database (read on the rejoined member) and found by search on
 * both nodes, and each node's consistency check must find its index equal to the database.
 *
 * <p>Not part of {@code mvn verify}: {@code mvn -B -o test -Pdrills -Dtest=GaleraDrillTest}, with
 * {@code -Ddrill.edits=300} (saves through node A; node B saves meanwhile), {@code
 * -Ddrill.galera.port=3311} (members' client ports from there; group, incremental and snapshot
 * transfer ports at +1260, +1270, +1280). Skipped when galera-4 or mariadb-backup is not installed.
 * Bounded: every wait has a limit (members synced 3 min, servers up 5 min, recovery and search 2
 * min). Lines go to the console and {@code target/drills/galera-drill.txt}; logs of members and
 * servers under {@code target/drills/galera/}.
 */
@Tag("drill")
class GaleraDrillTest {
  private static final int EDITS = Integer.getInteger("drill.edits", 300);
  private static final int PORT = Integer.getInteger("drill.galera.port", 3311);
  private static final String DATABASE = "lumbar";
  private static final String EDITOR = "galera-editor";
  private static final String ADMIN = "galera-admin";
  private static final String PASSWORD = "a long enough drill password";
  private static final long LIMIT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
  private static final Path WORK = Path.of("target/drills/galera");

  private GaleraCluster cluster;
  private ServerProcess nodeA;
  private ServerProcess nodeB;
  private PrintWriter out;

  @AfterEach
  void cleanUp() {
    for (ServerProcess node : new ServerProcess[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (cluster != null) {
      cluster.close();
    }
    if (out != null) {
      out.close();
    }
  }

  @Test
  void a_node_survives_the_sigkill_of_its_database_member_and_no_acknowledged_edit_is_lost()
      throws Exception {
    String missing = GaleraCluster.missing();
    assumeTrue(missing == null, () -> "Galera drill skipped: " + missing);
    Files.createDirectories(WORK.getParent());
    out =
        new PrintWriter(
            Files.newBufferedWriter(
                Path.of("target/drills/galera-drill.txt"), StandardCharsets.UTF_8),
            true);
    long started = System.nanoTime();
    cluster = GaleraCluster.start(WORK.resolve("cluster"), PORT);
    say(
        "galera drill: 3 members on ports %d-%d synced in %.1f s; %d saves per node",
        PORT, PORT + 2, seconds(started), EDITS);

    Map<String, String> envA = env(cluster.failoverUrl(0, DATABASE), "a");
    Map<String, String> envB = env(cluster.failoverUrl(1, DATABASE), "b");
    long serving = System.nanoTime();
    // Node A creates the database and imports the bundled articles; node B then starts on it.
    nodeA = ServerProcess.start(envA, WORK.resolve("node-a.log"), "512m");
    ConsoleSession.createUser(Config.fromMap(envA), EDITOR, PASSWORD, false);
    ConsoleSession.createUser(Config.fromMap(envA), ADMIN, PASSWORD, true);
    nodeB = ServerProcess.start(envB, WORK.resolve("node-b.log"), "512m");
    say(
        "node A (%s) and node B (%s) serving after %.1f s",
        envA.get("LUMBAR_DB_URL"), envB.get("LUMBAR_DB_URL"), seconds(serving));

    List<Long> published = publishedIds();
    Collections.shuffle(published, new Random(22));
    int half = published.size() / 2;
    Editor editorA = new Editor("A", signIn(nodeA, EDITOR), published.subList(0, half), "zqgalaa");
    Editor editorB =
        new Editor("B", signIn(nodeB, EDITOR), published.subList(half, 2 * half), "zqgalab");
    Thread a = Thread.ofPlatform().name("editor-a").start(editorA);
    Thread b = Thread.ofPlatform().name("editor-b").start(editorB);

    await("a third of node A's saves", () -> editorA.attempted.get() >= EDITS / 3);
    long killed = System.nanoTime();
    cluster.kill(0);
    say("member 0 killed (SIGKILL) after %d saves on node A", editorA.attempted.get());
    await(
        "node A's first save acknowledged after the kill",
        () -> editorA.lastAcknowledgedNanos.get() > killed);
    long recovered = editorA.lastAcknowledgedNanos.get() - killed;
    say(
        "node A acknowledged a save again %.2f s after the kill (refused meanwhile: %d); cluster size %d",
        recovered / 1e9, editorA.refused.get(), cluster.clusterSize(1));

    await("two thirds of node A's saves", () -> editorA.attempted.get() >= 2 * EDITS / 3);
    long rejoining = System.nanoTime();
    int savedBeforeRejoin = editorA.acknowledgedCount.get() + editorB.acknowledgedCount.get();
    cluster.rejoin(0);
    double rejoined = seconds(rejoining);
    say(
        "member 0 rejoined and synced in %.1f s while %d saves were acknowledged; cluster size %d",
        rejoined,
        editorA.acknowledgedCount.get() + editorB.acknowledgedCount.get() - savedBeforeRejoin,
        cluster.clusterSize(0));
    await("the rest of node A's saves", () -> editorA.attempted.get() >= EDITS);
    editorA.stop = true;
    editorB.stop = true;
    a.join();
    b.join();

    List<String> failures = new ArrayList<>(editorA.failures);
    failures.addAll(editorB.failures);
    long searchable = System.nanoTime();
    int lost = 0;
    for (Editor editor : List.of(editorA, editorB)) {
      lost += editor.verify(failures);
    }
    say(
        "every acknowledged save in the database (read on the rejoined member) and searched on both nodes: %.1f s",
        seconds(searchable));
    for (var node : List.of(Map.entry("A", nodeA), Map.entry("B", nodeB))) {
      JsonNode check = signIn(node.getValue(), ADMIN).get("/api/admin/check?show=10").json();
      say(
          "check on node %s: %s (index %d documents, database %d published)",
          node.getKey(),
          check.path("consistent").asBoolean() ? "consistent" : "DIFFERENCES " + check,
          check.path("indexDocuments").asLong(),
          check.path("publishedPassages").asLong());
      if (!check.path("consistent").asBoolean()) {
        failures.add("check on node " + node.getKey() + ": " + check);
      }
    }

    say("");
    say(
        "| saves | acknowledged | refused | lost | node A acknowledges again after the kill | member rejoined in |");
    say("| ---: | ---: | ---: | ---: | ---: | ---: |");
    say(
        "| %d | %d | %d | %d | %.2f s | %.1f s |",
        editorA.attempted.get() + editorB.attempted.get(),
        editorA.acknowledgedCount.get() + editorB.acknowledgedCount.get(),
        editorA.refused.get() + editorB.refused.get(),
        lost,
        recovered / 1e9,
        rejoined);
    say(
        "per node: A %d saves, %d acknowledged, %d refused %s; B %d saves, %d acknowledged, %d refused %s; refused but"
            + " committed %d; passages edited %d; drill took %.0f s",
        editorA.attempted.get(),
        editorA.acknowledgedCount.get(),
        editorA.refused.get(),
        editorA.refusals,
        editorB.attempted.get(),
        editorB.acknowledgedCount.get(),
        editorB.refused.get(),
        editorB.refusals,
        editorA.refusedButCommitted + editorB.refusedButCommitted,
        editorA.acknowledged.size() + editorB.acknowledged.size(),
        seconds(started));
    assertThat(failures).as("failures (see target/drills/galera-drill.txt)").isEmpty();
    assertThat(lost).isZero();
    assertThat(editorA.lastAcknowledgedNanos.get())
        .as("node A saved after the kill")
        .isGreaterThan(killed);
  }

  private Map<String, String> env(String url, String node) {
    return Map.of(
        "LUMBAR_DB_URL",
        url,
        "LUMBAR_DB_USER",
        "root",
        "LUMBAR_DB_PASSWORD",
        "",
        "LUMBAR_INDEX_DIR",
        WORK.resolve("index-" + node).toAbsolutePath().toString(),
        // The drill is about the database; embedding every passage on two nodes would only slow it
        // down.
        "LUMBAR_SEMANTIC",
        "off");
  }

  private static ConsoleSession signIn(ServerProcess node, String user) {
    ConsoleSession session = new ConsoleSession(node::uri);
    Page answer = session.login(user, PASSWORD);
    if (answer.status() != 302) {
      throw new IllegalStateException("Cannot sign in as " + user + ": " + answer.status());
    }
    return session;
  }

  private interface Condition {
    boolean holds();
  }

  private static void await(String what, Condition condition) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT_NANOS;
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Not within 2 minutes: " + what);
      }
      Thread.sleep(20);
    }
  }

  /**
   * A connection that tries the rejoined member 0 first: what it holds is what the cluster holds.
   */
  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        cluster.failoverUrl(0, DATABASE) + "&sslMode=disable", "root", "");
  }

  private List<Long> publishedIds() throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = connect();
        var rs =
            c.createStatement()
                .executeQuery("SELECT id FROM passages WHERE status = 'published' ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private void say(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println(line);
    out.println(line);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /**
   * Saves its passages in turn through one node, each time with a word of its own, until told to
   * stop; remembers per passage the last save the node acknowledged (the "saved" redirect) and the
   * saves after it the node refused (any other answer: 503 while the database is away, 409). A
   * refused save may still have committed (a commit cut off by the kill), so the database may hold
   * one of those instead; it must never hold anything older.
   */
  private final class Editor implements Runnable {
    private static final Pattern WORD = Pattern.compile("edit (zqgal[a-z0-9]+):");
    private final String node;
    private final ConsoleSession session;
    private final List<Long> ids;
    private final String prefix;

    /** Per passage, the word of its last acknowledged save. */
    final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

    /** Per passage, the words of saves refused since its last acknowledged one. */
    final Map<Long, List<String>> refusedSince = new ConcurrentHashMap<>();

    final AtomicInteger attempted = new AtomicInteger();
    final AtomicInteger acknowledgedCount = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
    final AtomicLong lastAcknowledgedNanos = new AtomicLong();
    final List<String> failures = new CopyOnWriteArrayList<>();
    volatile boolean stop;

    /**
     * Refused saves the database holds all the same: commits a kill cut off after they happened.
     */
    int refusedButCommitted;

    Editor(String node, ConsoleSession session, List<Long> ids, String prefix) {
      this.node = node;
      this.session = session;
      this.ids = ids;
      this.prefix = prefix;
    }

    @Override
    public void run() {
      int n = 0;
      while (!stop) {
        long id = ids.get(n % ids.size());
        String word = prefix + (++n);
        attempted.incrementAndGet();
        try {
          Page form = session.get("/admin/passages/" + id);
          if (form.status() != 200) {
            refuse(form.status(), id, null);
            continue;
          }
          Page saved =
              session.post(
                  "/admin/passages/" + id,
                  Map.of(
                      "version",
                      Integer.toString(form.formVersion()),
                      "heading",
                      "",
                      "text",
                      "Galera drill edit "
                          + word
                          + ": a short walk each hour keeps the back from stiffening.",
                      "status",
                      "published",
                      "reject_reason",
                      "",
                      "action",
                      "save"));
          if (saved.status() == 302 && String.valueOf(saved.location()).endsWith("done=saved")) {
            acknowledged.put(id, word);
            refusedSince.remove(id);
            acknowledgedCount.incrementAndGet();
            lastAcknowledgedNanos.set(System.nanoTime());
          } else if (saved.status() >= 500 && saved.status() != 503) {
            failures.add("node " + node + ": save of " + id + " answered " + saved.status());
          } else {
            refuse(saved.status(), id, word);
          }
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          failures.add("node " + node + ": save of " + id + " failed: " + e.getMessage());
        }
      }
    }

    private void refuse(int status, long id, String word) {
      refused.incrementAndGet();
      refusals.merge(status, 1, Integer::sum);
      if (word != null) {
        refusedSince.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(word);
      }
    }

    /**
     * Each passage's last acknowledged save (or a refused one after it) in the database and found
     * on both nodes, waiting up to 2 minutes for search; returns how many acknowledged saves are
     * lost.
     */
    int verify(List<String> failures) throws Exception {
      Map<Long, String> inDatabase = new java.util.HashMap<>();
      int lost = 0;
      try (Connection c = connect();
          var st =
              c.prepareStatement(
                  "SELECT text FROM passages WHERE id = ? AND status = 'published'")) {
        for (var edit : acknowledged.entrySet()) {
          st.setLong(1, edit.getKey());
          try (var rs = st.executeQuery()) {
            Matcher m = rs.next() ? WORD.matcher(rs.getString(1)) : null;
            String held = m != null && m.find() ? m.group(1) : null;
            if (edit.getValue().equals(held)) {
              inDatabase.put(edit.getKey(), held);
            } else if (held != null
                && refusedSince.getOrDefault(edit.getKey(), List.of()).contains(held)) {
              refusedButCommitted++;
              inDatabase.put(edit.getKey(), held);
            } else {
              lost++;
              failures.add(
                  "node "
                      + node
                      + ": acknowledged save "
                      + edit.getValue()
                      + " of passage "
                      + edit.getKey()
                      + " is not in the database, which holds "
                      + held);
            }
          }
        }
      }
      ConsoleSession[] readers = {new ConsoleSession(nodeA::uri), new ConsoleSession(nodeB::uri)};
      long deadline = System.nanoTime() + LIMIT_NANOS;
      Map<Long, String> unseen = new java.util.HashMap<>(inDatabase);
      while (!unseen.isEmpty() && System.nanoTime() < deadline) {
        unseen
            .entrySet()
            .removeIf(
                edit -> {
                  for (ConsoleSession reader : readers) {
                    boolean found = false;
                    for (JsonNode hit :
                        reader
                            .get("/api/search?limit=5&q=" + edit.getValue())
                            .json()
                            .path("results")) {
                      found |= hit.path("id").asLong() == edit.getKey();
                    }
                    if (!found) {
                      return false;
                    }
                  }
                  return true;
                });
        if (!unseen.isEmpty()) {
          Thread.sleep(200);
        }
      }
      unseen.forEach(
          (id, word) ->
              failures.add(
                  "node "
                      + node
                      + ": acknowledged save "
                      + word
                      + " of passage "
                      + id
                      + " is not found by search on both nodes"));
      return lost + unseen.size();
    }
  }
}
