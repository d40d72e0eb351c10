package io.lumbar.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.db.Database;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge export: every current cause with its description and aliases, the treatments linked
 * to it, and for each link the ids of the published passages tagged with both (the evidence). The
 * taxonomy is small and read first; the evidence can be large and is streamed in the same order and
 * merged in. All three reads run in one transaction, so they see one snapshot.
 */
public final class KnowledgeExport {
  private static final String CAUSES =
      """
      SELECT id, slug, name, description, aliases FROM tags
       WHERE kind = 'cause' AND retired_at IS NULL ORDER BY slug
      """;
  private static final String LINKS =
      """
      SELECT l.cause_id, t.id, t.slug, t.name
        FROM tag_links l JOIN tags c ON c.id = l.cause_id JOIN tags t ON t.id = l.treatment_id
       WHERE c.retired_at IS NULL AND t.retired_at IS NULL
       ORDER BY c.slug, t.slug
      """;
  private static final String EVIDENCE =
      """
      SELECT l.cause_id, l.treatment_id, p.id
        FROM tag_links l JOIN tags c ON c.id = l.cause_id JOIN tags t ON t.id = l.treatment_id
        JOIN passage_tags pc ON pc.tag_id = l.cause_id
        JOIN passage_tags pt ON pt.passage_id = pc.passage_id AND pt.tag_id = l.treatment_id
        JOIN passages p ON p.id = pc.passage_id AND p.status = 'published'
       WHERE c.retired_at IS NULL AND t.retired_at IS NULL
       ORDER BY c.slug, t.slug, p.id
      """;

  private record Cause(
      long id, String slug, String name, String description, List<String> aliases) {}

  private record Link(long treatmentId, String slug, String name) {}

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Database db;
  private final ObjectMapper json;

  public KnowledgeExport(Database db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  public void write(OutputStream out) {
    db.inTransaction(
        c -> {
          List<Cause> causes = causes(c);
          Map<Long, List<Link>> links = links(c);
          BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
          // As in ExportWriter: a failure leaves the document unfinished and what is still buffered
          // unwritten.
          try (JsonGenerator gen =
              JSON.createGenerator(buffered, JsonEncoding.UTF8)
                  .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                  .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)
                  .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)) {
            gen.writeStartObject();
            gen.writeNumberField("schemaVersion", ExportWriter.SCHEMA_VERSION);
            gen.writeArrayFieldStart("causes");
            try (PreparedStatement st =
                c.prepareStatement(
                    EVIDENCE, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
              st.setFetchSize(5_000);
              try (ResultSet evidence = st.executeQuery()) {
                boolean more = evidence.next();
                for (Cause cause : causes) {
                  gen.writeStartObject();
                  gen.writeStringField("slug", cause.slug());
                  gen.writeStringField("name", cause.name());
                  gen.writeStringField("description", cause.description());
                  gen.writeArrayFieldStart("aliases");
                  for (String alias : cause.aliases()) {
                    gen.writeString(alias);
                  }
                  gen.writeEndArray();
                  gen.writeArrayFieldStart("treatments");
                  for (Link link : links.getOrDefault(cause.id(), List.of())) {
                    gen.writeStartObject();
                    gen.writeStringField("slug", link.slug());
                    gen.writeStringField("name", link.name());
                    gen.writeArrayFieldStart("passages");
                    while (more
                        && evidence.getLong(1) == cause.id()
                        && evidence.getLong(2) == link.treatmentId()) {
                      gen.writeNumber(evidence.getLong(3));
                      more = evidence.next();
                    }
                    gen.writeEndArray();
                    gen.writeEndObject();
                  }
                  gen.writeEndArray();
                  gen.writeEndObject();
                }
              }
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeRaw('\n');
            gen.flush();
            buffered.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return null;
        });
  }

  private List<Cause> causes(Connection c) throws SQLException {
    List<Cause> causes = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(CAUSES);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        causes.add(
            new Cause(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                aliases(rs.getString(5))));
      }
    }
    return causes;
  }

  private static Map<Long, List<Link>> links(Connection c) throws SQLException {
    Map<Long, List<Link>> links = new LinkedHashMap<>();
    try (PreparedStatement st = c.prepareStatement(LINKS);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        links
            .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
            .add(new Link(rs.getLong(2), rs.getString(3), rs.getString(4)));
      }
    }
    return links;
  }

  private List<String> aliases(String column) {
    try {
      return column == null ? List.of() : List.of(json.readValue(column, String[].class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
