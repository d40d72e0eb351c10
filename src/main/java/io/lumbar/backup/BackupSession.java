package io.lumbar.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session settings a backup or restore needs on a pooled connection, put back as they were on
 * close, so the connection returns to the pool as it came. TIMESTAMP values are read and written in
 * UTC, so the text in a backup is the stored instant whatever the servers' time zones are.
 */
final class BackupSession implements AutoCloseable {
  private final Connection c;
  private final Map<String, String> previous = new LinkedHashMap<>();

  private BackupSession(Connection c) {
    this.c = c;
  }

  /**
   * For reading a backup: UTC, and a long write timeout, so a slow disk does not make the server
   * drop the stream.
   */
  static BackupSession forReading(Connection c) throws SQLException {
    return open(c, Map.of("time_zone", "'+00:00'", "net_write_timeout", "600"));
  }

  /**
   * For restoring: UTC; strict, so a value that does not fit fails instead of being changed; a zero
   * id kept as zero; and foreign keys not checked while tables fill in any order (rows referring to
   * later rows of their own table, such as a tag's parent, included). The rows come from one
   * consistent snapshot, checksummed.
   */
  static BackupSession forRestoring(Connection c) throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("time_zone", "'+00:00'");
    settings.put("sql_mode", "'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION'");
    settings.put("foreign_key_checks", "0");
    return open(c, settings);
  }

  private static BackupSession open(Connection c, Map<String, String> settings)
      throws SQLException {
    BackupSession session = new BackupSession(c);
    try (Statement st = c.createStatement()) {
      for (String name : settings.keySet()) {
        try (ResultSet rs = st.executeQuery("SELECT @@SESSION." + name)) {
          rs.next();
          session.previous.put(name, rs.getString(1));
        }
      }
      for (var setting : settings.entrySet()) {
        st.execute("SET SESSION " + setting.getKey() + " = " + setting.getValue());
      }
    }
    return session;
  }

  @Override
  public void close() throws SQLException {
    for (var setting : previous.entrySet()) {
      String value = setting.getValue();
      // Numbers (foreign_key_checks, timeouts) as numbers: the server refuses them as strings.
      boolean number = value != null && value.matches("\\d+");
      try (var st =
          c.prepareStatement("SET SESSION " + setting.getKey() + " = " + (number ? value : "?"))) {
        if (!number) {
          st.setString(1, value);
        }
        st.execute();
      }
    }
  }
}
