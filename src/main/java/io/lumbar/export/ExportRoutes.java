package io.lumbar.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.lumbar.accounts.Auth;
import io.lumbar.db.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/export} (passages, streamed as jsonl, json or csv) and {@code GET /api/export/knowledge}.
 * Published passages are open to anyone; other statuses need a console session or an API token. Everything
 * is checked before the first byte is written, so bad input still gets a clean 4xx.
 */
public final class ExportRoutes {
  private static final Logger log = LoggerFactory.getLogger(ExportRoutes.class);

  private final PassageExport passages;
  private final KnowledgeExport knowledge;
  private final Auth auth;

  public ExportRoutes(Database db, ObjectMapper json, Auth auth) {
    this.passages = new PassageExport(db);
    this.knowledge = new KnowledgeExport(db, json);
    this.auth = auth;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/export", this::export);
    routes.get("/api/export/knowledge", this::knowledge);
  }

  private void export(Context ctx) {
    ExportFormat format = ExportFormat.parse(ctx.queryParam("format"));
    ExportFilter filter = ExportFilter.parse(ctx::queryParam);
    // A token is checked whenever one is sent, so a revoked token fails loudly even for public exports.
    var caller = auth.apiCaller(ctx);
    if (!filter.publicOnly() && caller.isEmpty()) {
      throw new UnauthorizedResponse("Exporting passages that are not published needs an editor's session or an API token "
          + "(Authorization: Bearer …)");
    }
    ctx.contentType(format.contentType);
    ctx.header("Content-Disposition", "attachment; filename=\"" + format.fileName(LocalDate.now(ZoneOffset.UTC)) + "\"");
    if (!filter.publicOnly()) {
      ctx.header("Cache-Control", "private, no-store");
    }
    stream(ctx, out -> {
      long count = passages.write(filter, format, out, n -> {});
      log.info("Exported {} passages as {} for {}", count, format.extension, caller.orElse("anonymous"));
    });
  }

  private void knowledge(Context ctx) {
    ctx.contentType("application/json; charset=utf-8");
    stream(ctx, knowledge::write);
  }

  /** Writes straight to the response, which Jetty sends in chunks as the buffer fills: nothing is held whole. */
  private static void stream(Context ctx, java.util.function.Consumer<OutputStream> body) {
    try {
      OutputStream out = ctx.outputStream();
      body.accept(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
