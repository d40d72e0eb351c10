package io.lumbar.export;

import io.lumbar.cli.Backend;
import io.lumbar.config.CommandContext;
import io.lumbar.indexing.IndexUnavailableException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar restore FILE.jsonl [--merge]}: loads an export into an empty database (or, with --merge, adds
 * the passages it lacks), then rebuilds the index. With a server running on the same index, the server
 * indexes the restored passages from the change log instead.
 */
@Command(name = "restore", description = "Load a JSON Lines export into an empty database and rebuild the index.")
public final class RestoreCommand implements Callable<Integer> {
  @ParentCommand
  CommandContext parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A JSON Lines export (lumbar export --format jsonl --status any).")
  Path file;

  @Option(names = "--merge", description = "Restore into a database that already has passages: add those it lacks, skip the rest.")
  boolean merge;

  @Option(names = "--by", defaultValue = "restore", description = "Who to record in the audit log (default: ${DEFAULT-VALUE}).")
  String actor;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new RestoreException(file + " cannot be read: no such file");
    }
    PrintWriter out = spec.commandLine().getOut();
    Backend opened = openWithIndexIfFree();
    boolean withIndex = opened.index() != null;
    try (Backend backend = opened) {
      Restorer restorer = new Restorer(backend.database(), backend.json());
      long lines = restorer.validate(file);
      if (!merge && !restorer.databaseIsEmpty()) {
        throw new RestoreException("the database is not empty; restore into an empty database, or add --merge to add the "
            + "passages it does not have yet");
      }
      Restorer.Summary summary = restorer.restore(file, merge, actor);
      out.printf("restored %d passages and %d articles from %s (%d tags created, %d passages already there)%n",
          summary.passages(), summary.articles(), file.getFileName(), summary.tagsCreated(), summary.skipped());
      if (withIndex) {
        int indexed = backend.follower().rebuild(count -> {});
        out.printf("indexed %d published passages%n", indexed);
      } else {
        out.println("the index is in use (is a server running?): it indexes the restored passages from the change log");
      }
      return lines == summary.passages() + summary.skipped() ? 0 : 1;
    }
  }

  /** The index is locked while a server runs on it; then the server's follower indexes what is restored. */
  private Backend openWithIndexIfFree() {
    try {
      return Backend.open(parent.config(), true);
    } catch (IndexUnavailableException e) {
      return Backend.open(parent.config(), false);
    }
  }
}
