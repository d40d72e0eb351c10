package io.lumbar.web;

import io.javalin.config.JettyConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before Javalin sees them: a request line or headers too long (414, 431), a
 * path with a NUL, an escape out of the root or bad UTF-8 (400), an unknown HTTP version (505).
 * They are answered as JSON {@code {"error": ...}} under {@code /api} and {@code /health}, and with
 * Jetty's plain page with a title elsewhere; never a stack trace. A request refused before its path
 * could be read (a request line too long, an unknown version) may have been an API call, so it gets
 * JSON too. Every such answer carries the security headers of all other answers and says {@code
 * Connection: close}: the server closes the connection after it (Jetty does so after a malformed
 * request anyway, and would otherwise not always say so).
 */
final class JettyErrors {
  /** Jetty's stand-in path for a request refused before its request line was read in full. */
  private static final String UNREAD_PATH = "/badMessage";

  private JettyErrors() {}

  static void install(JettyConfig jetty) {
    jetty.modifyServer(server -> server.setErrorHandler(new ServerErrors()));
  }

  private static String path(Request request) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    return path == null ? UNREAD_PATH : path;
  }

  private static boolean wantsJson(Request request) {
    String path = path(request);
    return path.equals(UNREAD_PATH)
        || path.startsWith("/api/")
        || path.equals("/api")
        || path.equals("/health");
  }

  private static void writeJson(PrintWriter writer, int code, String message) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    try {
      writer.write(Json.mapper().writeValueAsString(Map.of("error", "Bad request: " + text)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Jetty's error handler, for requests it refuses before they reach the servlet Javalin runs in.
   */
  private static final class ServerErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      var headers = response.getHeaders();
      SecurityHeaders.EVERY_ANSWER.forEach(headers::put);
      headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      return super.handle(request, response, callback);
    }

    @Override
    protected boolean generateAcceptableResponse(
        Request request,
        Response response,
        Callback callback,
        String contentType,
        List<Charset> charsets,
        int code,
        String message,
        Throwable cause)
        throws java.io.IOException {
      String type = wantsJson(request) ? "application/json" : contentType;
      return super.generateAcceptableResponse(
          request, response, callback, type, charsets, code, message, cause);
    }

    @Override
    protected void writeErrorJson(
        Request request, PrintWriter writer, int code, String message, Throwable cause) {
      writeJson(writer, code, message);
    }
  }
}
