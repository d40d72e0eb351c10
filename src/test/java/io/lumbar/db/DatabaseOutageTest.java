package io.lumbar.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.indexing.IndexFollower;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.TcpProxy;
import io.lumbar.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The database goes away while the server runs (a proxy between them is cut): search keeps
 * answering from the index, everything needing the database answers 503 at once, and all recovers
 * when the proxy is back.
 */
class DatabaseOutageTest {
  static final String PASSWORD = "a long enough password";
  TcpProxy proxy;
  RunningApp app;
  final ListAppender<ILoggingEvent> followerLog = new ListAppender<>();
  final Logger followerLogger = (Logger) LoggerFactory.getLogger(IndexFollower.class);

  @BeforeEach
  void start() {
    proxy = TcpProxy.to(TestDatabase.serverAddress());
    app = RunningApp.startThrough(proxy);
    followerLog.start();
    followerLogger.addAppender(followerLog);
  }

  @AfterEach
  void stop() throws Exception {
    followerLogger.detachAppender(followerLog);
    proxy.restore();
    app.close();
    proxy.close();
  }

  @Test
  void search_keeps_answering_the_rest_answers_503_and_everything_recovers_without_a_restart()
      throws Exception {
    long id = app.firstPublishedPassageId();
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    ConsoleSession edna = new ConsoleSession(app);
    edna.login("edna", PASSWORD);
    long sciatica = total("sciatica");

    proxy.cut();

    assertThat(total("sciatica")).isEqualTo(sciatica);
    assertThat(app.get("/?q=sciatica").status()).isEqualTo(200);
    assertThat(app.get("/api/suggest?q=sci").status()).isEqualTo(200);
    assertThat(app.get("/api/passages/" + id + "/related").status()).isEqualTo(200);
    for (String api : new String[] {"/api/passages/" + id, "/api/tags"}) {
      var answer = app.get(api);
      assertThat(answer.status()).as(api).isEqualTo(503);
      assertThat(answer.json().get("error").asText())
          .as(api)
          .isEqualTo("The database is unavailable right now; please try again shortly.");
    }
    assertThat(app.get("/health").status()).isEqualTo(503);
    assertThat(app.get("/health").json().get("database").asText()).isEqualTo("down");
    Page dashboard = edna.get("/admin");
    assertThat(dashboard.status()).isEqualTo(503);
    assertThat(dashboard.body())
        .contains("<title>Temporarily unavailable")
        .doesNotContain("Exception");
    assertThat(new ConsoleSession(app).login("edna", PASSWORD).status()).isEqualTo(503);

    // Made while the app cannot see the database: the index must catch up with it later.
    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "UPDATE passages SET text = 'Quokkas rarely get lumbago.' WHERE id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
              }
              ChangeLog.append(c, id);
              return null;
            });
    Eventually.within(Duration.ofSeconds(10), () -> assertThat(pausedWarnings()).isEqualTo(1));
    Thread.sleep(1_500);
    assertThat(pausedWarnings()).as("one warning for the whole outage").isEqualTo(1);

    proxy.restore();

    Eventually.within(
        Duration.ofSeconds(15), () -> assertThat(app.get("/health").status()).isEqualTo(200));
    Eventually.within(Duration.ofSeconds(15), () -> assertThat(total("quokkas")).isEqualTo(1));
    assertThat(app.get("/api/passages/" + id).status()).isEqualTo(200);
    Page form = edna.get("/admin/passages/" + id);
    assertThat(form.status()).isEqualTo(200);
    Page saved =
        edna.post(
            "/admin/passages/" + id,
            Map.of(
                "version",
                Integer.toString(form.formVersion()),
                "heading",
                "",
                "text",
                "Wombats rarely get lumbago.",
                "status",
                "published",
                "reject_reason",
                "",
                "action",
                "save"));
    assertThat(saved.status()).isEqualTo(302);
    Eventually.within(Duration.ofSeconds(5), () -> assertThat(total("wombats")).isEqualTo(1));
  }

  @Test
  void health_answers_503_in_an_outage_without_waiting_out_the_pools_timeout() throws Exception {
    proxy.cut();
    // Spread over more than one probe interval and one pool timeout: before, every other call was
    // the one probing
    // the pool and waited out its connection timeout before its 503.
    for (int call = 1; call <= 6; call++) {
      long start = System.nanoTime();
      var health = app.get("/health");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(health.status()).as("call %d", call).isEqualTo(503);
      assertThat(health.json().get("database").asText()).isEqualTo("down");
      assertThat(millis).as("call %d took", call).isLessThan(Database.CONNECTION_TIMEOUT_MILLIS);
      Thread.sleep(700);
    }
    proxy.restore();
    Eventually.within(
        Duration.ofSeconds(15), () -> assertThat(app.get("/health").status()).isEqualTo(200));
  }

  private long pausedWarnings() {
    return followerLog.list.stream()
        .filter(
            e ->
                e.getLevel() == Level.WARN
                    && e.getFormattedMessage().startsWith("Index follower paused"))
        .count();
  }

  private long total(String q) {
    return app.get("/api/search?q=" + q).json().get("total").asLong();
  }
}
