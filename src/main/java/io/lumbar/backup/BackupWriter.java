package io.lumbar.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lumbar.backup.BackupHeader.Entry;
import io.lumbar.backup.BackupTables.Column;
import io.lumbar.backup.BackupTables.Table;
import io.lumbar.db.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a backup of the whole database from one consistent snapshot: a REPEATABLE READ transaction
 * started WITH CONSISTENT SNAPSHOT, so every table is read as of the same moment while a server
 * goes on writing. Rows are streamed from the server and written as they come, so memory holds one
 * row whatever the database's size.
 *
 * <p>The file is gzip-compressed UTF-8 JSON Lines: the {@link BackupHeader}; then each table's rows
 * in the header's order, each a JSON array of its column values in primary key order (integers as
 * numbers, binary columns as base64, everything else as the server's text, TIMESTAMPs in UTC); then
 * a trailer {@code {"end":"lumbar-backup","rows":N,"sha256":"…"}} whose SHA-256 covers every byte
 * of the lines before it.
 */
final class BackupWriter {
  /**
   * Rows the driver fetches from the server at a time: a streaming result set, not the whole table
   * in memory.
   */
  private static final int FETCH_SIZE = 1_000;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private BackupWriter() {}

  /** Writes the backup to {@code out} (left open) and returns its header. */
  static BackupHeader write(Database db, OutputStream out) {
    return db.read(
        c -> {
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          c.setAutoCommit(false);
          try (BackupSession session = BackupSession.forReading(c)) {
            try (Statement st = c.createStatement()) {
              st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            }
            try {
              BackupHeader header = header(c);
              writeFile(c, header, out);
              return header;
            } finally {
              c.rollback();
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * The tables and their row counts as of the snapshot, which the rows streamed next are read at
   * too.
   */
  private static BackupHeader header(Connection c) throws SQLException {
    String version = BackupTables.schemaVersion(c);
    List<Entry> entries = new ArrayList<>();
    for (Table table : BackupTables.read(c)) {
      long rows;
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT COUNT(*) FROM " + BackupTables.quoted(table.name()))) {
        rs.next();
        rows = rs.getLong(1);
      }
      entries.add(new Entry(table, rows, autoIncrement(c, table.name())));
    }
    return new BackupHeader(
        BackupHeader.FORMAT_VERSION, version, Instant.now().toString(), List.copyOf(entries));
  }

  /**
   * The table's next auto-increment id, so a restored database does not hand out again the ids of
   * rows deleted before the backup. Not part of the snapshot, so it may be a little ahead of it:
   * harmless, ids only skip.
   */
  private static Long autoIncrement(Connection c, String table) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT auto_increment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        long value = rs.getLong(1);
        return rs.wasNull() ? null : value;
      }
    }
  }

  private static void writeFile(Connection c, BackupHeader header, OutputStream out)
      throws IOException, SQLException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
    MessageDigest sha = BackupReader.sha256();
    DigestOutputStream digested = new DigestOutputStream(gzip, sha);
    try (JsonGenerator gen =
        JSON.createGenerator(digested, JsonEncoding.UTF8)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      gen.setRootValueSeparator(null);
      header.write(gen);
      gen.writeRaw('\n');
      long total = 0;
      for (Entry entry : header.tables()) {
        long written = writeRows(c, entry.table(), gen);
        if (written != entry.rows()) {
          // Cannot happen within one snapshot; if it did, the file would not restore, so it must
          // not be kept.
          throw new BackupException(
              entry.table().name() + " gave " + written + " rows after counting " + entry.rows());
        }
        total += written;
      }
      gen.flush();
      digested.on(false);
      gen.writeStartObject();
      gen.writeStringField("end", BackupHeader.FORMAT);
      gen.writeNumberField("rows", total);
      gen.writeStringField("sha256", HexFormat.of().formatHex(sha.digest()));
      gen.writeEndObject();
      gen.writeRaw('\n');
    }
    gzip.finish();
    out.flush();
  }

  private static long writeRows(Connection c, Table table, JsonGenerator gen)
      throws IOException, SQLException {
    List<Column> columns = table.columns();
    String select =
        "SELECT "
            + columns.stream().map(Column::selected).collect(Collectors.joining(", "))
            + " FROM "
            + BackupTables.quoted(table.name())
            + (table.primaryKey().isEmpty()
                ? ""
                : " ORDER BY "
                    + table.primaryKey().stream()
                        .map(BackupTables::quoted)
                        .collect(Collectors.joining(", ")));
    long rows = 0;
    try (Statement st =
        c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      st.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = st.executeQuery(select)) {
        while (rs.next()) {
          gen.writeStartArray();
          for (int i = 0; i < columns.size(); i++) {
            writeValue(gen, rs, i + 1, columns.get(i));
          }
          gen.writeEndArray();
          gen.writeRaw('\n');
          rows++;
        }
      }
    }
    return rows;
  }

  private static void writeValue(JsonGenerator gen, ResultSet rs, int index, Column column)
      throws IOException, SQLException {
    if (column.kind() == BackupTables.Kind.BINARY) {
      byte[] bytes = rs.getBytes(index);
      if (bytes == null) {
        gen.writeNull();
      } else {
        gen.writeBinary(bytes);
      }
      return;
    }
    String text = rs.getString(index);
    if (text == null) {
      gen.writeNull();
    } else if (column.kind() == BackupTables.Kind.INTEGER) {
      // The server's digits, unparsed: exact for every integer type, unsigned BIGINT included.
      gen.writeNumber(text);
    } else {
      gen.writeString(text);
    }
  }
}
