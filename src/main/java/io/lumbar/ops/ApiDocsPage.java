package io.lumbar.ops;

import io.lumbar.web.Page;
import java.util.List;

/**
 * {@code /api/docs}: the OpenAPI document as a page, rendered on the server (the pages run no
 * scripts).
 */
public record ApiDocsPage(
    String title,
    String version,
    String description,
    List<Section> sections,
    List<Schema> schemas,
    List<Scheme> securitySchemes)
    implements Page {

  /** Operations under one tag of the document. */
  public record Section(String name, String description, List<Operation> operations) {}

  public record Operation(
      String method,
      String path,
      String anchor,
      String summary,
      String description,
      String security,
      List<Parameter> parameters,
      List<Answer> answers) {}

  public record Parameter(
      String name, String in, boolean required, Type type, String description) {}

  public record Answer(String status, String description, String contentType, Type type) {}

  public record Schema(String name, String anchor, String description, List<Field> fields) {}

  public record Field(String name, Type type, boolean required, String description) {}

  public record Scheme(String name, String summary, String description) {}

  /** A type as shown, linking to the schema it names ({@code link} null for plain types). */
  public record Type(String text, String link) {}

  @Override
  public String template() {
    return "ops/apidocs.jte";
  }
}
