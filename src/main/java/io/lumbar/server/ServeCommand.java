package io.lumbar.server;

import io.lumbar.config.CommandContext;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Runs the HTTP server until the process is stopped; SIGTERM shuts it down cleanly. */
@Command(name = "serve", description = "Start the HTTP server (the default command).")
public final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand CommandContext parent;

  @Override
  public Integer call() throws InterruptedException {
    App app = App.start(parent.config());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info(
                      "Stopping: finishing requests in flight, then the index and the database");
                  app.close();
                  log.info("Stopped cleanly");
                  stopped.countDown();
                },
                "lumbar-shutdown"));
    stopped.await();
    return 0;
  }
}
