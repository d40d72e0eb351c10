package io.lumbar.cli;

import io.lumbar.config.CommandContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Rebuilds the index from the database; run it while the server is stopped. */
@Command(
    name = "reindex",
    description = "Rebuild the search index from the database (server stopped).")
public final class ReindexCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Backend backend = Backend.open(parent.config(), true)) {
      long started = System.nanoTime();
      int total =
          backend
              .follower()
              .rebuild(
                  count -> {
                    if (count % 1000 == 0) {
                      spec.commandLine().getErr().print("\rindexed " + count + " passages");
                    }
                  });
      spec.commandLine().getErr().print("\r");
      spec.commandLine()
          .getOut()
          .printf(
              "indexed %d published passages in %d ms%n",
              total, (System.nanoTime() - started) / 1_000_000);
      return 0;
    }
  }
}
