package io.lumbar.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import io.lumbar.db.Database;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Recording, writing and the two reports on a real MariaDB. */
class SearchAnalyticsTest {
  /** No timed write within a test: what is queued is written when the test closes it. */
  private static final long NO_TIMED_FLUSH_MILLIS = Duration.ofHours(1).toMillis();

  private static final int LATENCY_MICROS = 1_234;

  static TestDatabase testDb;
  static Database db;
  static SearchLogDao searchLog;

  @BeforeAll
  static void createDatabase() {
    testDb = TestDatabase.create();
    db = testDb.database();
    searchLog = new SearchLogDao(db);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    testDb.close();
  }

  @BeforeEach
  void emptyLog() {
    db.read(c -> c.createStatement().executeUpdate("DELETE FROM search_log"));
  }

  @Test
  void searches_that_read_the_same_are_counted_together() {
    long dropped =
        recordAndWrite(
            search("Sciatica", 4),
            search("Sciatica", 4),
            search("Sciatica", 4),
            search("sciatica  ", 2),
            search("advil", 3),
            search("zzzqqq", 0));

    assertThat(searchLog.topSearches(30, 20))
        .extracting(TopSearch::query, TopSearch::count, TopSearch::averageHits)
        .containsExactly(
            tuple("sciatica", 4L, 3.5), tuple("advil", 1L, 3.0), tuple("zzzqqq", 1L, 0.0));
    assertThat(dropped).isZero();
  }

  @Test
  void rows_hold_the_normalised_query_hits_and_latency_only() {
    recordAndWrite(search("Mail ME at Jo@Example.com", 7), search("?!", 0));
    String row =
        db.read(
            c -> {
              try (var rs =
                  c.createStatement()
                      .executeQuery("SELECT query, hits, latency_micros FROM search_log")) {
                StringBuilder rows = new StringBuilder();
                while (rs.next()) {
                  rows.append(rs.getString(1))
                      .append('|')
                      .append(rs.getInt(2))
                      .append('|')
                      .append(rs.getInt(3))
                      .append('\n');
                }
                return rows.toString();
              }
            });
    assertThat(row).isEqualTo("mail me at <email>|7|" + LATENCY_MICROS + "\n");
  }

  @Test
  void zero_result_report_lists_only_searches_that_found_nothing() {
    recordAndWrite(
        search("sciatica", 4),
        search("ZZZ qqq", 0),
        search("zzz qqq", 0),
        search("qqq", 0),
        search("qqq", 5));

    assertThat(searchLog.zeroResultSearches(30, 20))
        .extracting(ZeroResultSearch::query, ZeroResultSearch::count)
        .containsExactly(tuple("zzz qqq", 2L), tuple("qqq", 1L));
  }

  @Test
  void reports_cover_only_the_last_days_and_at_most_the_limit() {
    insertOld("sciatica", 0, 40);
    insertOld("sciatica", 0, 40);
    insertOld("old pain", 0, 10);
    recordAndWrite(search("sciatica", 0), search("b", 0), search("a", 0));

    assertThat(searchLog.topSearches(30, 20))
        .extracting(TopSearch::query, TopSearch::count)
        .containsExactly(
            tuple("a", 1L), tuple("b", 1L), tuple("old pain", 1L), tuple("sciatica", 1L));
    assertThat(searchLog.topSearches(7, 2)).extracting(TopSearch::query).containsExactly("a", "b");
    assertThat(searchLog.zeroResultSearches(365, 1))
        .extracting(ZeroResultSearch::query, ZeroResultSearch::count)
        .containsExactly(tuple("sciatica", 3L));
    Instant newest =
        db.read(
            c -> {
              try (var rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT MAX(searched_at) FROM search_log WHERE query = 'sciatica'")) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
              }
            });
    assertThat(searchLog.zeroResultSearches(365, 1).getFirst().lastSearchedAt()).isEqualTo(newest);
  }

