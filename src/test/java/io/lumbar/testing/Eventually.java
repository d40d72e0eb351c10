package io.lumbar.testing;

import java.time.Duration;

/**
 * Retries an assertion until it holds or the time is up; for effects that happen in the background.
 */
public final class Eventually {
  private Eventually() {}

  public static void within(Duration timeout, Runnable assertion) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
