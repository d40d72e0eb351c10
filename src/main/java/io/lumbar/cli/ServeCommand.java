package io.lumbar.cli;

import io.lumbar.App;
import io.lumbar.Main;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Runs the HTTP server until the process is stopped; SIGTERM shuts it down cleanly. */
@Command(name = "serve", description = "Start the HTTP server (the default command).")
public final class ServeCommand implements Callable<Integer> {
  @ParentCommand
  Main parent;

  @Override
  public Integer call() throws InterruptedException {
    App app = App.start(parent.config());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "lumbar-shutdown"));
    stopped.await();
    return 0;
  }
}
