package io.lumbar.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lumbar.db.Database;
import io.lumbar.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log has one writer, which stores the detail as the JSON object the console shows and
 * writes in the caller's transaction, so an entry never outlives a change that rolled back.
 */
class AuditTrailTest {
  private static TestDatabase testDb;
  private static Database db;

  @BeforeAll
  static void open() {
    testDb = TestDatabase.create();
    db = testDb.database();
  }

  @AfterAll
  static void close() throws Exception {
    testDb.close();
  }

  @Test
  void stores_the_detail_in_the_order_given_with_its_json_types() {
    db.inTransaction(
        c -> {
          AuditTrail.record(
              c,
              AuditEntry.of("ada", "test.detail", "passage", 7L)
                  .with("version", 3)
                  .with("status", "published")
                  .with("parent", null)
                  .with("merge", true)
                  .with("aliases", List.of("a", "b")));
          return null;
        });

    assertThat(row("test.detail"))
        .containsExactly(
            "ada",
            "passage",
            "7",
            "{\"version\":3,\"status\":\"published\",\"parent\":null,\"merge\":true,"
                + "\"aliases\":[\"a\",\"b\"]}",
            "3",
            "published");
  }

  @Test
  void an_entry_without_entity_or_detail_stores_nulls() {
    new AuditTrail(db).record(AuditEntry.of("cli:ops", "test.bare", "taxonomy", null));

    assertThat(row("test.bare")).containsExactly("cli:ops", "taxonomy", null, null, null, null);
  }

  @Test
  void rolls_back_with_the_change_it_records() {
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    c -> {
                      AuditTrail.record(c, AuditEntry.of("ada", "test.rolled-back", "tag", 1L));
                      throw new IllegalStateException("the change failed");
                    }))
        .hasMessage("the change failed");

    long kept =
        db.read(
            c -> {
              try (var st =
                      c.prepareStatement(
                          "SELECT COUNT(*) FROM audit_log WHERE action = 'test.rolled-back'");
                  ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    assertThat(kept).isZero();
  }

  @Test
  void no_other_class_writes_the_audit_log() throws IOException {
    Pattern insert = Pattern.compile("INSERT\\s+INTO\\s+audit_log", Pattern.CASE_INSENSITIVE);
    Path main = Path.of("src/main/java/io/lumbar");
    try (Stream<Path> files = Files.walk(main)) {
      List<String> writers =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> !f.startsWith(main.resolve("audit")))
              .filter(f -> insert.matcher(read(f)).find())
              .map(f -> main.relativize(f).toString())
              .toList();
      assertThat(writers).as("classes inserting into audit_log besides audit/AuditTrail").isEmpty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** actor, entity type, entity id, detail, and two values read back out of the detail. */
  private static List<String> row(String action) {
    return db.read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  """
                  SELECT actor, entity_type, entity_id, detail,
                         JSON_VALUE(detail, '$.version'), JSON_VALUE(detail, '$.status')
                    FROM audit_log WHERE action = ?
                  """)) {
            st.setString(1, action);
            try (ResultSet rs = st.executeQuery()) {
              assertThat(rs.next()).as("an entry for " + action).isTrue();
              return java.util.Arrays.asList(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6));
            }
          }
        });
  }
}
