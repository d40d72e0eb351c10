package io.lumbar.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.backup.BackupHeader.Entry;
import io.lumbar.backup.BackupTables.Column;
import io.lumbar.backup.BackupTables.Table;
import io.lumbar.db.Database;
import io.lumbar.indexing.ChangeLog;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup into an empty database, every row exactly as it was (ids, timestamps,
 * checksums, binary columns). Nothing is written until the whole file has been read once and proved
 * whole: its header matches this database's schema version and tables, every row has its table's
 * shape, the row counts add up and the trailer's SHA-256 matches. Then the file is read a second
 * time and written in one transaction, which a checksum that no longer matches (the file changed in
 * between) or any database error rolls back. Both passes hold one line at a time, so memory stays
 * constant; the price is reading the file twice.
 *
 * <p>The restore adds no row of its own (no audit entry): it reports on the command's output and in
 * the log.
 */
public final class BackupRestore {
  private static final Logger log = LoggerFactory.getLogger(BackupRestore.class);

  /**
   * Rows per batched INSERT, and bytes: a table of long articles must not fill memory with one
   * batch.
   */
  private static final int BATCH_ROWS = 500;

  private static final int BATCH_BYTES = 4 << 20;

  /** What was restored: the backup's schema version and time, and how many tables and rows. */
  public record Restored(String schemaVersion, String takenAt, int tables, long rows) {}

  private final Database db;
  private final ObjectMapper json;

  public BackupRestore(Database db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  /**
   * True when {@code file} is a backup rather than an export (see docs/backup.md); one line when
   * unreadable.
   */
  public static boolean isBackup(Path file) {
    return BackupReader.isBackup(file);
  }

  /**
   * Restores {@code file}. With {@code logChanges}, every restored passage is also put on the index
   * change log, for a server that has the index open to index them (else the caller rebuilds the
   * index).
   */
  public Restored restore(Path file, boolean logChanges) {
    String checksum;
    BackupHeader header;
    try (BackupReader reader = BackupReader.open(file, json)) {
      header = reader.header();
      checkFits(header, file);
      db.read(
          c -> {
            checkEmpty(c);
            return null;
          });
      checksum = reader.readRows((table, values, bytes) -> {});
    }
    restoreCounters(header);
    long rows = db.inTransaction(c -> write(c, file, checksum, logChanges));
    Restored restored =
        new Restored(header.schemaVersion(), header.takenAt(), header.tables().size(), rows);
    log.info(
        "restored {} rows in {} tables from {} (a backup of schema version {} taken {})",
        rows,
        restored.tables(),
        file,
        header.schemaVersion(),
        header.takenAt());
    return restored;
  }

  /**
   * The backup's schema version and tables are this database's: same tables, same columns in the
   * same order.
   */
  private void checkFits(BackupHeader header, Path file) {
    db.read(
        c -> {
          String version = BackupTables.schemaVersion(c);
          if (!version.equals(header.schemaVersion())) {
            throw new BackupException(
                file
                    + " is a backup of schema version "
                    + header.schemaVersion()
                    + " but this database is at "
                    + "schema version "
                    + version
                    + "; restore it with the Lumbar release whose last migration is V"
                    + header.schemaVersion());
          }
          List<Table> here = BackupTables.read(c);
          List<Table> there = header.tables().stream().map(Entry::table).toList();
          if (!names(here).equals(names(there))) {
            throw new BackupException(
                file + " holds tables " + names(there) + " but this database has " + names(here));
          }
          for (int i = 0; i < here.size(); i++) {
            if (!here.get(i).columns().equals(there.get(i).columns())) {
              throw new BackupException(
                  file
                      + " holds table "
                      + here.get(i).name()
                      + " with columns "
                      + there.get(i).columns().stream().map(Column::name).toList()
                      + " but this database's has "
                      + here.get(i).columns().stream().map(Column::name).toList());
            }
          }
          return null;
        });
  }

  private static List<String> names(List<Table> tables) {
    return tables.stream().map(Table::name).toList();
  }

  /** Every table a backup holds is empty here: a restore never mixes two databases. */
  private static void checkEmpty(Connection c) throws SQLException {
    for (Table table : BackupTables.read(c)) {
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT EXISTS (SELECT 1 FROM " + BackupTables.quoted(table.name()) + ")")) {
        rs.next();
        if (rs.getBoolean(1)) {
          throw new BackupException(
              "the database is not empty ("
                  + table.name()
                  + " has rows); a backup restores into an "
                  + "empty database only: create a new one (LUMBAR_DB_URL) and restore there");
        }
      }
    }
  }

