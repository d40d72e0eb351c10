package io.lumbar.web;

import io.javalin.http.Context;
import java.util.List;

/** Reading query parameters with clear 400 answers instead of parse exceptions. */
public final class Params {
  private Params() {}

  /** An optional whole number within [min, max]; {@code fallback} when absent or blank. */
  public static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(asciiDigits(raw.strip()));
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "'" + name + "' must be a whole number between " + min + " and " + max);
    }
    if (value < min || value > max) {
      throw new BadRequestException(
          "'" + name + "' must be between " + min + " and " + max + ", got " + value);
    }
    return (int) value;
  }

  /** A required whole number from a form field (e.g. a version), 0 or more. */
  public static int intParam(String raw, String name) {
    try {
      long value = raw == null ? -1 : Long.parseLong(asciiDigits(raw.strip()));
      if (value >= 0 && value <= Integer.MAX_VALUE) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // fall through to the 400 below
    }
    throw new BadRequestException("'" + name + "' must be a whole number");
  }

  /** A path parameter that must be a positive id. */
  public static long idParam(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(asciiDigits(raw));
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the 400 below
    }
    throw new BadRequestException("'" + name + "' must be a positive whole number");
  }

  /** Long.parseLong also reads non-ASCII digits; parameters take only 0-9 (and a leading minus). */
  private static String asciiDigits(String raw) {
    if (!raw.matches("-?[0-9]{1,19}")) {
      throw new NumberFormatException(raw);
    }
    return raw;
  }

  /** At most this many values per list parameter. */
  public static final int MAX_LIST_VALUES = 50;

  /** All non-blank values of a repeatable parameter, also accepting comma-separated lists. */
  public static List<String> listParam(Context ctx, String name) {
    List<String> values =
        ctx.queryParams(name).stream()
            .flatMap(v -> java.util.Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .distinct()
            .toList();
    if (values.size() > MAX_LIST_VALUES) {
      throw new BadRequestException("'" + name + "' takes at most " + MAX_LIST_VALUES + " values");
    }
    return values;
  }
}
