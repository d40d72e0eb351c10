package io.lumbar.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lumbar.Main;
import io.lumbar.config.Config;
import io.lumbar.db.Database;
import io.lumbar.server.App;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.LogCapture;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lumbar backup} beside a running server, then {@code lumbar restore} into an empty
 * database: the same rows in every table but sessions, login failures and the change log, and the
 * same search answers; a damaged, foreign or misplaced backup is refused in one line and writes
 * nothing.
 */
class BackupRestoreTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final List<String> QUERIES =
      List.of("sciatica", "back pain exercise", "disc", "sleep position", "heat or ice");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  static Path backup;

  /** The source's tables as the backup saw them: searches made since add rows to its search log. */
  static Map<String, String> atBackup;

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /**
   * Something in every table, including what an export cannot carry, then a backup while the server
   * runs.
   */
  @BeforeAll
  static void fillAndBackUp() throws Exception {
    ConsoleSession.createUser(app, "edna", "a long enough password", true);
    ConsoleSession editor = new ConsoleSession(app);
    editor.login("edna", "a long enough password");
    sql(
        app.database(),
        """
        UPDATE tags SET description = 'Pain "down" the leg 😖', aliases = '["leg pain", "nerve pain"]'
         WHERE id = (SELECT id FROM (SELECT MIN(id) id FROM tags) t)""");
    sql(
        app.database(),
        """
        UPDATE tags SET parent_id = (SELECT id FROM (SELECT MIN(id) id FROM tags) t), retired_at = '2025-01-02 03:04:05.678'
         WHERE id = (SELECT id FROM (SELECT MAX(id) id FROM tags) t)""");
    sql(
        app.database(),
        "INSERT INTO api_tokens (name, token_hash, created_by) VALUES ('integrator', SHA2('token', 256), 'edna')");
    // Milliseconds with a leading zero, and a BOOLEAN: both were once read back changed.
    sql(
        app.database(),
        "INSERT INTO api_tokens (name, token_hash, created_by, created_at, revoked_at, revoked_by) "
            + "VALUES ('revoked', SHA2('old', 256), 'edna', '2024-03-31 01:30:00.005', '2024-10-27 02:30:00.050', 'edna')");
    sql(
        app.database(),
        "INSERT INTO site_template (site, fingerprint, template, decided_by) VALUES ('example.org', SHA2('b', 256), TRUE, 'edna')");
    sql(
        app.database(),
        "INSERT INTO synonym_rules (rule, created_by, updated_by) VALUES ('lumbago, low back pain', 'edna', 'edna')");
    // A deleted row: the restored table must not hand its id out again.
    sql(
        app.database(),
        "INSERT INTO synonym_rules (rule, created_by, updated_by) VALUES ('gone, away', 'edna', 'edna')");
    sql(app.database(), "DELETE FROM synonym_rules WHERE rule = 'gone, away'");
    sql(
        app.database(),
        "INSERT INTO search_log (query, filters, hits, latency_micros) VALUES ('sciatica', 'cause=sciatica', 3, 120)");
    // Binary with every awkward byte: zero, high bit, a line break.
    sql(
        app.database(),
        """
        INSERT INTO passage_vectors (passage_id, model, text_hash, dims, vector)
        SELECT MIN(id), 'test-model', SHA2('v', 256), 3, X'00FF0A80000080BF0D000000' FROM passages""");
    sql(
        app.database(),
        "INSERT INTO login_failures (username, client_ip) VALUES ('mallory', '203.0.113.9')");
    backup = shared.resolve("lumbar.backup.gz");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(app.config(), out, err, "backup", "-o", backup.toString()))
        .as(err.toString())
        .isZero();
    atBackup = checksums(app.database());
    assertThat(out.toString())
        .matches(
            "(?s)backed up \\d+ rows in \\d+ tables \\(schema version \\d+\\) to .*lumbar.backup.gz in \\d+ ms, \\d+ bytes\\s*");
  }

  @Test
  void a_restore_into_an_empty_database_gives_identical_tables_and_search_answers()
      throws Exception {
    try (TestDatabase fresh = TestDatabase.create();
        LogCapture log = new LogCapture(BackupRestore.class)) {
      Config restored =
          app.config()
              .withDatabase(fresh.url(), fresh.user(), fresh.password())
              .withIndexDir(tmp.resolve("index"));
      long auditBefore = count(app.database(), "audit_log");

      assertThat(run(restored, "restore", backup.toString())).as(err.toString()).isZero();

      long published =
          app.database()
              .read(
                  c -> {
                    try (var rs =
                        c.createStatement()
                            .executeQuery(
                                "SELECT COUNT(*) FROM passages WHERE status = 'published'")) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  });
      assertThat(out.toString())
          .containsPattern(
              "restored \\d+ rows in \\d+ tables from lumbar.backup.gz \\(a backup of schema version \\d+ taken ")
          .contains("indexed " + published + " published passages");
      assertThat(log.messages())
          .singleElement()
          .asString()
          .startsWith("restored ")
          .contains("lumbar.backup.gz");

      Map<String, String> source = atBackup;
      assertThat(source.keySet())
          .contains(
              "articles",
              "passages",
              "passage_revisions",
              "tags",
              "passage_tags",
              "tag_links",
              "synonym_rules",
              "users",
              "api_tokens",
              "audit_log",
              "search_log",
              "site_blocks",
              "passage_vectors")
          .doesNotContain("sessions", "login_failures", "index_changes", "flyway_schema_history");
      for (String table :
          List.of(
              "articles",
              "passages",
              "passage_revisions",
              "tags",
              "passage_tags",
              "tag_links",
              "synonym_rules",
              "users",
              "api_tokens",
              "audit_log",
              "search_log",
              "site_blocks",
              "site_template",
              "passage_vectors")) {
        assertThat(count(app.database(), table)).as(table).isPositive();
      }
      assertThat(checksums(fresh.database())).isEqualTo(source);
      assertThat(autoIncrement(fresh.database(), "synonym_rules"))
          .isEqualTo(autoIncrement(app.database(), "synonym_rules"));
      // The restore reported itself, it added no audit row; sessions and login failures stayed
      // behind.
      assertThat(count(fresh.database(), "audit_log")).isEqualTo(auditBefore);
      assertThat(count(fresh.database(), "sessions")).isZero();
      assertThat(count(fresh.database(), "login_failures")).isZero();

      // Scores depend on how an index was built (documents replaced since count in a grown one's
      // statistics):
      // the source's index is built whole from its database too, as the restore built the restored
      // one.
      app.stopServer();
      assertThat(run(app.config(), "reindex")).as(err.toString()).isZero();
      app.restart();
      try (App server = App.start(restored)) {
        for (String q : QUERIES) {
          String path = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
          JsonNode expected = answer(app.uri(path));
          assertThat(expected.get("total").asLong()).as(q).isPositive();
          assertThat(answer(URI.create("http://127.0.0.1:" + server.port() + path)))
              .as(q)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void a_damaged_foreign_or_misplaced_file_is_refused_in_one_line_and_writes_nothing()
      throws Exception {
    byte[] good = Files.readAllBytes(backup);
    String content = gunzip(good);
    String header = content.lines().findFirst().orElseThrow();
    String version = JSON.readTree(header).get("schemaVersion").asText();
    List<String> lines = content.lines().toList();

    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("truncated", Arrays.copyOf(good, good.length / 2));
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x01;
    files.put("flipped", flipped);
    files.put(
        "altered", gzip(content.replaceFirst("lumbago, low back pain", "lumbago, low back pane")));
    files.put("cut at a line", gzip(String.join("\n", lines.subList(0, lines.size() - 3)) + "\n"));
    files.put("no trailer", gzip(String.join("\n", lines.subList(0, lines.size() - 1)) + "\n"));
    files.put("appended", gzip(content + "[1]\n"));
    files.put(
        "format version", gzip(content.replace("\"formatVersion\":1", "\"formatVersion\":2")));
    files.put(
        "schema version",
        gzip(content.replace("\"schemaVersion\":\"" + version + "\"", "\"schemaVersion\":\"1\"")));
    Map<String, String> expected =
        Map.of(
            "truncated", " is truncated: its compressed data ends early",
            "flipped", " is ",
            "altered", " is damaged: its checksum does not match its content",
            "cut at a line", " is ",
            "no trailer",
                " is truncated: it ends after line "
                    + (lines.size() - 1)
                    + ", before its checksum line",
            "appended", " is damaged: there is more after its trailer",
            "format version",
                " is a backup in format version 2; this Lumbar reads format version 1",
            "schema version",
                " is a backup of schema version 1 but this database is at schema version "
                    + version
                    + "; restore it with the Lumbar release whose last migration is V1");

    try (TestDatabase fresh = TestDatabase.create()) {
      Config target =
          app.config()
              .withDatabase(fresh.url(), fresh.user(), fresh.password())
              .withIndexDir(tmp.resolve("index"));
      for (var file : files.entrySet()) {
        Path path =
            Files.write(tmp.resolve(file.getKey().replace(' ', '-') + ".gz"), file.getValue());
        err.getBuffer().setLength(0);

        assertThat(run(target, "restore", path.toString())).as(file.getKey()).isEqualTo(1);

        assertThat(err.toString().strip())
            .as(file.getKey())
            .startsWith("error: " + path + expected.get(file.getKey()));
        assertThat(err.toString().lines().count()).as(file.getKey()).isEqualTo(1);
        assertThat(totalRows(fresh.database())).as(file.getKey()).isZero();
      }

      // A backup gunzipped is still a backup: its checksum covers the uncompressed lines.
      Path plain = Files.writeString(tmp.resolve("plain.backup"), content);
      assertThat(run(target, "restore", "--merge", plain.toString())).isEqualTo(1);
      assertThat(err.toString().lines().toList())
          .last()
          .asString()
          .isEqualTo(
              "error: "
                  + plain
                  + " is a backup, which restores into an empty database only; --merge is for exports");
      assertThat(run(target, "restore", plain.toString())).as(err.toString()).isZero();
      assertThat(checksums(fresh.database())).isEqualTo(atBackup);

      err.getBuffer().setLength(0);
      assertThat(run(target, "restore", backup.toString())).isEqualTo(1);
      assertThat(err.toString().strip())
          .startsWith("error: the database is not empty (")
          .endsWith(
              " has rows); a backup restores "
                  + "into an empty database only: create a new one (LUMBAR_DB_URL) and restore there");
    }
  }

  @Test
  void unreadable_paths_are_one_line() {
    Path missing = tmp.resolve("missing.gz");
    assertThat(run(app.config(), "restore", missing.toString())).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("error: " + missing + " cannot be read: no such file");
    err.getBuffer().setLength(0);
    assertThat(run(app.config(), "restore", tmp.toString())).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("error: " + tmp + " cannot be read: it is a directory");
    err.getBuffer().setLength(0);
    Path nowhere = tmp.resolve("no/such/dir/lumbar.backup.gz");
    assertThat(run(app.config(), "backup", "-o", nowhere.toString())).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("error: cannot write " + nowhere + ": no such directory");
    err.getBuffer().setLength(0);
    assertThat(run(app.config(), "backup", "-o", tmp.toString())).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("error: cannot write " + tmp + ": it is a directory");
  }

  private int run(Config config, String... args) {
    return run(config, out, err, args);
  }

  private static int run(Config config, StringWriter out, StringWriter err, String... args) {
    var cli = Main.commandLine(config);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static JsonNode answer(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    ObjectNode body = (ObjectNode) JSON.readTree(response.body());
    body.remove("tookMs");
    return body;
  }

  /**
   * Two checksums of every table a backup holds, by name: a SHA-256 of every column of every row in
   * primary key order as the server gives it, and the server's own CHECKSUM TABLE.
   */
  static Map<String, String> checksums(Database db) {
    return db.read(
        c -> {
          Map<String, String> sums = new LinkedHashMap<>();
          for (BackupTables.Table table : BackupTables.read(c)) {
            MessageDigest sha = BackupReader.sha256();
            String order =
                table.primaryKey().stream()
                    .map(BackupTables::quoted)
                    .reduce((x, y) -> x + ", " + y)
                    .orElseThrow();
            // HEX(): the stored bytes of text and binary columns, the value of numbers, the text of
            // dates.
            String columns =
                table.columns().stream()
                    .map(col -> "HEX(" + BackupTables.quoted(col.name()) + ")")
                    .reduce((x, y) -> x + ", " + y)
                    .orElseThrow();
            try (var rs =
                c.createStatement()
                    .executeQuery(
                        "SELECT "
                            + columns
                            + " FROM "
                            + BackupTables.quoted(table.name())
                            + " ORDER BY "
                            + order)) {
              while (rs.next()) {
                for (int i = 1; i <= table.columns().size(); i++) {
                  String value = rs.getString(i);
                  sha.update(
                      (value == null ? "N;" : value + ";").getBytes(StandardCharsets.US_ASCII));
                }
              }
            }
            try (var rs =
                c.createStatement()
                    .executeQuery(
                        "CHECKSUM TABLE " + BackupTables.quoted(table.name()) + " EXTENDED")) {
              rs.next();
              sums.put(
                  table.name(), HexFormat.of().formatHex(sha.digest()) + " " + rs.getString(2));
            }
          }
          return sums;
        });
  }

  /** Rows in every table of the database, the left-out ones included. */
  static long totalRows(Database db) {
    return db.read(
        c -> {
          List<String> tables = new ArrayList<>();
          try (var rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'")) {
            while (rs.next()) {
              tables.add(rs.getString(1));
            }
          }
          long total = 0;
          for (String table : tables) {
            total += count(db, table);
          }
          return total;
        });
  }

  static long count(Database db, String table) {
    return db.read(
        c -> {
          try (var rs =
              c.createStatement()
                  .executeQuery("SELECT COUNT(*) FROM " + BackupTables.quoted(table))) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  static long autoIncrement(Database db, String table) {
    return db.read(
        c -> {
          try (var st =
              c.prepareStatement(
                  "SELECT auto_increment FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
            st.setString(1, table);
            try (var rs = st.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  static void sql(Database db, String statement) {
    db.read(c -> c.createStatement().executeUpdate(statement));
  }

  static String gunzip(byte[] gz) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