  /**
   * Sets each empty table's next id to the backup's. DDL cannot run inside the restore's
   * transaction (it would commit it), so this comes first; a restore that fails later leaves empty
   * tables with these counters, which the next restore sets again.
   */
  private void restoreCounters(BackupHeader header) {
    db.read(
        c -> {
          try (Statement st = c.createStatement()) {
            for (Entry entry : header.tables()) {
              if (entry.autoIncrement() != null) {
                st.execute(
                    "ALTER TABLE "
                        + BackupTables.quoted(entry.table().name())
                        + " AUTO_INCREMENT = "
                        + entry.autoIncrement());
              }
            }
          }
          return null;
        });
  }

  private long write(Connection c, Path file, String checksum, boolean logChanges)
      throws SQLException {
    // Again inside the transaction: anything written since the first look fails the restore, not
    // mixes with it.
    checkEmpty(c);
    long rows;
    try (BackupSession session = BackupSession.forRestoring(c);
        BackupReader reader = BackupReader.open(file, json);
        Inserts inserts = new Inserts(c)) {
      String again = reader.readRows(inserts::add);
      inserts.flush();
      if (!again.equals(checksum)) {
        throw new BackupException(
            file + " changed while it was being restored; nothing was restored");
      }
      rows = reader.header().totalRows();
    }
    if (logChanges) {
      ChangeLog.appendEveryPassage(c);
    }
    return rows;
  }

  /** Batched INSERTs of one table at a time, in the file's order. */
  private static final class Inserts implements AutoCloseable {
    private final Connection c;
    private Entry table;
    private PreparedStatement insert;
    private int batchRows;
    private long batchBytes;

    Inserts(Connection c) {
      this.c = c;
    }

    void add(Entry entry, JsonNode values, int lineBytes) throws SQLException, IOException {
      if (entry != table) {
        flush();
        close();
        table = entry;
        List<Column> columns = entry.table().columns();
        insert =
            c.prepareStatement(
                "INSERT INTO "
                    + BackupTables.quoted(entry.table().name())
                    + " ("
                    + columns.stream()
                        .map(col -> BackupTables.quoted(col.name()))
                        .collect(Collectors.joining(", "))
                    + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?"))
                    + ")");
      }
      List<Column> columns = entry.table().columns();
      for (int i = 0; i < columns.size(); i++) {
        JsonNode value = values.get(i);
        if (value.isNull()) {
          insert.setNull(i + 1, Types.NULL);
          continue;
        }
        switch (columns.get(i).kind()) {
          case INTEGER -> insert.setBigDecimal(i + 1, value.decimalValue());
          case BINARY -> insert.setBytes(i + 1, value.binaryValue());
          case TEXT -> insert.setString(i + 1, value.textValue());
        }
      }
      insert.addBatch();
      batchRows++;
      batchBytes += lineBytes;
      if (batchRows >= BATCH_ROWS || batchBytes >= BATCH_BYTES) {
        flush();
      }
    }

    void flush() throws SQLException {
      if (batchRows > 0) {
        insert.executeBatch();
        batchRows = 0;
        batchBytes = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      if (insert != null) {
        insert.close();
        insert = null;
      }
    }
  }
}
