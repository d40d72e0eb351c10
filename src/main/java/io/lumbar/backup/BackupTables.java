package io.lumbar.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a backup holds, read from the schema itself: every table of the database but the few that
 * are not data, with its stored columns in order. A table a later migration adds is backed up
 * without a change here.
 */
final class BackupTables {
  /**
   * Flyway's history is the schema version, carried in the header instead; sessions and login
   * failures are short-lived security state (a restore must not log anyone in); the index change
   * log only tells index followers what to re-read, and a restore builds the index from scratch.
   */
  static final Set<String> LEFT_OUT =
      Set.of("flyway_schema_history", "sessions", "login_failures", "index_changes");

  /** How a column's values are written: JSON numbers, JSON strings, or base64 strings. */
  enum Kind {
    INTEGER,
    TEXT,
    BINARY
  }

  private static final Map<String, Kind> KINDS = kinds();

  /**
   * Types read as the server's own text: the driver reformats some of them (a TIMESTAMP's ".005"
   * came back ".5").
   */
  private static final Set<String> READ_AS_TEXT =
      Set.of(
          "tinyint",
          "smallint",
          "mediumint",
          "int",
          "bigint",
          "decimal",
          "date",
          "datetime",
          "timestamp",
          "time",
          "year");

  record Column(String name, String type) {
    Kind kind() {
      return KINDS.get(type);
    }

    /** The column in a SELECT of its value as a backup writes it. */
    String selected() {
      return READ_AS_TEXT.contains(type) ? "CAST(" + quoted(name) + " AS CHAR)" : quoted(name);
    }
  }

  /**
   * A table, its stored columns in order, and the primary key its rows are written in order of (may
   * be empty).
   */
  record Table(String name, List<Column> columns, List<String> primaryKey) {}

  private BackupTables() {}

  private static Map<String, Kind> kinds() {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    for (String type : List.of("tinyint", "smallint", "mediumint", "int", "bigint")) {
      kinds.put(type, Kind.INTEGER);
    }
    // Text the server prints exactly and parses back to the same value (TIMESTAMPs in UTC, see
    // BackupSession).
    for (String type :
        List.of(
            "decimal",
            "char",
            "varchar",
            "tinytext",
            "text",
            "mediumtext",
            "longtext",
            "enum",
            "set",
            "json",
            "date",
            "datetime",
            "timestamp",
            "time",
            "year")) {
      kinds.put(type, Kind.TEXT);
    }
    for (String type :
        List.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob")) {
      kinds.put(type, Kind.BINARY);
    }
    return kinds;
  }

  /** The tables of the connection's database that a backup holds, by name. */
  static List<Table> read(Connection c) throws SQLException {
    Map<String, List<Column>> columns = new LinkedHashMap<>();
    try (PreparedStatement st =
            c.prepareStatement(
                """
        SELECT t.table_name, c.column_name, c.data_type
          FROM information_schema.tables t
          JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
         WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
         ORDER BY t.table_name, c.ordinal_position
        """);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (LEFT_OUT.contains(table.toLowerCase(Locale.ROOT))) {
          continue;
        }
        Column column = new Column(rs.getString(2), rs.getString(3).toLowerCase(Locale.ROOT));
        if (column.kind() == null) {
          throw new BackupException(
              "column "
                  + table
                  + "."
                  + column.name()
                  + " has type "
                  + column.type()
                  + ", which this Lumbar cannot back up exactly");
        }
        columns.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
      }
    }
    Map<String, List<String>> keys = new LinkedHashMap<>();
    try (PreparedStatement st =
            c.prepareStatement(
                """
        SELECT table_name, column_name FROM information_schema.statistics
         WHERE table_schema = DATABASE() AND index_name = 'PRIMARY'
         ORDER BY table_name, seq_in_index
        """);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        keys.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    List<Table> tables = new ArrayList<>();
    columns.forEach(
        (name, cols) ->
            tables.add(
                new Table(
                    name, List.copyOf(cols), List.copyOf(keys.getOrDefault(name, List.of())))));
    return tables;
  }

  /**
   * The version of the last migration applied ("13"); a backup restores only into a database at the
   * same one.
   */
  static String schemaVersion(Connection c) throws SQLException {
    try (PreparedStatement st =
            c.prepareStatement(
                """
        SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL
         ORDER BY installed_rank DESC LIMIT 1
        """);
        ResultSet rs = st.executeQuery()) {
      if (!rs.next()) {
        throw new BackupException(
            "the database has no migration history; is it a Lumbar database?");
      }
      return rs.getString(1);
    }
  }

  /** {@code `name`}, for identifiers read from the schema. */
  static String quoted(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
