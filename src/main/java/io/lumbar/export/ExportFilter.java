package io.lumbar.export;

import io.lumbar.passages.PassageList;
import io.lumbar.web.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * What an export holds: the console's passage-list filter plus {@code updatedSince}. Unlike the
 * console list, the status defaults to {@code published} (the public part); {@code status=any} asks
 * for every status.
 */
public record ExportFilter(PassageList.Filter passages, Instant updatedSince) {
  /** The largest value of a MariaDB TIMESTAMP column. */
  static final Instant LAST_TIMESTAMP = Instant.parse("2038-01-19T03:14:07.999Z");

  static final String ANY_STATUS = "any";
  static final String PUBLISHED = "published";

  public static ExportFilter parse(Function<String, String> param) {
    String status = param.apply("status");
    String effective = status == null || status.isBlank() ? PUBLISHED : status.strip();
    PassageList.Filter filter =
        PassageList.Filter.parse(
            name ->
                name.equals("status")
                    ? (effective.equals(ANY_STATUS) ? null : effective)
                    : param.apply(name));
    return new ExportFilter(filter, updatedSince(param.apply("updatedSince")));
  }

  /** True when only published passages can be in it: then anyone may export it. */
  public boolean publicOnly() {
    return PUBLISHED.equals(passages.status());
  }

  /** The WHERE clause over {@code passages p}, the passage list's own plus {@code updatedSince}. */
  String where(List<Object> params) {
    String where = PassageList.where(passages, params);
    if (updatedSince == null) {
      return where;
    }
    if (updatedSince.isAfter(LAST_TIMESTAMP)) {
      // Beyond what a TIMESTAMP column holds, so nothing matches; said outright, MariaDB answers at
      // once
      // instead of comparing every row with a value its index cannot range over.
      return (where.isEmpty() ? " WHERE " : where + " AND ") + "FALSE";
    }
    params.add(java.sql.Timestamp.from(updatedSince));
    return (where.isEmpty() ? " WHERE " : where + " AND ") + "p.updated_at >= ?";
  }

  /**
   * An ISO-8601 instant ({@code 2025-03-01T12:00:00Z}, with any offset) or a date (midnight UTC).
   */
  static Instant updatedSince(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    try {
      return value.length() <= 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "'updatedSince' must be an ISO-8601 date (2025-03-01) or instant (2025-03-01T12:00:00Z), got '"
              + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
              + "'");
    }
  }
}
