package io.lumbar.web;

/**
 * What a person sees when a page cannot be served; inside the console's frame when {@code console}
 * is set (a signed-in editor's page under /admin), else in the public one.
 */
public record ErrorPage(int status, String title, String message, ConsoleFrame console)
    implements Page {
  public ErrorPage(int status, String title, String message) {
    this(status, title, message, null);
  }

  @Override
  public String template() {
    return "web/error.jte";
  }
}
