package io.lumbar.web;

import io.javalin.config.JettyConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before Javalin sees them (e.g. a path that is not valid UTF-8) are answered as JSON
 * {@code {"error": ...}} under {@code /api} and {@code /health}, and with Jetty's plain page with a title
 * elsewhere; never a stack trace. Requests refused while their first line is read (too long, a NUL in the
 * path) get Jetty's page everywhere: nothing is known about them yet.
 */
final class JettyErrors {
  private JettyErrors() {}

  static void install(JettyConfig jetty) {
    jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors()));
  }

  private static boolean isApi(Request request) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    return path != null && (path.startsWith("/api/") || path.equals("/api") || path.equals("/health"));
  }

  private static String contentType(Request request, String acceptable) {
    return isApi(request) ? "application/json" : acceptable;
  }

  private static void writeJson(PrintWriter writer, int code, String message) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    try {
      writer.write(Json.mapper().writeValueAsString(Map.of("error", "Bad request: " + text)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Jetty's error handler, for requests it refuses before they reach the servlet Javalin runs in. */
  private static final class ServerErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
        List<Charset> charsets, int code, String message, Throwable cause) throws java.io.IOException {
      return super.generateAcceptableResponse(request, response, callback, contentType(request, contentType), charsets, code, message, cause);
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
      writeJson(writer, code, message);
    }
  }
}
