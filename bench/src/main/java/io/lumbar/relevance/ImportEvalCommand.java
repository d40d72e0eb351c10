package io.lumbar.relevance;

import io.lumbar.cli.Backend;
import io.lumbar.config.CommandContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar eval-import DIR}: imports a labelled corpus into the configured (empty, scratch)
 * database and scores the import: precision and recall of "published == content", boilerplate
 * published, content rejected and the share of passages headed by their section's heading, per
 * article, per split and overall.
 */
@Command(
    name = "eval-import",
    description = {
      "Import a labelled corpus (DIR/articles, DIR/labels) into an EMPTY scratch database and score the import.",
      "Point LUMBAR_DB_URL at a scratch database and set LUMBAR_IMPORT_SAMPLES=false."
    })
public final class ImportEvalCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR",
      description = "Folder with articles/ and labels/ (or folders that have them).")
  Path dir;

  @Option(
      names = "--mistakes",
      paramLabel = "SPLIT",
      arity = "0..1",
      fallbackValue = "all",
      description =
          "After the table, list every block the import got wrong (of SPLIT only: tune, test, fresh, ...).")
  String mistakes;

  @Override
  public Integer call() {
    try (Backend backend = Backend.open(parent.config(), false)) {
      var rows = ImportEvaluation.run(backend.database(), dir, backend.json());
      ImportEvaluation.print(spec.commandLine().getOut(), rows);
      if (mistakes != null) {
        spec.commandLine().getOut().println();
        ImportEvaluation.printMistakes(
            spec.commandLine().getOut(), rows, "all".equals(mistakes) ? null : mistakes);
      }
      return 0;
    }
  }
}
