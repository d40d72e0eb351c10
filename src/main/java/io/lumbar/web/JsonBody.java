package io.lumbar.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * A JSON answer encoded by Jackson straight into UTF-8 bytes. {@code ctx.json} builds a String
 * first (Jackson's char buffers, then a copy) and encodes it again to bytes; on the search API
 * those copies were most of what JSON cost. Same bytes, same headers (Content-Type,
 * Content-Length).
 */
public final class JsonBody {
  private JsonBody() {}

  public static void send(Context ctx, ObjectMapper json, Object value) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    ctx.contentType(ContentType.APPLICATION_JSON).result(body);
  }
}
