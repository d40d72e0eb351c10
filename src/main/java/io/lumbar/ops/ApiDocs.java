package io.lumbar.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.ops.ApiDocsPage.Answer;
import io.lumbar.ops.ApiDocsPage.Field;
import io.lumbar.ops.ApiDocsPage.Operation;
import io.lumbar.ops.ApiDocsPage.Parameter;
import io.lumbar.ops.ApiDocsPage.Schema;
import io.lumbar.ops.ApiDocsPage.Scheme;
import io.lumbar.ops.ApiDocsPage.Section;
import io.lumbar.ops.ApiDocsPage.Type;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hand-written OpenAPI document ({@code src/main/resources/openapi.json}) and the page made
 * from it. A test keeps it true: every route of the app is in it, and nothing else.
 */
public final class ApiDocs {
  static final String RESOURCE = "/openapi.json";
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  private final byte[] json;
  private final JsonNode document;

  private ApiDocs(byte[] json, JsonNode document) {
    this.json = json;
    this.document = document;
  }

  /** Reads the document bundled in the jar. */
  public static ApiDocs bundled(ObjectMapper mapper) {
    try (InputStream in = ApiDocs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      byte[] bytes = in.readAllBytes();
      return new ApiDocs(bytes, mapper.readTree(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document as served. */
  byte[] json() {
    return json;
  }

  ApiDocsPage page() {
    JsonNode info = document.path("info");
    Map<String, List<Operation>> byTag = new LinkedHashMap<>();
    for (JsonNode tag : document.path("tags")) {
      byTag.put(tag.path("name").asText(), new ArrayList<>());
    }
    document
        .path("paths")
        .properties()
        .forEach(
            path -> {
              for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                  String tag = op.path("tags").path(0).asText("other");
                  byTag
                      .computeIfAbsent(tag, t -> new ArrayList<>())
                      .add(operation(method, path.getKey(), op));
                }
              }
            });
    List<Section> sections = new ArrayList<>();
    byTag.forEach((name, ops) -> sections.add(new Section(name, tagDescription(name), ops)));
    List<Schema> schemas = new ArrayList<>();
    document
        .path("components")
        .path("schemas")
        .properties()
        .forEach(e -> schemas.add(schema(e.getKey(), e.getValue())));
    List<Scheme> schemes = new ArrayList<>();
    document
        .path("components")
        .path("securitySchemes")
        .properties()
        .forEach(e -> schemes.add(scheme(e.getKey(), e.getValue())));
    return new ApiDocsPage(
        info.path("title").asText(),
        info.path("version").asText(),
        info.path("description").asText(),
        sections,
        schemas,
        schemes);
  }

  private String tagDescription(String name) {
    for (JsonNode tag : document.path("tags")) {
      if (tag.path("name").asText().equals(name)) {
        return tag.path("description").asText("");
      }
    }
    return "";
  }

  private Operation operation(String method, String path, JsonNode op) {
    List<Parameter> parameters = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      JsonNode param = resolve(p);
      parameters.add(
          new Parameter(
              param.path("name").asText(),
              param.path("in").asText(),
              param.path("required").asBoolean(),
              type(param.path("schema")),
              param.path("description").asText("")));
    }
    List<Answer> answers = new ArrayList<>();
    op.path("responses")
        .properties()
        .forEach(
            e -> {
              JsonNode response = resolve(e.getValue());
              var content = response.path("content").properties().stream().findFirst();
              answers.add(
                  new Answer(
                      e.getKey(),
                      response.path("description").asText(""),
                      content.map(Map.Entry::getKey).orElse(""),
                      content
                          .map(c -> type(c.getValue().path("schema")))
                          .orElse(new Type("", null))));
            });
    String anchor = (method + path).replaceAll("[^A-Za-z0-9]+", "-");
    return new Operation(
        method.toUpperCase(Locale.ROOT),
        path,
        anchor,
        op.path("summary").asText(""),
        op.path("description").asText(""),
        security(op),
        parameters,
        answers);
  }

  /**
   * Who may call it, in words: the operation's security requirements, any one of which suffices.
   */
  private static String security(JsonNode op) {
    if (!op.has("security") || op.path("security").isEmpty()) {
      return "public";
    }
    List<String> alternatives = new ArrayList<>();
    for (JsonNode requirement : op.path("security")) {
      alternatives.add(
          requirement.isEmpty()
              ? "none"
              : String.join(
                  " + ", requirement.properties().stream().map(Map.Entry::getKey).toList()));
    }
    return String.join(" or ", alternatives);
  }

  private Schema schema(String name, JsonNode schema) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    List<Field> fields = new ArrayList<>();
    schema
        .path("properties")
        .properties()
        .forEach(
            e ->
                fields.add(
                    new Field(
                        e.getKey(),
                        type(e.getValue()),
                        required.contains(e.getKey()),
                        e.getValue().path("description").asText(""))));
    return new Schema(name, schemaAnchor(name), schema.path("description").asText(""), fields);
  }

  private static Scheme scheme(String name, JsonNode scheme) {
    String summary =
        switch (scheme.path("type").asText()) {
          case "apiKey" -> scheme.path("in").asText() + " " + scheme.path("name").asText();
          case "http" -> "Authorization: " + capitalized(scheme.path("scheme").asText());
          default -> scheme.path("type").asText();
        };
    return new Scheme(name, summary, scheme.path("description").asText(""));
  }

  private static String capitalized(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /**
   * A schema in words: {@code integer (1–100, default 10)}, {@code array of Hit}, {@code string or
   * null}.
   */
  private Type type(JsonNode schema) {
    if (schema.has("$ref")) {
      String name = refName(schema.path("$ref").asText());
      return new Type(name, "#" + schemaAnchor(name));
    }
    if (schema.path("type").asText().equals("array")) {
      Type items = type(schema.path("items"));
      return new Type("array of " + items.text(), items.link());
    }
    String base;
    if (schema.path("type").isArray()) {
      List<String> kinds = new ArrayList<>();
      schema.path("type").forEach(t -> kinds.add(t.asText()));
      base = String.join(" or ", kinds);
    } else {
      base = schema.path("type").asText("any");
    }
    List<String> details = new ArrayList<>();
    if (schema.has("format")) {
      details.add(schema.path("format").asText());
    }
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.path("enum").forEach(v -> values.add(v.asText()));
      details.add("one of " + String.join(", ", values));
    }
    if (schema.has("minimum") && schema.has("maximum")) {
      details.add(schema.path("minimum").asText() + "–" + schema.path("maximum").asText());
    }
    if (schema.has("default")) {
      details.add("default " + schema.path("default").asText());
    }
    return new Type(
        details.isEmpty() ? base : base + " (" + String.join(", ", details) + ")", null);
  }

  /**
   * The object a {@code $ref} points to, e.g. {@code #/components/parameters/q}; anything else as
   * is.
   */
  private JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? document.at(node.path("$ref").asText().substring(1)) : node;
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static String schemaAnchor(String name) {
    return "schema-" + name;
  }
}
