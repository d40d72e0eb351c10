package io.lumbar.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.lumbar.accounts.Auth;
import io.lumbar.db.DataAccessException;
import io.lumbar.db.Database;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/export} (passages, streamed as jsonl, json or csv) and {@code GET
 * /api/export/knowledge}. Published passages are open to anyone; other statuses need a console
 * session or an API token. Everything is checked before the first byte is written, so bad input
 * still gets a clean 4xx.
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
    // A token is checked whenever one is sent, so a revoked token fails loudly even for public
    // exports.
    var caller = auth.apiCaller(ctx);
    if (!filter.publicOnly() && caller.isEmpty()) {
      throw new UnauthorizedResponse(
          "Exporting passages that are not published needs an editor's session or an API token "
              + "(Authorization: Bearer …)");
    }
    passages.checkFilters(filter);
    ctx.contentType(format.contentType);
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + format.fileName(LocalDate.now(ZoneOffset.UTC)) + "\"");
    if (!filter.publicOnly()) {
      ctx.header("Cache-Control", "private, no-store");
    }
    stream(
        ctx,
        out -> {
          long count = passages.write(filter, format, out, n -> {});
          log.info(
              "Exported {} passages as {} for {}",
              count,
              format.extension,
              caller.orElse("anonymous"));
        });
  }

  private void knowledge(Context ctx) {
    ctx.contentType("application/json; charset=utf-8");
    stream(ctx, knowledge::write);
  }

  /**
   * Writes straight to the response, which Jetty sends in chunks as the buffer fills: nothing is
   * held whole. A failure before the first byte reached the response is answered as any other (503
   * while the database is away). After it the status is sent and cannot change, so the response is
   * aborted rather than ended: the client sees a broken transfer (no last chunk), never a short
   * export that looks complete.
   */
  private static void stream(Context ctx, Consumer<OutputStream> body) {
    Counted out = new Counted(ctx.outputStream());
    try {
      body.accept(out);
      out.flush();
    } catch (IOException | RuntimeException e) {
      if (out.bytes == 0) {
        ctx.removeHeader("Content-Disposition");
        throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
      }
      abort(ctx, out, e);
    }
  }

  private static void abort(Context ctx, Counted out, Exception failure) {
    if (out.clientGone) {
      log.info(
          "{} {} stopped after {} bytes: the client went away",
          ctx.method(),
          ctx.path(),
          out.bytes);
    } else if (failure instanceof DataAccessException) {
      log.warn(
          "{} {} aborted after {} bytes: {}",
          ctx.method(),
          ctx.path(),
          out.bytes,
          failure.getMessage());
    } else {
      log.error("{} {} aborted after {} bytes", ctx.method(), ctx.path(), out.bytes, failure);
    }
    // Javalin would end the response normally once this returns. Closing the connection under it
    // leaves the
    // last chunk unsent, as Jetty's own abort does; Javalin then fails quietly writing to a closed
    // connection.
    // (Jetty's ServletChannel.abort leaves the request in a state Javalin's end of request trips
    // over, logging an
    // error with a stack trace.) This closes the whole connection: right for HTTP/1.1, which is all
    // Lumbar serves.
    ServletContextRequest.getServletContextRequest(ctx.req())
        .getConnectionMetaData()
        .getConnection()
        .getEndPoint()
        .close(failure);
  }

  /**
   * The response stream, counting the bytes handed to it and noting whether writing to the client
   * failed.
   */
  private static final class Counted extends FilterOutputStream {
    long bytes;
    boolean clientGone;

    Counted(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      bytes += len;
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        clientGone = true;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        clientGone = true;
        throw e;
      }
    }
  }
}
