package io.lumbar.passages;

import io.lumbar.web.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** What an editor submits for a passage; {@link #validated} says what is wrong in words. */
public record PassageEdit(String heading, String text, String status, String rejectReason) {
  static final Set<String> STATUSES = Set.of("pending", "published", "rejected");
  static final int MAX_TEXT_BYTES = 65_535;
  static final int MAX_HEADING = 500;
  static final int MAX_REASON = 500;

  PassageEdit validated() {
    String t = text == null ? "" : text.strip();
    String h = heading == null || heading.isBlank() ? null : heading.strip();
    String r = rejectReason == null || rejectReason.isBlank() ? null : rejectReason.strip();
    if (t.isEmpty()) {
      throw new BadRequestException("The text cannot be empty");
    }
    if (t.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      throw new BadRequestException("The text is too long: at most 65,535 bytes");
    }
    if (h != null && h.length() > MAX_HEADING) {
      throw new BadRequestException(
          "The heading is too long: at most " + MAX_HEADING + " characters");
    }
    if (status == null || !STATUSES.contains(status)) { // Set.of refuses to look up null
      throw new BadRequestException("The status must be pending, published or rejected");
    }
    if ("rejected".equals(status) && r == null) {
      throw new BadRequestException("Say why the passage is rejected");
    }
    if (r != null && r.length() > MAX_REASON) {
      throw new BadRequestException(
          "The reason is too long: at most " + MAX_REASON + " characters");
    }
    return new PassageEdit(h, t, status, "rejected".equals(status) ? r : null);
  }
}
