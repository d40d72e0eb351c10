package io.lumbar.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What one logger writes while this is open, as formatted messages; for tests of log lines. */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture(Class<?> loggingClass) {
    this((Logger) LoggerFactory.getLogger(loggingClass));
  }

  private LogCapture(Logger logger) {
    this.logger = logger;
    appender.start();
    logger.addAppender(appender);
  }

  /** What every logger writes while this is open. */
  public static LogCapture everything() {
    return new LogCapture((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
  }

  /** The messages logged at WARN or ERROR, or with a stack trace. */
  public List<String> warningsAndTraces() {
    synchronized (appender.list) {
      return appender.list.stream()
          .filter(
              e ->
                  e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                      || e.getThrowableProxy() != null)
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  public List<String> messages() {
    synchronized (appender.list) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
