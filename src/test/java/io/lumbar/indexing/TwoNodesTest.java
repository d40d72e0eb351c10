package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one MariaDB, each with its own index: whatever is edited through one is searchable
 * on the other within 2 s, because each follows the database's change log; a rebuild on one leaves
 * the other alone.
 */
class TwoNodesTest {
  /** A functional bound (each node polls the log every 50 ms in tests), not a timing benchmark. */
  private static final Duration WITHIN = Duration.ofSeconds(2);

  static RunningApp nodeA;
  static RunningApp nodeB;
  static ConsoleSession adminOnA;

  @BeforeAll
  static void start() {
    nodeA = RunningApp.start();
    nodeB = nodeA.anotherNode();
    ConsoleSession.createUser(nodeA, "ada", "a long enough password", true);
    adminOnA = new ConsoleSession(nodeA);
    adminOnA.login("ada", "a long enough password");
  }

  @AfterAll
  static void stop() throws Exception {
    nodeB.close();
    nodeA.close();
  }

  @Test
  void an_edit_through_node_a_is_searchable_on_node_b() {
    long id = nodeA.firstPublishedPassageId();
    int version = adminOnA.get("/admin/passages/" + id).formVersion();

    assertThat(
            adminOnA
                .post(
                    "/admin/passages/" + id,
                    Map.of(
                        "version",
                        Integer.toString(version),
                        "heading",
                        "",
                        "text",
                        "Platypuses rarely get lumbago.",
                        "status",
                        "published",
                        "reject_reason",
                        "",
                        "action",
                        "save"))
                .status())
        .isEqualTo(302);

    Eventually.within(WITHIN, () -> assertThat(firstHit(nodeB, "platypuses")).isEqualTo(id));
    // Each node follows the change log on its own clock: node A may see it a poll later than B.
    Eventually.within(WITHIN, () -> assertThat(firstHit(nodeA, "platypuses")).isEqualTo(id));
  }

  @Test
  void a_rebuild_on_node_a_does_not_disturb_node_b() {
    long before = total(nodeB, "sciatica");
    String bGeneration = nodeB.app().backend().index().liveGeneration();

    ConsoleSession.Page started = adminOnA.post("/admin/reindex", Map.of());
    assertThat(started.status()).isEqualTo(302);
    String job = "/api" + started.location();
    Eventually.within(
        Duration.ofSeconds(30),
        () -> assertThat(adminOnA.get(job).json().get("state").asText()).isEqualTo("done"));

    assertThat(total(nodeA, "sciatica")).isEqualTo(before);
    assertThat(total(nodeB, "sciatica")).isEqualTo(before);
    assertThat(nodeB.app().backend().index().liveGeneration()).isEqualTo(bGeneration);
  }

  @Test
  void tag_and_synonym_changes_reach_both_nodes() {
    assertThat(
            adminOnA
                .post(
                    "/admin/tags/disc-herniation/rename",
                    Map.of("name", "Slipped disc (both nodes)"))
                .status())
        .isEqualTo(302);
    assertThat(adminOnA.post("/admin/synonyms", Map.of("rule", "wobblyback => sciatica")).status())
        .isEqualTo(302);

    for (RunningApp node : new RunningApp[] {nodeA, nodeB}) {
      Eventually.within(
          WITHIN,
          () -> {
            JsonNode results =
                node.get("/api/search?q=disc&cause=disc-herniation&limit=5").json().get("results");
            assertThat(results.size()).isPositive();
            assertThat(results.get(0).get("causes").findValuesAsText("name"))
                .contains("Slipped disc (both nodes)");
            assertThat(total(node, "wobblyback")).isPositive();
          });
    }
  }

  private static long firstHit(RunningApp node, String q) {
    JsonNode results = node.get("/api/search?q=" + q).json().get("results");
    assertThat(results).as("results for " + q).isNotEmpty();
    return results.get(0).get("id").asLong();
  }

  private static long total(RunningApp node, String q) {
    return node.get("/api/search?q=" + q).json().get("total").asLong();
  }
}
