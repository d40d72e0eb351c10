package io.lumbar.cli;

import io.lumbar.config.CommandContext;
import io.lumbar.indexing.CheckReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Compares the index with the database (the source of truth) and optionally repairs it. Exit codes,
 * for scripts: 0 consistent (after repair, with {@code --repair}), 1 differences found, 2 could not
 * check.
 */
@Command(
    name = "check",
    description = {
      "Compare the search index with the published passages in the database (server stopped; a running",
      "server offers GET /api/admin/check). Exit 0 when consistent, 1 when they differ, 2 when it cannot check."
    })
public final class CheckCommand implements Callable<Integer> {
  static final int DIFFERENT = 1;
  static final int FAILED = 2;

  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--repair",
      description = "Replace or delete exactly the differing documents, commit, and check again.")
  boolean repair;

  @Option(
      names = "--show",
      defaultValue = "20",
      paramLabel = "N",
      description = "Ids listed per kind of difference (default: ${DEFAULT-VALUE}).")
  int show;

  @Override
  public Integer call() {
    try (Backend backend = Backend.open(parent.config(), true)) {
      List<String> lines;
      boolean consistent;
      if (repair) {
        CheckReport.Repair done = backend.follower().repair(show);
        lines = done.lines();
        consistent = done.after().consistent();
      } else {
        CheckReport report = backend.follower().check(show);
        lines = report.lines();
        consistent = report.consistent();
      }
      lines.forEach(spec.commandLine().getOut()::println);
      return consistent ? 0 : DIFFERENT;
    } catch (RuntimeException e) {
      // Exit 1 means "differences"; a check that could not run must not look like one.
      spec.commandLine().getErr().println("error: " + CommandContext.oneLine(e));
      return FAILED;
    }
  }
}