  @Test
  void close_writes_what_is_still_queued() {
    SearchAnalytics analytics = SearchAnalytics.start(db, 100, 50, NO_TIMED_FLUSH_MILLIS);
    analytics.record("sciatica", 4, 1_000);
    analytics.close();
    analytics.record("after close", 4, 1_000);

    assertThat(searchLog.topSearches(30, 20))
        .extracting(TopSearch::query)
        .containsExactly("sciatica");
  }

  @Test
  void a_full_batch_is_written_without_waiting_for_the_interval() {
    try (SearchAnalytics analytics = SearchAnalytics.start(db, 100, 3, NO_TIMED_FLUSH_MILLIS)) {
      analytics.record("a", 1, 1);
      analytics.record("b", 1, 1);
      analytics.record("c", 1, 1);

      Eventually.within(
          Duration.ofSeconds(10), () -> assertThat(searchLog.topSearches(30, 20)).hasSize(3));
    }
  }

  @Test
  @Timeout(60)
  void a_full_queue_drops_and_counts_instead_of_blocking() {
    try (SearchAnalytics analytics = SearchAnalytics.start(db, 10, 1_000, NO_TIMED_FLUSH_MILLIS)) {
      for (int i = 0; i < 25; i++) {
        analytics.record("pain " + i, 1, 1);
      }
      assertThat(analytics.droppedCount()).isEqualTo(15);
    } // closing writes what is queued
    assertThat(searchLog.topSearches(30, 100)).hasSize(10);
  }

  @Test
  @Timeout(60)
  void an_unreachable_database_never_reaches_the_caller() {
    TestDatabase gone = TestDatabase.create();
    gone.database().close();
    try (SearchAnalytics analytics = SearchAnalytics.start(gone.database(), 10, 1_000, 10)) {
      assertThatCode(
              () -> {
                for (int i = 0; i < 25; i++) {
                  analytics.record("pain " + i, 1, 1);
                }
              })
          .doesNotThrowAnyException();
      // Each search is dropped once: the queue was full, or the writer's timed write failed.
      Eventually.within(
          Duration.ofSeconds(10), () -> assertThat(analytics.droppedCount()).isEqualTo(25));
      assertThatCode(() -> analytics.record("after a failed write", 1, 1))
          .doesNotThrowAnyException();
      assertThatCode(analytics::close).doesNotThrowAnyException();
      assertThat(analytics.droppedCount()).isEqualTo(26);
    } finally {
      assertThatCode(gone::close).doesNotThrowAnyException();
    }
  }

  record Search(String query, long hits) {}

  static Search search(String query, long hits) {
    return new Search(query, hits);
  }

  /** Records through a fresh SearchAnalytics, writes and closes it; returns how many it dropped. */
  private static long recordAndWrite(Search... searches) {
    try (SearchAnalytics analytics = SearchAnalytics.start(db, 100, 50, NO_TIMED_FLUSH_MILLIS)) {
      for (Search search : searches) {
        analytics.record(search.query(), search.hits(), LATENCY_MICROS);
      }
      return analytics.droppedCount(); // closing writes what is queued
    }
  }

  @Test
  void searches_older_than_the_kept_window_are_purged_and_newer_ones_stay() {
    insertOld("purge me", 1, SearchAnalytics.KEEP_DAYS + 5);
    insertOld("keep me", 1, SearchAnalytics.KEEP_DAYS - 5);

    int purged = searchLog.purgeOlderThan(SearchAnalytics.KEEP_DAYS);

    assertThat(purged).isGreaterThanOrEqualTo(1);
    long left =
        db.read(
            c -> {
              try (var st =
                      c.prepareStatement(
                          "SELECT COUNT(*) FROM search_log WHERE query IN ('purge me', 'keep me')");
                  var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    assertThat(left).isEqualTo(1);
  }

  private static void insertOld(String query, int hits, int daysAgo) {
    db.read(
        c -> {
          try (var st =
              c.prepareStatement(
                  "INSERT INTO search_log (query, hits, latency_micros, searched_at) VALUES (?, ?, 1000, NOW(3) - INTERVAL ? DAY)")) {
            st.setString(1, query);
            st.setInt(2, hits);
            st.setInt(3, daysAgo);
            return st.executeUpdate();
          }
        });
  }
}
