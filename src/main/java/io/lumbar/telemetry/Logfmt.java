package io.lumbar.telemetry;

/**
 * Log lines as {@code event key=value ...} (logfmt), one per event, so they can be grepped and
 * parsed. Values with spaces, quotes, '=' or control characters are quoted and escaped: a client
 * cannot forge a line.
 */
public final class Logfmt {
  private Logfmt() {}

  /** {@code event} followed by the pairs {@code key, value, key, value, ...}. */
  public static String line(String event, Object... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("Keys and values come in pairs");
    }
    StringBuilder out = new StringBuilder(event);
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(' ').append(pairs[i]).append('=');
      appendValue(out, String.valueOf(pairs[i + 1]));
    }
    return out.toString();
  }

  private static void appendValue(StringBuilder out, String value) {
    if (!value.isEmpty() && value.chars().noneMatch(Logfmt::needsQuotes)) {
      out.append(value);
      return;
    }
    out.append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean needsQuotes(int c) {
    return c <= ' ' || c == '"' || c == '=' || c == '\\' || Character.isISOControl(c);
  }
}
