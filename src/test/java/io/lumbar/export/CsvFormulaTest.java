package io.lumbar.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.indexing.TagRef;
import io.lumbar.indexing.TaggedPassageReader.Article;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * CSV cells a spreadsheet would run as formulas start with an apostrophe; JSON and JSON Lines keep
 * the text.
 */
class CsvFormulaTest {
  static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"click\")";
  static final ExportedPassage PASSAGE =
      new ExportedPassage(
          7,
          FORMULA,
          "+1 original",
          "-heading",
          List.of("@above"),
          "rejected",
          "\tTabbed reason",
          0,
          null,
          new Article(
              3,
              "\rCarriage title",
              "@publisher",
              "=source",
              "https://example.org/a",
              LocalDate.parse("2024-01-02")),
          List.of(new TagRef("cause", "sciatica", "=cause name")),
          List.of(new TagRef("treatment", "rest", "Rest")),
          2,
          Instant.parse("2024-01-02T03:04:05.678Z"),
          "-creator",
          Instant.parse("2024-01-03T00:00:00Z"),
          "a=b");

  static String written(ExportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportWriter writer = ExportWriter.open(format, out)) {
      writer.write(PASSAGE);
      writer.finish();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csv_cells_starting_with_a_formula_character_get_a_leading_apostrophe() throws Exception {
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(written(ExportFormat.CSV)))
            .getRecords();

    assertThat(rows).hasSize(1);
    CSVRecord row = rows.get(0);
    assertThat(row.get("text")).isEqualTo("'" + FORMULA);
    assertThat(row.get("original_text")).isEqualTo("'+1 original");
    assertThat(row.get("heading")).isEqualTo("'-heading");
    assertThat(row.get("heading_path")).isEqualTo("'@above › -heading");
    assertThat(row.get("reject_reason")).isEqualTo("'\tTabbed reason");
    assertThat(row.get("article_title")).isEqualTo("'\rCarriage title");
    assertThat(row.get("article_publisher")).isEqualTo("'@publisher");
    assertThat(row.get("article_source")).isEqualTo("'=source");
    assertThat(row.get("cause_names")).isEqualTo("'=cause name");
    assertThat(row.get("created_by")).isEqualTo("'-creator");
    // Only the first character counts; ordinary cells, numbers and dates are as they were.
    assertThat(row.get("updated_by")).isEqualTo("a=b");
    assertThat(row.get("treatment_names")).isEqualTo("Rest");
    assertThat(row.get("id")).isEqualTo("7");
    assertThat(row.get("created_at")).isEqualTo("2024-01-02T03:04:05.678Z");
    assertThat(row.get("article_url")).isEqualTo("https://example.org/a");
    assertThat(row.get("duplicate_of")).isEmpty();
  }

  @Test
  void json_and_json_lines_keep_the_exact_text() throws Exception {
    ObjectMapper json = new ObjectMapper();
    var line = json.readTree(written(ExportFormat.JSONL));
    var document = json.readTree(written(ExportFormat.JSON)).get("passages").get(0);
    for (var record : List.of(line, document)) {
      assertThat(record.get("text").asText()).isEqualTo(FORMULA);
      assertThat(record.get("heading").asText()).isEqualTo("-heading");
      assertThat(record.get("rejectReason").asText()).isEqualTo("\tTabbed reason");
      assertThat(record.get("article").get("title").asText()).isEqualTo("\rCarriage title");
      assertThat(record.get("causes").get(0).get("name").asText()).isEqualTo("=cause name");
    }
  }

  @Test
  void only_the_owasp_characters_are_neutralised() {
    for (String risky : List.of("=1", "+1", "-1", "@1", "\t1", "\r1")) {
      assertThat(ExportWriter.Csv.neutralised(risky)).isEqualTo("'" + risky);
    }
    for (String plain : List.of("1", "a-b", " =1", "'=1", "")) {
      assertThat(ExportWriter.Csv.neutralised(plain)).isEqualTo(plain);
    }
    assertThat(ExportWriter.Csv.neutralised(null)).isNull();
  }
}
