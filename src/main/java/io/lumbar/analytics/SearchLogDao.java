package io.lumbar.analytics;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Writes logged searches and reads the reports over them. */
final class SearchLogDao {
  private static final String INSERT =
      "INSERT INTO search_log (query, filters, hits, latency_micros) VALUES ";
  private static final String ROW = "(?, ?, ?, ?)";

  private static final String TOP_SEARCHES =
      """
      SELECT query, COUNT(*) AS searches, AVG(hits) AS average_hits, MAX(searched_at) AS last_searched_at
        FROM search_log
       WHERE searched_at >= NOW(3) - INTERVAL ? DAY
       GROUP BY query
       ORDER BY searches DESC, query
       LIMIT ?
      """;

  private static final String ZERO_RESULT_SEARCHES =
      """
      SELECT query, COUNT(*) AS searches, MAX(searched_at) AS last_searched_at
        FROM search_log
       WHERE hits = 0 AND filters = '' AND searched_at >= NOW(3) - INTERVAL ? DAY
       GROUP BY query
       ORDER BY searches DESC, query
       LIMIT ?
      """;

  private final Database db;

  SearchLogDao(Database db) {
    this.db = db;
  }

  /**
   * Rows older than the longest report window, in bounded chunks so no delete holds locks for long.
   */
  private static final String PURGE =
      """
      DELETE FROM search_log WHERE searched_at < CURRENT_TIMESTAMP(3) - INTERVAL ? DAY LIMIT 10000
      """;

  /** Drops searches older than {@code days}; returns how many went. */
  int purgeOlderThan(int days) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(PURGE)) {
            st.setInt(1, days);
            return st.executeUpdate();
          }
        });
  }

  /** One multi-row INSERT: a single round trip per batch. searched_at is the database's now. */
  void insert(List<LoggedSearch> searches) {
    if (searches.isEmpty()) {
      return;
    }
    String sql = INSERT + String.join(", ", Collections.nCopies(searches.size(), ROW));
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 0;
            for (LoggedSearch search : searches) {
              st.setString(++i, search.query());
              st.setString(++i, search.filters());
              st.setInt(++i, search.hits());
              st.setInt(++i, search.latencyMicros());
            }
            return st.executeUpdate();
          }
        });
  }

  /** Most searched queries of the last {@code days} days, most frequent first, then by query. */
  List<TopSearch> topSearches(int days, int limit) {
    return report(
        TOP_SEARCHES,
        days,
        limit,
        rs ->
            new TopSearch(
                rs.getString("query"),
                rs.getLong("searches"),
                rs.getDouble("average_hits"),
                rs.getTimestamp("last_searched_at").toInstant()));
  }

  /**
   * Queries whose unfiltered searches found nothing in the last {@code days} days, most frequent
   * first, then by query. A filtered search that finds nothing says nothing about its words, so it
   * is left out.
   */
  List<ZeroResultSearch> zeroResultSearches(int days, int limit) {
    return report(
        ZERO_RESULT_SEARCHES,
        days,
        limit,
        rs ->
            new ZeroResultSearch(
                rs.getString("query"),
                rs.getLong("searches"),
                rs.getTimestamp("last_searched_at").toInstant()));
  }

  private <T> List<T> report(String sql, int days, int limit, RowMapper<T> mapper) {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, days);
            st.setInt(2, limit);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                rows.add(mapper.map(rs));
              }
            }
            return rows;
          }
        });
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
