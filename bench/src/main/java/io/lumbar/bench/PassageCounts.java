package io.lumbar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code --passages}: whole numbers, optionally with k or M ("10k", "1M"), comma-separated
 * for bench.
 */
final class PassageCounts {
  static final int MAX = 10_000_000;

  private PassageCounts() {}

  static List<Integer> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException(
          "--passages needs a number, e.g. --passages 100000 or --passages 10k,100k");
    }
    List<Integer> counts = new ArrayList<>();
    for (String part : raw.split(",")) {
      counts.add(parseOne(part.strip()));
    }
    return counts;
  }

  static int parseOne(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace("_", "");
    long factor = 1;
    if (lower.endsWith("k")) {
      factor = 1_000;
      lower = lower.substring(0, lower.length() - 1);
    } else if (lower.endsWith("m")) {
      factor = 1_000_000;
      lower = lower.substring(0, lower.length() - 1);
    }
    long value;
    try {
      value = Long.parseLong(lower) * factor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--passages must be whole numbers such as 10000, 10k or 1M, got '" + text + "'");
    }
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException(
          "--passages must be between 1 and " + MAX + ", got '" + text + "'");
    }
    return (int) value;
  }

  static long seed(String raw) {
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, got '" + raw + "'");
    }
  }
}
