package io.lumbar.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.Eventually;
import io.lumbar.testing.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every background job logs a line when it starts and one when it ends, with its outcome and
 * duration.
 */
class JobsLogTest {
  @Test
  void start_and_finish_lines_for_a_job_that_works_and_one_that_fails() {
    try (Jobs jobs = new Jobs();
        LogCapture log = new LogCapture(Jobs.class)) {
      Jobs.Job ok =
          jobs.start(
              "reindex",
              "Rebuilding the search index",
              "ed",
              3,
              progress -> {
                progress.accept(3);
                return "Indexed 3 passages.";
              });
      Jobs.Job broken =
          jobs.start(
              "import",
              "Importing 2 files",
              "ann smith",
              2,
              progress -> {
                throw new IllegalStateException("disk full");
              });
      Eventually.within(
          Duration.ofSeconds(5), () -> assertThat(ok.running() || broken.running()).isFalse());
      Eventually.within(
          Duration.ofSeconds(5),
          () ->
              assertThat(log.messages().stream().filter(m -> m.startsWith("job_finish")))
                  .hasSize(2));

      assertThat(log.messages())
          .filteredOn(m -> m.startsWith("job_"))
          .satisfiesExactly(
              m ->
                  assertThat(m)
                      .isEqualTo("job_start id=" + ok.id() + " kind=reindex by=ed total=3"),
              m ->
                  assertThat(m)
                      .matches(
                          "job_finish id=" + ok.id() + " kind=reindex outcome=done done=3 ms=\\d+"),
              m ->
                  assertThat(m)
                      .isEqualTo(
                          "job_start id=" + broken.id() + " kind=import by=\"ann smith\" total=2"),
              m ->
                  assertThat(m)
                      .matches(
                          "job_finish id="
                              + broken.id()
                              + " kind=import outcome=failed done=0 ms=\\d+"));
      // The console shows no driver or internal text, only what was written for editors.
      assertThat(broken.message())
          .isEqualTo("Failed: an unexpected error; the details are in the server log.");
    }
  }

  @Test
  void a_failure_written_for_editors_is_shown_as_it_is() {
    assertThat(Jobs.reason(new io.lumbar.web.BadRequestException("The file is empty")))
        .isEqualTo("The file is empty");
    assertThat(
            Jobs.reason(
                new io.lumbar.db.DatabaseUnavailableException("Cannot reach 10.0.0.5:3306", null)))
        .isEqualTo("the database is unavailable; try again shortly.");
  }
}
