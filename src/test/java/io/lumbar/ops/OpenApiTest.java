package io.lumbar.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keeps {@code openapi.json} true: it describes exactly the routes the app registers (the console's
 * HTML pages under /admin aside), every reference in it resolves, and real answers have exactly the
 * documented shapes.
 */
class OpenApiTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
  private static JsonNode document;

  @BeforeAll
  static void fetchDocument() {
    Response response = app.get("/openapi.json");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    document = response.json();
  }

  /** Console pages are HTML for people, described in the README; everything else is API. */
  private static boolean isConsolePage(String path) {
    return path.equals("/admin") || path.startsWith("/admin/");
  }

  @Test
  void every_route_is_described_and_every_described_route_exists() {
    // The running server's own inventory (an editor may read it), also checked for its shape.
    ConsoleSession.createUser(app, "routes-reader", "correct horse battery staple", false);
    ConsoleSession console = new ConsoleSession(app);
    console.login("routes-reader", "correct horse battery staple");
    ConsoleSession.Page routes = console.get("/api/admin/routes");
    assertShape(
        "/api/admin/routes", new Response(routes.status(), "application/json", routes.body()));
    Set<String> registered = new TreeSet<>();
    for (JsonNode route : routes.json().path("routes")) {
      String method = route.path("method").asText();
      String path = route.path("path").asText();
      // HEAD runs every GET route's handler (HeadAsGet): described with its GET, not as a route of
      // its own.
      if (!method.equals("HEAD") && !isConsolePage(path)) {
        registered.add(method + " " + path);
      }
    }
    Set<String> described = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                METHODS.stream()
                    .filter(method -> path.getValue().has(method))
                    .forEach(
                        method ->
                            described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

    assertThat(registered)
        .as("the app's API routes")
        .contains("GET /api/search", "GET /health", "GET /metrics");
    Set<String> missing = new TreeSet<>(registered);
    missing.removeAll(described);
    Set<String> extra = new TreeSet<>(described);
    extra.removeAll(registered);
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(missing)
              .as("routes missing from src/main/resources/openapi.json")
              .isEmpty();
          softly
              .assertThat(extra)
              .as("routes in openapi.json that the app does not register")
              .isEmpty();
        });
  }

  @Test
  void the_document_is_openapi_3_1_and_every_reference_resolves() {
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.path("info").path("title").asText()).isNotBlank();
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/");
      assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
    }
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                METHODS.forEach(
                    method -> {
                      JsonNode op = path.getValue().path(method);
                      if (!op.isMissingNode()) {
                        assertThat(op.path("summary").asText())
                            .as("summary of %s %s", method, path.getKey())
                            .isNotBlank();
                        assertThat(op.path("responses").isEmpty())
                            .as("responses of %s %s", method, path.getKey())
                            .isFalse();
                        for (JsonNode requirement : op.path("security")) {
                          requirement
                              .fieldNames()
                              .forEachRemaining(
                                  scheme ->
                                      assertThat(
                                              document
                                                  .path("components")
                                                  .path("securitySchemes")
                                                  .has(scheme))
                                          .as(scheme)
                                          .isTrue());
                        }
                      }
                    }));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.path("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  @Test
  void public_answers_have_the_documented_shapes() {
    long id = app.passageIdStartingWith("Sciatica is inflammation of the large nerve");
    assertShape("/api/search", app.get("/api/search?q=sciatca&limit=3"));
    assertShape("/api/search", app.get("/api/search?q=xyzzyquux"));
    assertShape("/api/search", app.get("/api/search?q=sciatica&debug=1"));
    assertShape("/api/search", app.get("/api/search?q="));
    assertShape("/api/suggest", app.get("/api/suggest?q=sci"));
    assertShape("/api/passages/{id}", app.get("/api/passages/" + id));
    assertShape("/api/passages/{id}", app.get("/api/passages/987654"));
    assertShape("/api/passages/{id}/related", app.get("/api/passages/" + id + "/related"));
    assertShape("/api/tags", app.get("/api/tags"));
    assertMatches(
        app.get("/api/search?q=back&cause=nope").json(),
        document.at("/components/schemas/UnknownFilter"),
        "unknown cause");
    assertMatches(
        app.get("/api/export?article=987654").json(),
        document.at("/components/schemas/UnknownFilter"),
        "unknown article");
    assertShape("/api/export/knowledge", app.get("/api/export/knowledge"));
    assertShape("/health", app.get("/health"));
    assertShape("/api/admin/jobs/{id}", app.get("/api/admin/jobs/1"));
  }

  @Test
  void admin_answers_have_the_documented_shapes() {
    app.get("/api/search?q=sciatica");
    app.get("/api/search?q=xyzzyquux");
    ConsoleSession.createUser(app, "docs-admin", "correct horse battery staple", true);
    ConsoleSession console = new ConsoleSession(app);
    console.login("docs-admin", "correct horse battery staple");
    ConsoleSession.Page reindex = console.post("/admin/reindex", Map.of());
    String jobPath = "/api" + reindex.location();
    io.lumbar.testing.Eventually.within(
        java.time.Duration.ofSeconds(10),
        () -> assertThat(console.get(jobPath).json().path("state").asText()).isEqualTo("done"));

    // The search log is written in the background: wait until both reports have the searches above.
    for (String report :
        List.of("/api/admin/analytics/top-searches", "/api/admin/analytics/zero-result-searches")) {
      io.lumbar.testing.Eventually.within(
          java.time.Duration.ofSeconds(10),
          () ->
              assertThat(console.get(report).json().path("searches").isEmpty())
                  .as(report)
                  .isFalse());
    }
    for (String path :
        List.of(
            "/api/admin/analytics/top-searches",
            "/api/admin/analytics/zero-result-searches",
            jobPath,
            "/api/admin/check")) {
      ConsoleSession.Page page = console.get(path);
      JsonNode body = page.json();
      String template = path.equals(jobPath) ? "/api/admin/jobs/{id}" : path;
      assertShape(template, new Response(page.status(), "application/json", page.body()));
      if (body.has("searches")) {
        assertThat(body.path("searches").isEmpty()).as("%s has rows to check", path).isFalse();
      }
    }
  }

  /**
   * The answer's status is documented for the route, and its JSON has only documented fields, the
   * required ones, of the documented types.
   */
  private static void assertShape(String path, Response response) {
    JsonNode answer =
        document
            .path("paths")
            .path(path)
            .path("get")
            .path("responses")
            .path(Integer.toString(response.status()));
    assertThat(answer.isMissingNode())
        .as("status %d of GET %s is documented", response.status(), path)
        .isFalse();
    JsonNode schema =
        resolve(resolve(answer).path("content").path("application/json").path("schema"));
    assertThat(schema.isMissingNode())
        .as("JSON schema of %d on %s", response.status(), path)
        .isFalse();
    assertMatches(response.json(), schema, path + " " + response.status());
  }

  private static JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? document.at(node.path("$ref").asText().substring(1)) : node;
  }

  private static void assertMatches(JsonNode value, JsonNode schema, String where) {
    schema = resolve(schema);
    Set<String> types = new TreeSet<>();
    if (schema.path("type").isArray()) {
      schema.path("type").forEach(t -> types.add(t.asText()));
    } else {
      types.add(schema.path("type").asText());
    }
    assertThat(types).as("type of %s: %s", where, value).anyMatch(type -> is(value, type));
    if (schema.has("enum") && !value.isNull()) {
      List<String> allowed = new ArrayList<>();
      schema.path("enum").forEach(v -> allowed.add(v.asText()));
      assertThat(allowed).as("value of %s", where).contains(value.asText());
    }
    if (value.isObject() && schema.has("properties")) {
      Set<String> declared = new TreeSet<>();
      schema.path("properties").fieldNames().forEachRemaining(declared::add);
      Set<String> actual = new TreeSet<>();
      value.fieldNames().forEachRemaining(actual::add);
      // Every field documented, every required one present; the others (e.g. explain, only with
      // debug=1) may be absent.
      assertThat(declared).as("fields of %s", where).containsAll(actual);
      schema
          .path("required")
          .forEach(r -> assertThat(value.has(r.asText())).as("%s.%s", where, r.asText()).isTrue());
      schema
          .path("properties")
          .properties()
          .forEach(
              p -> {
                if (value.has(p.getKey())) {
                  assertMatches(value.path(p.getKey()), p.getValue(), where + "." + p.getKey());
                }
              });
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        assertMatches(item, schema.path("items"), where + "[]");
      }
    }
  }

  private static boolean is(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new AssertionError("Unknown type in openapi.json: " + type);
    };
  }

  @Test
  void the_docs_page_shows_every_route_and_schema_without_scripts() {
    Response page = app.get("/api/docs");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).doesNotContain("<script");
    document
        .path("paths")
        .fieldNames()
        .forEachRemaining(
            path -> assertThat(page.body()).contains("<code>GET " + path + "</code>"));
    document
        .path("components")
        .path("schemas")
        .fieldNames()
        .forEachRemaining(
            schema -> assertThat(page.body()).contains("id=\"schema-" + schema + "\""));
    assertThat(page.body())
        .contains(
            "Results per page, 1-100.",
            "integer (1–100, default 10)",
            "<a href=\"#schema-Hit\">array of Hit</a>");
  }
}
