package io.lumbar.export;

import static io.lumbar.export.ExportFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The export API over HTTP: formats, every filter, quoting, auth with sessions and tokens, bad
 * input.
 */
class ExportApiTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final String PASSWORD = "a long enough password";
  static final ObjectMapper JSON = new ObjectMapper();
  static ConsoleSession editor;
  static ConsoleSession admin;
  static long tricky;

  @BeforeAll
  static void setUp() {
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
    ConsoleSession.createUser(app, "ada", PASSWORD, true);
    editor = new ConsoleSession(app);
    editor.login("edna", PASSWORD);
    admin = new ConsoleSession(app);
    admin.login("ada", PASSWORD);
    tricky = ExportFixture.trickyPassage(app.database(), "sciatica", "chiropractic");
  }

  static List<Long> jsonlIds(String body) {
    List<Long> ids = new ArrayList<>();
    body.lines().forEach(line -> ids.add(parse(line).get("id").asLong()));
    return ids;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }

  static List<CSVRecord> csv(String body) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(body))
        .getRecords();
  }

  static String anyStatus(String query) {
    return editor.get("/api/export?status=any" + query).body();
  }

  @Test
  void by_default_anyone_gets_the_published_passages_as_json_lines() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(app.uri("/api/export")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
        .isEqualTo("application/x-ndjson;charset=utf-8");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo(
            "attachment; filename=\"lumbar-passages-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl\"");
    assertThat(r.body()).endsWith("}\n");
    assertThat(jsonlIds(r.body()))
        .isNotEmpty()
        .isEqualTo(ids(app.database(), "WHERE status = 'published'"));
  }

  @Test
  void a_record_has_every_field_and_keeps_commas_quotes_and_line_breaks() throws Exception {
    JsonNode record = parse(app.get("/api/export?article=" + articleOf(tricky)).body().strip());

    assertThat(record.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(record.get("id").asLong()).isEqualTo(tricky);
    assertThat(record.get("text").asText()).isEqualTo(ExportFixture.TRICKY_TEXT);
    assertThat(record.get("originalText").asText()).isEqualTo("Original, before editing.");
    assertThat(record.get("heading").asText()).isEqualTo(ExportFixture.TRICKY_HEADING);
    assertThat(record.get("headingPath").toString())
        .isEqualTo("[\"Part, one\",\"Sub \\\"two\\\"\",\"Commas, \\\"quotes\\\"\"]");
    assertThat(record.get("status").asText()).isEqualTo("published");
    assertThat(record.get("rejectReason").isNull()).isTrue();
    assertThat(record.get("position").asInt()).isZero();
    assertThat(record.get("duplicateOf").isNull()).isTrue();
    assertThat(record.get("article").toString())
        .isEqualTo(
            "{\"id\":"
                + articleOf(tricky)
                + ",\"title\":\"Quoting, \\\"tricky\\\" article\",\"publisher\":\"Pub, Inc.\",\"source\":\"tricky.txt\","
                + "\"url\":\"https://example.org/back?a=1&b=2\",\"published\":\"2023-04-05\"}");
    assertThat(record.get("causes").toString())
        .isEqualTo("[{\"slug\":\"sciatica\",\"name\":\"Sciatica\"}]");
    assertThat(record.get("treatments").toString())
        .isEqualTo("[{\"slug\":\"chiropractic\",\"name\":\"Chiropractic care\"}]");
    assertThat(record.get("version").asInt()).isEqualTo(1);
    assertThat(record.get("createdBy").asText()).isEqualTo("test");
    assertThat(record.get("updatedBy").asText()).isEqualTo("edna");
    assertThat(record.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");

    String raw = app.get("/api/export?format=csv&article=" + articleOf(tricky)).body();
    assertThat(raw).contains("\"He said, \"\"lie flat\"\"\nthen rest;").contains("\r\n");
    List<CSVRecord> rows = csv(raw);
    assertThat(rows).hasSize(1);
    CSVRecord row = rows.get(0);
    assertThat(row.get("id")).isEqualTo(Long.toString(tricky));
    assertThat(row.get("text")).isEqualTo(ExportFixture.TRICKY_TEXT);
    assertThat(row.get("heading")).isEqualTo(ExportFixture.TRICKY_HEADING);
    assertThat(row.get("article_title")).isEqualTo("Quoting, \"tricky\" article");
    assertThat(row.get("article_publisher")).isEqualTo("Pub, Inc.");
    assertThat(row.get("heading_path")).isEqualTo("Part, one › Sub \"two\" › Commas, \"quotes\"");
    assertThat(row.get("article_url")).isEqualTo("https://example.org/back?a=1&b=2");
    assertThat(row.get("article_published")).isEqualTo("2023-04-05");
    assertThat(row.get("causes")).isEqualTo("sciatica");
    assertThat(row.get("cause_names")).isEqualTo("Sciatica");
    assertThat(row.get("treatments")).isEqualTo("chiropractic");
    assertThat(row.get("reject_reason")).isEmpty();
  }

  @Test
  void json_and_csv_hold_the_same_passages_as_json_lines() throws Exception {
    RunningApp.Response json = app.get("/api/export?format=json");
    RunningApp.Response csv = app.get("/api/export?format=csv");

    assertThat(json.contentType().replace(" ", "")).isEqualTo("application/json;charset=utf-8");
    assertThat(csv.contentType().replace(" ", "")).isEqualTo("text/csv;charset=utf-8");
    JsonNode document = json.json();
    assertThat(document.get("schemaVersion").asInt()).isEqualTo(1);
    List<Long> fromJson = new ArrayList<>();
    document.get("passages").forEach(p -> fromJson.add(p.get("id").asLong()));
    List<Long> expected = ids(app.database(), "WHERE status = 'published'");
    assertThat(fromJson).isEqualTo(expected);
    assertThat(csv(csv.body()).stream().map(r -> Long.parseLong(r.get("id"))).toList())
        .isEqualTo(expected);
    // The same records in both JSON forms.
    assertThat(document.get("passages").get(0))
        .isEqualTo(parse(app.get("/api/export").body().lines().findFirst().orElseThrow()));
  }

  @Test
  void every_filter_matches_what_the_database_holds() {
    var db = app.database();
    ExportFixture.sql(
        db,
        "UPDATE passages SET status = 'pending' WHERE id = (SELECT MIN(id) FROM (SELECT id FROM passages WHERE status = 'published') x)");
    assertThat(jsonlIds(anyStatus(""))).isEqualTo(ids(db, ""));
    for (String status : List.of("pending", "published", "rejected")) {
      assertThat(jsonlIds(editor.get("/api/export?status=" + status).body()))
          .as(status)
          .isNotEmpty()
          .isEqualTo(ids(db, "WHERE status = ?", status));
    }
    String tagged =
        "WHERE status = 'published' AND EXISTS (SELECT 1 FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id AND t.slug = ?)";
    assertThat(jsonlIds(app.get("/api/export?cause=sciatica").body()))
        .isNotEmpty()
        .isEqualTo(ids(db, tagged, "sciatica"));
    assertThat(jsonlIds(app.get("/api/export?treatment=chiropractic").body()))
        .isNotEmpty()
        .isEqualTo(ids(db, tagged, "chiropractic"));
    assertThat(jsonlIds(app.get("/api/export?cause=sciatica&treatment=chiropractic").body()))
        .contains(tricky);
    assertThat(jsonlIds(app.get("/api/export?article=1").body()))
        .isNotEmpty()
        .isEqualTo(ids(db, "WHERE status = 'published' AND article_id = 1"));
    assertThat(
            jsonlIds(
                app.get(
                        "/api/export?q="
                            + URLEncoder.encode("kidney stones", StandardCharsets.UTF_8))
                    .body()))
        .isNotEmpty()
        .isEqualTo(
            ids(
                db,
                "WHERE status = 'published' AND MATCH (text) AGAINST (? IN NATURAL LANGUAGE MODE)",
                "kidney stones"));
    assertThat(jsonlIds(anyStatus("&untagged=1")))
        .isNotEmpty()
        .isEqualTo(
            ids(db, "WHERE NOT EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id)"));
    assertThat(jsonlIds(anyStatus("&duplicates=1")))
        .isEqualTo(ids(db, "WHERE duplicate_of IS NOT NULL"));

    ExportFixture.sql(
        db, "UPDATE passages SET updated_at = '2020-01-01 00:00:00' WHERE id <> ?", tricky);
    ExportFixture.sql(
        db, "UPDATE passages SET updated_at = '2024-06-01 12:00:00' WHERE id = ?", tricky);
    assertThat(jsonlIds(app.get("/api/export?updatedSince=2024-06-01").body()))
        .containsExactly(tricky);
    assertThat(jsonlIds(app.get("/api/export?updatedSince=2024-06-01T12:00:00Z").body()))
        .containsExactly(tricky);
    assertThat(jsonlIds(app.get("/api/export?updatedSince=2024-06-01T12:00:00.001Z").body()))
        .isEmpty();
    assertThat(jsonlIds(app.get("/api/export?updatedSince=2099-01-01").body()))
        .as("past what a TIMESTAMP holds")
        .isEmpty();
    assertThat(jsonlIds(app.get("/api/export?updatedSince=2019-12-31").body()))
        .isEqualTo(ids(db, "WHERE status = 'published'"));
  }

  @Test
  void a_filter_matching_nothing_answers_an_empty_but_whole_document() throws Exception {
    String nothing = "&q=zzyzxnothingmatches";
    assertThat(app.get("/api/export?format=jsonl" + nothing).body()).isEmpty();
    assertThat(app.get("/api/export?format=json" + nothing).json().toString())
        .isEqualTo("{\"schemaVersion\":1,\"passages\":[]}");
    String csv = app.get("/api/export?format=csv" + nothing).body();
    assertThat(csv)
        .startsWith("schema_version,id,text,")
        .endsWith("updated_by,heading_path,article_url,article_published\r\n");
    assertThat(csv(csv)).isEmpty();
  }

  @Test
  void bad_parameters_answer_400_with_a_clear_message() {
    Map<String, String> cases =
        Map.of(
            "format=xml", "'format' must be jsonl, json or csv",
            "status=draft", "'status' must be pending, published or rejected",
            "article=abc", "'article' must be an article id",
            "updatedSince=yesterday",
                "'updatedSince' must be an ISO-8601 date (2025-03-01) or instant (2025-03-01T12:00:00Z), got 'yesterday'",
            "updatedSince=2024-13-01", "'updatedSince' must be an ISO-8601 date");
    cases.forEach(
        (query, message) -> {
          RunningApp.Response r = app.get("/api/export?" + query);
          assertThat(r.status()).as(query).isEqualTo(400);
          assertThat(r.json().get("error").asText()).as(query).startsWith(message);
        });
  }

  @Test
  void other_statuses_need_a_session_or_a_live_token() {
    for (String status : List.of("any", "pending", "rejected")) {
      RunningApp.Response anonymous = app.get("/api/export?status=" + status);
      assertThat(anonymous.status()).as(status).isEqualTo(401);
      assertThat(anonymous.json().get("error").asText())
          .contains("needs an editor's session or an API token");
    }
    assertThat(editor.get("/api/export?status=any").status()).isEqualTo(200);

    String token = createToken("clinic app");
    RunningApp.Response withToken = bearer("/api/export?status=any", token);
    assertThat(withToken.status()).isEqualTo(200);
    assertThat(jsonlIds(withToken.body())).isEqualTo(ids(app.database(), ""));
    assertThat(admin.get("/admin/tokens").body()).contains("clinic app").doesNotContain(token);
    assertThat(bearer("/api/export?status=any", "lumbar_not-a-real-token").status()).isEqualTo(401);

    long id = tokenId("clinic app");
    assertThat(admin.post("/admin/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(302);
    RunningApp.Response revoked = bearer("/api/export?status=any", token);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.json().get("error").asText())
        .isEqualTo("This API token is unknown or has been revoked");
    assertThat(bearer("/api/export", token).status()).isEqualTo(401);
  }

  @Test
  void only_admins_manage_tokens_and_only_with_the_csrf_token() {
    assertThat(editor.get("/admin/tokens").status()).isEqualTo(403);
    assertThat(editor.post("/admin/tokens", Map.of("name", "x")).status()).isEqualTo(403);
    assertThat(admin.postRaw("/admin/tokens", Map.of("name", "no csrf")).status()).isEqualTo(403);
    assertThat(admin.post("/admin/tokens", Map.of("name", " ")).status()).isEqualTo(400);
    assertThat(app.get("/admin/tokens").status()).isEqualTo(302);
  }

  @Test
  void the_passage_list_exports_exactly_its_current_filter() {
    String list = editor.get("/admin/passages?q=kidney&cause=kidney-stones&sort=id").body();
    Matcher link = Pattern.compile("href=\"(/api/export\\?[^\"]+)\"[^>]*>Export").matcher(list);
    assertThat(link.find()).as("export link").isTrue();
    String href = link.group(1).replace("&amp;", "&");
    assertThat(href).isEqualTo("/api/export?format=csv&status=any&q=kidney&cause=kidney-stones");
    ConsoleSession.Page export = editor.get(href);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
  }

  @Test
  void the_knowledge_export_lists_causes_their_treatments_and_the_passages_behind_each_link() {
    var db = app.database();
    ExportFixture.sql(
        db,
        """
        INSERT INTO tags (kind, name, slug, description, aliases) VALUES
          ('cause', 'Zed cause', 'zz-cause', 'A cause for the test, "quoted".', '["zed", "zee"]'),
          ('treatment', 'Zed treatment A', 'zz-treat-a', NULL, '[]'),
          ('treatment', 'Zed treatment B', 'zz-treat-b', NULL, '[]'),
          ('treatment', 'Zed treatment retired', 'zz-treat-retired', NULL, '[]')""");
    ExportFixture.sql(
        db, "UPDATE tags SET retired_at = CURRENT_TIMESTAMP(3) WHERE slug = 'zz-treat-retired'");
    ExportFixture.sql(
        db,
        """
        INSERT INTO tag_links (cause_id, treatment_id, created_by)
        SELECT c.id, t.id, 'test' FROM tags c JOIN tags t ON t.slug IN ('zz-treat-a', 'zz-treat-b', 'zz-treat-retired')
         WHERE c.slug = 'zz-cause'""");
    List<Long> published = ids(db, "WHERE status = 'published'").subList(0, 3);
    long pending = ids(db, "WHERE status = 'pending'").get(0);
    // Published passages 0 and 1 and a pending one support cause + A; passage 2 has the cause only.
    for (long id : List.of(published.get(0), published.get(1), pending)) {
      ExportFixture.sql(
          db,
          "INSERT INTO passage_tags (passage_id, tag_id, tagged_by) SELECT ?, id, 'test' FROM tags WHERE slug IN ('zz-cause', 'zz-treat-a')",
          id);
    }
    ExportFixture.sql(
        db,
        "INSERT INTO passage_tags (passage_id, tag_id, tagged_by) SELECT ?, id, 'test' FROM tags WHERE slug = 'zz-cause'",
        published.get(2));

    RunningApp.Response r = app.get("/api/export/knowledge");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType().replace(" ", "")).isEqualTo("application/json;charset=utf-8");
    JsonNode knowledge = r.json();
    assertThat(knowledge.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode zed = null;
    for (JsonNode cause : knowledge.get("causes")) {
      if (cause.get("slug").asText().equals("zz-cause")) {
        zed = cause;
      }
    }
    assertThat(zed).isNotNull();
    assertThat(zed.toString())
        .isEqualTo(
            "{\"slug\":\"zz-cause\",\"name\":\"Zed cause\",\"description\":\"A cause for the test, \\\"quoted\\\".\","
                + "\"aliases\":[\"zed\",\"zee\"],\"treatments\":["
                + "{\"slug\":\"zz-treat-a\",\"name\":\"Zed treatment A\",\"passages\":["
                + published.get(0)
                + ","
                + published.get(1)
                + "]},"
                + "{\"slug\":\"zz-treat-b\",\"name\":\"Zed treatment B\",\"passages\":[]}]}");
    // Bundled causes keep their curated links.
    JsonNode first = knowledge.get("causes").get(0);
    assertThat(first.get("treatments").size()).isPositive();
  }

  static RunningApp.Response bearer(String path, String token) {
    return app.send(
        HttpRequest.newBuilder(app.uri(path)).header("Authorization", "Bearer " + token).build());
  }

  static String createToken(String name) {
    admin.get("/admin/tokens");
    ConsoleSession.Page page = admin.post("/admin/tokens", Map.of("name", name));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
    Matcher m =
        Pattern.compile("<code class=\"token-value\">(lumbar_[A-Za-z0-9_-]+)</code>")
            .matcher(page.body());
    assertThat(m.find()).as("token shown once").isTrue();
    return m.group(1);
  }

  static long tokenId(String name) {
    return app.database()
        .read(
            c -> {
              try (var st = c.prepareStatement("SELECT id FROM api_tokens WHERE name = ?")) {
                st.setString(1, name);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  static long articleOf(long passage) {
    return app.database()
        .read(
            c -> {
              try (var st = c.prepareStatement("SELECT article_id FROM passages WHERE id = ?")) {
                st.setLong(1, passage);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }
}
