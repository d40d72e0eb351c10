package io.lumbar.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A filter names a cause, treatment or article that does not exist: answered 400 with what does, so
 * a typo is not mistaken for "nothing matches". {@code valid} lists the values when there are few;
 * {@code validValuesAt} says where they are listed (null when nowhere else).
 */
public class UnknownFilterException extends BadRequestException {
  private final String parameter;
  private final List<String> unknown;
  private final List<String> valid;
  private final String validValuesAt;

  public UnknownFilterException(
      String parameter, List<String> unknown, List<String> valid, String validValuesAt) {
    super(message(parameter, unknown, valid, validValuesAt));
    this.parameter = parameter;
    this.unknown = List.copyOf(unknown);
    this.valid = valid == null ? null : List.copyOf(valid);
    this.validValuesAt = validValuesAt;
  }

  private static String message(
      String parameter, List<String> unknown, List<String> valid, String validValuesAt) {
    String values =
        unknown.stream().map(v -> "'" + shortened(v) + "'").collect(Collectors.joining(", "));
    String prefix = "Unknown '" + parameter + "': " + values + ". ";
    if (valid == null) {
      return prefix + "Valid values: see " + validValuesAt + ".";
    }
    if (valid.isEmpty()) {
      return prefix + "There are no valid values yet.";
    }
    return prefix
        + "Valid values: "
        + String.join(", ", valid)
        + (validValuesAt == null ? "." : " (also at " + validValuesAt + ").");
  }

  private static String shortened(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }

  /** {@code cause}, {@code treatment} or {@code article}. */
  public String parameter() {
    return parameter;
  }

  public List<String> unknown() {
    return unknown;
  }

  /** The values that would do, or null when there are too many to list. */
  public List<String> valid() {
    return valid;
  }

  public String validValuesAt() {
    return validValuesAt;
  }
}
