package io.lumbar.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Request lines go through a background writer; warnings and errors never wait in its queue, and
 * the queue drops nothing.
 */
class LogAppendersTest {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @Test
  void routine_lines_are_queued_without_ever_being_dropped() {
    AsyncAppender routine = (AsyncAppender) root.getAppender("ROUTINE");
    assertThat(routine.getDiscardingThreshold()).isZero();
    assertThat(routine.isNeverBlock()).isFalse();
    assertThat(routine.getFilterChainDecision(event(Level.INFO))).isNotEqualTo(FilterReply.DENY);
    assertThat(routine.getFilterChainDecision(event(Level.WARN))).isEqualTo(FilterReply.DENY);
    assertThat(routine.getFilterChainDecision(event(Level.ERROR))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void warnings_and_errors_are_written_at_once_by_the_thread_that_logs_them() {
    ConsoleAppender<?> problems = (ConsoleAppender<?>) root.getAppender("PROBLEMS");
    assertThat(problems.getFilterChainDecision(cast(event(Level.ERROR))))
        .isNotEqualTo(FilterReply.DENY);
    assertThat(problems.getFilterChainDecision(cast(event(Level.WARN))))
        .isNotEqualTo(FilterReply.DENY);
    assertThat(problems.getFilterChainDecision(cast(event(Level.INFO))))
        .isEqualTo(FilterReply.DENY);
  }

  private LoggingEvent event(Level level) {
    LoggerContext context = root.getLoggerContext();
    return new LoggingEvent(
        getClass().getName(), context.getLogger(RequestLog.class), level, "line", null, null);
  }

  @SuppressWarnings("unchecked")
  private static <E> E cast(Object event) {
    return (E) event;
  }
}
