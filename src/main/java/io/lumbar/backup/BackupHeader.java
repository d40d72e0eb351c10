package io.lumbar.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.backup.BackupTables.Column;
import io.lumbar.backup.BackupTables.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first line of a backup: what it is ({@code "format":"lumbar-backup"} first, so a reader can
 * tell it from an export by its opening bytes), the format version, the schema version of the
 * database it was taken from, when, and each table with its columns, row count and auto-increment
 * counter, in the order their rows follow.
 */
record BackupHeader(int formatVersion, String schemaVersion, String takenAt, List<Entry> tables) {
  static final String FORMAT = "lumbar-backup";

  /** Bumped when the file's layout or a value's encoding changes; a reader refuses any other. */
  static final int FORMAT_VERSION = 1;

  /**
   * A table's rows in the file; {@code autoIncrement} is the table's next id, null when it has
   * none.
   */
  record Entry(Table table, long rows, Long autoIncrement) {}

  long totalRows() {
    return tables.stream().mapToLong(Entry::rows).sum();
  }

  void write(JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("format", FORMAT);
    gen.writeNumberField("formatVersion", formatVersion);
    gen.writeStringField("schemaVersion", schemaVersion);
    gen.writeStringField("takenAt", takenAt);
    gen.writeArrayFieldStart("tables");
    for (Entry entry : tables) {
      gen.writeStartObject();
      gen.writeStringField("name", entry.table().name());
      gen.writeArrayFieldStart("columns");
      for (Column column : entry.table().columns()) {
        gen.writeStartObject();
        gen.writeStringField("name", column.name());
        gen.writeStringField("type", column.type());
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeArrayFieldStart("primaryKey");
      for (String key : entry.table().primaryKey()) {
        gen.writeString(key);
      }
      gen.writeEndArray();
      gen.writeNumberField("rows", entry.rows());
      if (entry.autoIncrement() == null) {
        gen.writeNullField("autoIncrement");
      } else {
        gen.writeNumberField("autoIncrement", entry.autoIncrement());
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  /**
   * Reads a header line; anything missing or of the wrong kind is refused in one line naming {@code
   * file}.
   */
  static BackupHeader read(JsonNode node, String file) {
    if (!node.isObject() || !FORMAT.equals(node.path("format").asText())) {
      throw new BackupException(
          file
              + " is not a Lumbar backup: its first line is not a lumbar-backup header (a gzip-compressed export? gunzip it first)");
    }
    JsonNode version = node.path("formatVersion");
    if (!version.isInt() || version.asInt() != FORMAT_VERSION) {
      throw new BackupException(
          file
              + " is a backup in format version "
              + version
              + "; this Lumbar reads format version "
              + FORMAT_VERSION);
    }
    if (!node.path("schemaVersion").isTextual()
        || !node.path("takenAt").isTextual()
        || !node.path("tables").isArray()) {
      throw damaged(file, "its header lacks schemaVersion, takenAt or tables");
    }
    List<Entry> tables = new ArrayList<>();
    for (JsonNode t : node.get("tables")) {
      if (!t.path("name").isTextual()
          || !t.path("columns").isArray()
          || !t.path("primaryKey").isArray()
          || !t.path("rows").isIntegralNumber()
          || t.get("rows").asLong() < 0
          || !(t.path("autoIncrement").isNull() || t.path("autoIncrement").isIntegralNumber())) {
        throw damaged(
            file, "a table in its header lacks name, columns, primaryKey, rows or autoIncrement");
      }
      List<Column> columns = new ArrayList<>();
      for (JsonNode c : t.get("columns")) {
        Column column = new Column(c.path("name").asText(), c.path("type").asText());
        if (!c.path("name").isTextual() || column.kind() == null) {
          throw damaged(
              file,
              "column "
                  + c
                  + " of table "
                  + t.get("name").asText()
                  + " has no name or an unknown type");
        }
        columns.add(column);
      }
      List<String> key = new ArrayList<>();
      t.get("primaryKey").forEach(k -> key.add(k.asText()));
      tables.add(
          new Entry(
              new Table(t.get("name").asText(), List.copyOf(columns), List.copyOf(key)),
              t.get("rows").asLong(),
              t.get("autoIncrement").isNull() ? null : t.get("autoIncrement").asLong()));
    }
    return new BackupHeader(
        version.asInt(),
        node.get("schemaVersion").asText(),
        node.get("takenAt").asText(),
        List.copyOf(tables));
  }

  static BackupException damaged(String file, String problem) {
    return new BackupException(file + " is damaged: " + problem);
  }
}
