package io.lumbar.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders typed pages with the jte templates precompiled into the jar; jte escapes every value as
 * HTML.
 */
public final class Pages {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  public void render(Context ctx, Page page) {
    StringOutput output = new StringOutput();
    engine.render(page.template(), page, output);
    ctx.contentType("text/html; charset=utf-8").result(output.toString());
  }
}
