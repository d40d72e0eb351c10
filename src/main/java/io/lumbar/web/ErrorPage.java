package io.lumbar.web;

/** What a person sees when a page cannot be served. */
public record ErrorPage(int status, String title, String message) implements Page {
  @Override
  public String template() {
    return "web/error.jte";
  }
}
