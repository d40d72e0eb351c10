package io.lumbar.export;

import io.lumbar.web.BadRequestException;
import java.util.Locale;

/** The export formats, with the HTTP content type and file extension of each. */
public enum ExportFormat {
  JSONL("application/x-ndjson; charset=utf-8", "jsonl"),
  JSON("application/json; charset=utf-8", "json"),
  CSV("text/csv; charset=utf-8", "csv");

  final String contentType;
  final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  /** jsonl when absent; anything unknown is the caller's error. */
  public static ExportFormat parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return JSONL;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "jsonl", "ndjson" -> JSONL;
      case "json" -> JSON;
      case "csv" -> CSV;
      default -> throw new BadRequestException("'format' must be jsonl, json or csv");
    };
  }

  /** {@code lumbar-passages-2025-03-01.jsonl} */
  String fileName(java.time.LocalDate date) {
    return "lumbar-passages-" + date + "." + extension;
  }
}
