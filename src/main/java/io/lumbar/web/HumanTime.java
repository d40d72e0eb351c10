package io.lumbar.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times as people read them: "7 Dec 2026, 11:46 UTC" in the page, the exact instant (to the second)
 * in the {@code <time datetime>} attribute. The console's script rewrites the text in the editor's
 * own time zone; without scripts it stays in UTC, which it says.
 */
public final class HumanTime {
  private static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private HumanTime() {}

  public static String human(Instant at) {
    return HUMAN.format(at);
  }

  /** ISO 8601 to the second: no fractions, which only make the attribute noisy. */
  public static String iso(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
