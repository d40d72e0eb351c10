package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rebuild writes a new generation beside the live index: searches keep answering from the live
 * one, edits keep reaching it, and the swap keeps every edit. A failed rebuild leaves the live
 * index as it was.
 */
class ZeroDowntimeReindexTest {
  private static final int FILLERS = 3_000;

  /**
   * Each query matches passages throughout the rebuild: bundled ones, and the fillers added below.
   */
  private static final List<String> QUERIES =
      List.of("sciatica", "filler", "quiet+lumbar+stiffness", "mattress");

  RunningApp app;

  @BeforeEach
  void start() {
    app = RunningApp.start();
    addFillerPassages(FILLERS);
    Eventually.within(Duration.ofSeconds(30), () -> assertThat(total("filler")).isEqualTo(FILLERS));
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
  }

  @Test
  void searches_keep_answering_during_a_rebuild_and_edits_made_meanwhile_are_kept()
      throws Exception {
    String before = index().liveGeneration();
    long sciatica = total("sciatica");
    long edited = app.passageIdStartingWith("Filler passage 17 ");
    long unpublished = app.passageIdStartingWith("Filler passage 2500 ");
    CountDownLatch paused = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Searchers searchers = new Searchers(pool, 3);
    try {
      Future<Integer> rebuild =
          pool.submit(
              () ->
                  follower()
                      .rebuild(
                          count -> {
                            if (paused.getCount() > 0) {
                              // Holds the rebuild after its first batch, so the edits below are
                              // certain to fall inside it.
                              paused.countDown();
                              await(resume);
                            }
                          }));
      assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();

      setText(edited, "Wombats rarely get lumbago, filler or not.");
      unpublish(unpublished);
      Eventually.within(
          Duration.ofSeconds(2),
          () -> {
            assertThat(total("wombats"))
                .as("an edit made during the rebuild, in the live index")
                .isEqualTo(1);
            assertThat(total("filler")).isEqualTo(FILLERS - 1);
          });
      assertThat(index().liveGeneration()).isEqualTo(before);
      resume.countDown();
      assertThat(rebuild.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(FILLERS - 1);

      assertThat(index().liveGeneration()).isNotEqualTo(before);
      assertThat(total("wombats")).as("the edit, in the new index").isEqualTo(1);
      assertThat(total("filler")).isEqualTo(FILLERS - 1);
      assertThat(total("sciatica")).isEqualTo(sciatica);
      setText(edited, "Quokkas rarely get lumbago either.");
      Eventually.within(Duration.ofSeconds(2), () -> assertThat(total("quokkas")).isEqualTo(1));
      // A few more rounds of searching over the new generation.
      int answered = searchers.answered();
      Eventually.within(
          Duration.ofSeconds(10),
          () -> assertThat(searchers.answered()).isGreaterThan(answered + 20));
    } finally {
      searchers.stop();
      pool.shutdownNow();
    }
    assertThat(searchers.problems()).isEmpty();
    assertThat(searchers.answered()).isGreaterThan(20);
    assertThat(generationFolders()).containsExactly(index().liveGeneration());
    assertThat(app.get("/health").json().get("indexedPassages").asLong())
        .isEqualTo(publishedCount());
  }

  @Test
  void a_rebuild_that_fails_midway_leaves_search_answering_and_edits_flowing() {
    String live = index().liveGeneration();
    AtomicInteger batches = new AtomicInteger();

    assertThatThrownBy(
            () ->
                follower()
                    .rebuild(
                        count -> {
                          if (batches.incrementAndGet() == 2) {
                            throw new IllegalStateException("injected failure after one batch");
                          }
                        }))
        .hasMessageContaining("injected failure");

    assertThat(index().liveGeneration()).isEqualTo(live);
    assertThat(generationFolders()).as("the half-built generation is gone").containsExactly(live);
    assertThat(total("filler")).isEqualTo(FILLERS);
    setText(app.passageIdStartingWith("Filler passage 42 "), "Numbats sleep on firm mattresses.");
    Eventually.within(Duration.ofSeconds(2), () -> assertThat(total("numbats")).isEqualTo(1));
    // And the next rebuild succeeds.
    assertThat(follower().rebuild(count -> {})).isEqualTo(publishedCount());
    assertThat(total("numbats")).isEqualTo(1);
  }

  @Test
  void a_restart_after_a_rebuild_opens_the_new_generation_and_deletes_leftovers() throws Exception {
    follower().rebuild(count -> {});
    String rebuilt = index().liveGeneration();
    app.stopServer();
    Path leftover = app.indexDir().resolve("gen-99");
    Files.createDirectories(leftover);
    Files.writeString(leftover.resolve("_0.cfs"), "a rebuild killed halfway");

    app.restart();

    assertThat(index().liveGeneration()).isEqualTo(rebuilt);
    assertThat(Files.readString(app.indexDir().resolve(PassageIndex.POINTER)).strip())
        .isEqualTo(rebuilt);
    assertThat(generationFolders()).containsExactly(rebuilt);
    assertThat(total("filler")).isEqualTo(FILLERS);
  }

  /**
   * Threads that search over HTTP until stopped and note every answer that is not a well-formed,
   * non-empty result.
   */
  private final class Searchers {
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger answered = new AtomicInteger();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Future<?>> running = new ArrayList<>();

    Searchers(ExecutorService pool, int threads) {
      for (int t = 0; t < threads; t++) {
        int offset = t;
        running.add(
            pool.submit(
                () -> {
                  for (int i = offset; !stopped.get(); i++) {
                    check(QUERIES.get(i % QUERIES.size()));
                  }
                }));
      }
    }

    private void check(String q) {
      try {
        RunningApp.Response response = app.get("/api/search?q=" + q);
        if (response.status() != 200) {
          problems.add(q + ": status " + response.status() + " " + response.body());
          return;
        }
        JsonNode body = response.json();
        JsonNode results = body.get("results");
        if (body.get("total").asLong() <= 0 || results == null || results.isEmpty()) {
          problems.add(q + ": no results: " + response.body());
        } else {
          for (JsonNode hit : results) {
            if (!hit.hasNonNull("id")
                || !hit.hasNonNull("text")
                || !hit.hasNonNull("articleTitle")) {
              problems.add(q + ": malformed hit " + hit);
            }
          }
        }
        answered.incrementAndGet();
      } catch (RuntimeException | AssertionError e) {
        problems.add(q + ": " + e);
      }
    }

    int answered() {
      return answered.get();
    }

    List<String> problems() {
      return problems;
    }

    void stop() throws Exception {
      stopped.set(true);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not resumed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private PassageIndex index() {
    return app.app().backend().index();
  }

  private IndexFollower follower() {
    return app.app().backend().follower();
  }

  private List<String> generationFolders() {
    try (Stream<Path> files = Files.list(app.indexDir())) {
      return files
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long total(String q) {
    return app.get("/api/search?q=" + q).json().get("total").asLong();
  }

  private long publishedCount() {
    return app.database()
        .read(
            c -> {
              try (var rs =
                  c.createStatement()
                      .executeQuery("SELECT COUNT(*) FROM passages WHERE status = 'published'")) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  /** One article of {@code n} published passages, with their change-log rows, in two statements. */
  private void addFillerPassages(int n) {
    app.database()
        .inTransaction(
            c -> {
              long article;
              try (var st =
                  c.prepareStatement(
                      """
          INSERT INTO articles (title, source_name, original_text, checksum, imported_by)
          VALUES ('Filler article', 'filler.txt', 'filler', SHA2('filler', 256), 'test')""",
                      java.sql.Statement.RETURN_GENERATED_KEYS)) {
                st.executeUpdate();
                try (var keys = st.getGeneratedKeys()) {
                  keys.next();
                  article = keys.getLong(1);
                }
              }
              try (var st =
                  c.prepareStatement(
                      """
          INSERT INTO passages (article_id, position, text, original_text, fingerprint, status, created_by, updated_by)
          SELECT ?, seq, CONCAT('Filler passage ', seq, ' about quiet lumbar stiffness on a soft mattress.'),
                 CONCAT('Filler passage ', seq), SHA2(CONCAT('filler', seq), 256), 'published', 'test', 'test'
            FROM seq_1_to_%d"""
                          .formatted(n))) {
                st.setLong(1, article);
                st.executeUpdate();
              }
              try (var st =
                  c.prepareStatement(
                      "INSERT INTO index_changes (passage_id) SELECT id FROM passages WHERE article_id = ? ORDER BY id")) {
                st.setLong(1, article);
                st.executeUpdate();
              }
              return null;
            });
  }

  private void setText(long id, String text) {
    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "UPDATE passages SET text = ?, version = version + 1 WHERE id = ?")) {
                st.setString(1, text);
                st.setLong(2, id);
                st.executeUpdate();
              }
              ChangeLog.append(c, id);
              return null;
            });
  }

  private void unpublish(long id) {
    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "UPDATE passages SET status = 'rejected', reject_reason = 'test' WHERE id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
              }
              ChangeLog.append(c, id);
              return null;
            });
  }
}
