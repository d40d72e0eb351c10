package io.lumbar.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogfmtTest {
  @Test
  void plain_values_stay_bare() {
    assertThat(
            Logfmt.line("request", "method", "GET", "route", "/api/passages/{id}", "status", 200))
        .isEqualTo("request method=GET route=/api/passages/{id} status=200");
  }

  @Test
  void values_that_could_forge_a_field_or_a_line_are_quoted_and_escaped() {
    assertThat(
            Logfmt.line(
                "job_start",
                "by",
                "ed smith",
                "kind",
                "a=b",
                "note",
                "x\"y\\z",
                "evil",
                "one\ntwo",
                "empty",
                ""))
        .isEqualTo(
            "job_start by=\"ed smith\" kind=\"a=b\" note=\"x\\\"y\\\\z\" evil=\"one\\ntwo\" empty=\"\"");
  }
}
