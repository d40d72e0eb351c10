package io.lumbar.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.Analysis;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stopping the app (what SIGTERM does) lets a request in flight finish and commits the index with
 * it. The request is held in flight by a row lock the test keeps until the server has stopped
 * accepting.
 */
class GracefulShutdownTest {
  @RegisterExtension final RunningApp app = RunningApp.perTest();

  @Test
  void a_save_in_flight_finishes_and_reaches_the_committed_index() throws Exception {
    ConsoleSession.createUser(app, "edna", "a long enough password", false);
    ConsoleSession edna = new ConsoleSession(app);
    edna.login("edna", "a long enough password");
    long id = app.firstPublishedPassageId();
    int version = edna.get("/admin/passages/" + id).formVersion();
    int port = app.uri("/").getPort();

    CompletableFuture<Page> save;
    CompletableFuture<Void> stopped;
    try (Connection lock = app.database().dataSource().getConnection()) {
      lock.setAutoCommit(false);
      try (var st = lock.prepareStatement("SELECT id FROM passages WHERE id = ? FOR UPDATE")) {
        st.setLong(1, id);
        st.executeQuery().close();
      }
      save =
          CompletableFuture.supplyAsync(
              () ->
                  edna.post(
                      "/admin/passages/" + id,
                      Map.of(
                          "version",
                          Integer.toString(version),
                          "heading",
                          "",
                          "text",
                          "Wombats rarely get lumbago.",
                          "status",
                          "published",
                          "reject_reason",
                          "",
                          "action",
                          "save")));
      Eventually.within(Duration.ofSeconds(10), () -> assertThat(waitingUpdates()).isEqualTo(1));

      stopped = CompletableFuture.runAsync(app::stopServer);
      Eventually.within(
          Duration.ofSeconds(10), () -> assertThat(accepts(port)).as("still accepting").isFalse());
      assertThat(save).isNotDone();
      lock.commit();
    }

    assertThat(save.get(20, TimeUnit.SECONDS).status()).isEqualTo(302);
    stopped.get(30, TimeUnit.SECONDS);
    long lastChange =
        app.database()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement().executeQuery("SELECT MAX(id) FROM index_changes")) {
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    try (PassageIndex index =
        PassageIndex.open(
            app.indexDir(), Analysis.bundled().indexAnalyzer(), Analysis.indexFingerprint())) {
      assertThat(index.committedPosition()).isEqualTo(lastChange);
      var searcher = index.acquire();
      try {
        var hits = searcher.search(new TermQuery(new Term(PassageFields.ID, Long.toString(id))), 1);
        assertThat(searcher.storedFields().document(hits.scoreDocs[0].doc).get(PassageFields.TEXT))
            .isEqualTo("Wombats rarely get lumbago.");
      } finally {
        index.release(searcher);
      }
    }
  }

  private long waitingUpdates() {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                          // The save waits on the row: at its locking read of the passage's status,
                          // or at its update.
                          + " AND (INFO LIKE 'UPDATE passages%' OR INFO LIKE 'SELECT status, reject_reason FROM passages%FOR UPDATE')")) {
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket("localhost", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
