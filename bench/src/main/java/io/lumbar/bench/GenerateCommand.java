package io.lumbar.bench;

import io.lumbar.cli.Backend;
import io.lumbar.config.CommandContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar generate --passages N [--seed S]}: loads a deterministic synthetic corpus into an
 * empty database.
 */
@Command(
    name = "generate",
    description = {
      "Load a deterministic synthetic corpus of N published passages (words, headings and tags learnt from the",
      "bundled articles) into the configured database, which must be empty. Start the server (or run reindex) after."
    })
public final class GenerateCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--passages",
      required = true,
      paramLabel = "N",
      description = "Number of passages, e.g. 100000, 100k or 1M.")
  String passages;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed: the same seed gives the same corpus (default: ${DEFAULT-VALUE}).")
  String seed;

  @Override
  public Integer call() {
    List<Integer> counts = PassageCounts.parse(passages);
    if (counts.size() != 1) {
      throw new IllegalArgumentException(
          "generate loads one corpus: give one number to --passages");
    }
    long seedValue = PassageCounts.seed(seed);
    PrintWriter err = spec.commandLine().getErr();
    try (Backend backend = Backend.open(parent.config().withImportSamples(false), false)) {
      SyntheticCorpus corpus = SyntheticCorpus.of(counts.getFirst(), seedValue);
      CorpusLoader.Loaded loaded =
          CorpusLoader.load(
              backend.database(),
              corpus,
              backend.json(),
              count -> {
                err.print("\rloaded " + count + " passages");
                err.flush();
              });
      err.print("\r" + " ".repeat(40) + "\r");
      spec.commandLine()
          .getOut()
          .printf(
              "generated %d passages in %d articles (%d tags on passages, seed %d) into database '%s'"
                  + " in %.1f s (%.0f passages/s)%n",
              loaded.passages(),
              loaded.articles(),
              loaded.passageTags(),
              seedValue,
              backend.database().name(),
              loaded.nanos() / 1e9,
              loaded.passagesPerSecond());
      return 0;
    }
  }
}
