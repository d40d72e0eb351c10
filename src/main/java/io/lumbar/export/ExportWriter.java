package io.lumbar.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.lumbar.indexing.TagRef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes exported passages in one format with Jackson's streaming generators, record by record, so
 * nothing is held but the current record. The API and the command line both write through here: the
 * same filter gives the same bytes. {@link #finish} completes the document; a writer left
 * unfinished leaves an invalid JSON document behind, never a valid-looking partial one.
 */
public abstract sealed class ExportWriter implements AutoCloseable {
  /** Bumped when a field changes meaning or goes away; new fields may appear without a bump. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Between tags in a CSV cell. Slugs are lower-case letters, digits and hyphens, so this never
   * occurs in one.
   */
  static final String CSV_TAG_SEPARATOR = "; ";

  /** Between the headings of a heading path in a CSV cell. */
  static final String CSV_HEADING_SEPARATOR = " › ";

  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final CsvFactory CSV = CsvFactory.builder().build();

  final JsonGenerator gen;
  private boolean finished;

  ExportWriter(JsonGenerator gen) {
    this.gen =
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // An unfinished document must stay unfinished: never close its brackets on close().
            .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
  }

  public static ExportWriter open(ExportFormat format, OutputStream out) {
    try {
      return switch (format) {
        case JSONL -> new JsonLines(out);
        case JSON -> new JsonDocument(out);
        case CSV -> new Csv(out);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one passage. */
  public final void write(ExportedPassage passage) {
    try {
      writeRecord(passage);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Completes the document and flushes; the output stays open. */
  public final void finish() {
    try {
      writeEnd();
      finished = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  abstract void writeRecord(ExportedPassage p) throws IOException;

  /**
   * Releases the generator; the output stays open. Unfinished (after a failure), the document is
   * left incomplete and the output is not flushed, so a buffered output keeps what it holds back:
   * an export failing before its first buffer filled has written nothing (and an HTTP export can
   * still answer with an error status).
   */
  @Override
  public void close() {
    try {
      if (!finished) {
        gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      }
      gen.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void writeEnd() throws IOException {
    gen.flush();
  }

  /** JSON Lines: one record per line, each ending with a newline. */
  static final class JsonLines extends ExportWriter {
    JsonLines(OutputStream out) throws IOException {
      super(JSON.createGenerator(out, JsonEncoding.UTF8));
      gen.setRootValueSeparator(null);
    }

    @Override
    void writeRecord(ExportedPassage p) throws IOException {
      writeJson(gen, p);
      gen.writeRaw('\n');
    }
  }

  /** One JSON document: {@code {"schemaVersion":1,"passages":[...]}}. */
  static final class JsonDocument extends ExportWriter {
    JsonDocument(OutputStream out) throws IOException {
      super(JSON.createGenerator(out, JsonEncoding.UTF8));
      gen.writeStartObject();
      gen.writeNumberField("schemaVersion", SCHEMA_VERSION);
      gen.writeArrayFieldStart("passages");
    }

    @Override
    void writeRecord(ExportedPassage p) throws IOException {
      writeJson(gen, p);
    }

    @Override
    void writeEnd() throws IOException {
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeRaw('\n');
      gen.flush();
    }
  }

  static void writeJson(JsonGenerator gen, ExportedPassage p) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("schemaVersion", SCHEMA_VERSION);
    gen.writeNumberField("id", p.id());
    gen.writeStringField("text", p.text());
    gen.writeStringField("originalText", p.originalText());
    gen.writeStringField("heading", p.heading());
    gen.writeArrayFieldStart("headingPath");
    for (String heading : p.headingPath()) {
      gen.writeString(heading);
    }
    gen.writeEndArray();
    gen.writeStringField("status", p.status());
    gen.writeStringField("rejectReason", p.rejectReason());
    gen.writeNumberField("position", p.position());
    if (p.duplicateOf() == null) {
      gen.writeNullField("duplicateOf");
    } else {
      gen.writeNumberField("duplicateOf", p.duplicateOf());
    }
    gen.writeObjectFieldStart("article");
    gen.writeNumberField("id", p.article().id());
    gen.writeStringField("title", p.article().title());
    gen.writeStringField("publisher", p.article().publisher());
    gen.writeStringField("source", p.article().source());
    gen.writeStringField("url", p.article().url());
    gen.writeStringField(
        "published", p.article().published() == null ? null : p.article().published().toString());
    gen.writeEndObject();
    writeTags(gen, "causes", p.causes());
    writeTags(gen, "treatments", p.treatments());
    gen.writeNumberField("version", p.version());
    gen.writeStringField("createdAt", p.createdAt().toString());
    gen.writeStringField("createdBy", p.createdBy());
    gen.writeStringField("updatedAt", p.updatedAt().toString());
    gen.writeStringField("updatedBy", p.updatedBy());
    gen.writeEndObject();
  }

  private static void writeTags(JsonGenerator gen, String field, List<TagRef> tags)
      throws IOException {
    gen.writeArrayFieldStart(field);
    for (TagRef tag : tags) {
      gen.writeStartObject();
      gen.writeStringField("slug", tag.slug());
      gen.writeStringField("name", tag.name());
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  /**
   * CSV (RFC 4180: comma separated, CRLF line ends, fields with commas, quotes or line breaks
   * quoted, quotes doubled), UTF-8, a header row, one row per passage. Tags are joined by "; ":
   * slugs in {@code causes} and {@code treatments}, names in the same order in {@code cause_names}
   * and {@code treatment_names}. The heading path is joined by " › " for people reading the sheet
   * (a heading could hold the separator; the JSON formats carry the exact list). New columns go
   * last, so sheets and scripts that read columns by place keep working. A text cell a spreadsheet
   * would run as a formula gets a leading apostrophe (see {@link #neutralised}).
   */
  static final class Csv extends ExportWriter {
    static final CsvSchema SCHEMA =
        CsvSchema.builder()
            .addColumn("schema_version")
            .addColumn("id")
            .addColumn("text")
            .addColumn("original_text")
            .addColumn("heading")
            .addColumn("status")
            .addColumn("reject_reason")
            .addColumn("position")
            .addColumn("duplicate_of")
            .addColumn("article_id")
            .addColumn("article_title")
            .addColumn("article_publisher")
            .addColumn("article_source")
            .addColumn("causes")
            .addColumn("cause_names")
            .addColumn("treatments")
            .addColumn("treatment_names")
            .addColumn("version")
            .addColumn("created_at")
            .addColumn("created_by")
            .addColumn("updated_at")
            .addColumn("updated_by")
            .addColumn("heading_path")
            .addColumn("article_url")
            .addColumn("article_published")
            .setUseHeader(true)
            .setLineSeparator("\r\n")
            .build();

    private final StringBuilder joined = new StringBuilder();

    Csv(OutputStream out) throws IOException {
      super(csvGenerator(out));
    }

    private static CsvGenerator csvGenerator(OutputStream out) throws IOException {
      CsvGenerator gen = CSV.createGenerator(out, JsonEncoding.UTF8);
      gen.setSchema(SCHEMA);
      return gen;
    }

    @Override
    void writeRecord(ExportedPassage p) throws IOException {
      gen.writeStartArray();
      gen.writeNumber(SCHEMA_VERSION);
      gen.writeNumber(p.id());
      cell(p.text());
      cell(p.originalText());
      cell(p.heading());
      cell(p.status());
      cell(p.rejectReason());
      gen.writeNumber(p.position());
      cell(p.duplicateOf() == null ? null : p.duplicateOf().toString());
      gen.writeNumber(p.article().id());
      cell(p.article().title());
      cell(p.article().publisher());
      cell(p.article().source());
      cell(join(p.causes(), true));
      cell(join(p.causes(), false));
      cell(join(p.treatments(), true));
      cell(join(p.treatments(), false));
      gen.writeNumber(p.version());
      cell(p.createdAt().toString());
      cell(p.createdBy());
      cell(p.updatedAt().toString());
      cell(p.updatedBy());
      cell(String.join(CSV_HEADING_SEPARATOR, p.headingPath()));
      cell(p.article().url());
      cell(p.article().published() == null ? null : p.article().published().toString());
      gen.writeEndArray();
    }

    /** A text cell, neutralised; null stays an empty cell. */
    private void cell(String value) throws IOException {
      gen.writeString(neutralised(value));
    }

    /**
     * OWASP's defence against formula injection: a cell starting with {@code = + - @}, a tab or a
     * carriage return is what spreadsheets run as a formula (or strip into one), so it starts with
     * an apostrophe instead, which they show as text and do not display. Only CSV is meant for
     * spreadsheets: JSON and JSON Lines keep the exact text. Ids, numbers, dates and instants never
     * start with one of these characters.
     */
    static String neutralised(String value) {
      if (value == null || value.isEmpty()) {
        return value;
      }
      return switch (value.charAt(0)) {
        case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
        default -> value;
      };
    }

    private String join(List<TagRef> tags, boolean slugs) {
      joined.setLength(0);
      for (TagRef tag : tags) {
        if (!joined.isEmpty()) {
          joined.append(CSV_TAG_SEPARATOR);
        }
        joined.append(slugs ? tag.slug() : tag.name());
      }
      return joined.toString();
    }
  }
}
