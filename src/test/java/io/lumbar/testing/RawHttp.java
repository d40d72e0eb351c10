package io.lumbar.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: no client-side checks or re-encoding, so
 * broken percent-encodings, control characters and oversized lines reach the server as a hostile
 * client sends them.
 */
public final class RawHttp {
  private RawHttp() {}

  /** An answer; header names are lower case. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends {@code method target} with {@code extraHeaders} (each a full "Name: value" line without
   * CRLF) and {@code body} (none when null), and reads the answer to the end of the connection.
   */
  public static Answer send(
      int port, String method, String target, String body, String... extraHeaders) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      StringBuilder head =
          new StringBuilder(method)
              .append(' ')
              .append(target)
              .append(" HTTP/1.1\r\n")
              .append("Host: localhost\r\nConnection: close\r\n");
      for (String header : extraHeaders) {
        head.append(header).append("\r\n");
      }
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        head.append("Content-Length: ").append(content.length).append("\r\n");
      }
      head.append("\r\n");
      var out = socket.getOutputStream();
      try {
        // The request line is sent as UTF-8 bytes: non-ASCII text arrives raw, as some clients send
        // it.
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.flush();
      } catch (java.net.SocketException e) {
        // The server may answer and close before reading a request it refuses (too long); read that
        // answer.
      }
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + abbreviate(target) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sends {@code request} byte for byte (request line, headers and body as given, e.g. a broken
   * chunked body or no {@code Connection: close}) and reads the answer to the end of the
   * connection: this throws when the server keeps the connection open for more than 10 seconds.
   */
  public static Answer exchange(int port, String request) {
    return exchange(port, request, false);
  }

  /**
   * Like {@link #exchange(int, String)}, then ends the request stream: a body shorter than
   * announced ends early.
   */
  public static Answer exchangeCutOff(int port, String request) {
    return exchange(port, request, true);
  }

  private static Answer exchange(int port, String request, boolean cutOff) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        if (cutOff) {
          socket.shutdownOutput();
        }
      } catch (java.net.SocketException e) {
        // The server may answer and close before reading a request it refuses (too long); read that
        // answer.
      }
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(abbreviate(request) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sends {@code request} (e.g. a body shorter than its Content-Length) and hangs up without
   * reading an answer.
   */
  public static void hangUpAfter(int port, String request) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (java.net.SocketException e) {
      // The server may reset after answering a request it refused to read in full; keep what
      // arrived.
      if (all.size() == 0) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("No complete HTTP answer: " + abbreviate(text));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.putIfAbsent(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOfCrlf(chunked, at);
      String sizeLine =
          new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
      int size = Integer.parseInt(sizeLine, 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    throw new IllegalStateException("Broken chunked body");
  }

  public static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…(" + s.length() + " chars)";
  }
}
