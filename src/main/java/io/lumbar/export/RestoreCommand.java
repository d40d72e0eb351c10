package io.lumbar.export;

import io.lumbar.backup.BackupRestore;
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
 * {@code lumbar restore FILE [--merge]}: loads a backup (docs/backup.md) or an export into an empty
 * database (an export, with --merge, also into one that has passages: it adds those it lacks), then
 * rebuilds the index. The file's first bytes tell which: a backup is gzip-compressed or starts with
 * its lumbar-backup header, an export is JSON Lines. With a server running on the same index, the
 * server indexes the restored passages from the change log instead.
 */
@Command(
    name = "restore",
    description =
        "Load a backup (lumbar backup) or a JSON Lines export into an empty database and rebuild the index.")
public final class RestoreCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description =
          "A backup (lumbar backup -o FILE) or a JSON Lines export (lumbar export --format jsonl --status any).")
  Path file;

  @Option(
      names = "--merge",
      description =
          "For an export: restore into a database that already has passages: add those it lacks, skip the rest.")
  boolean merge;

  @Option(
      names = "--by",
      defaultValue = "restore",
      description =
          "For an export: who to record in the audit log (default: ${DEFAULT-VALUE}). A backup restores its own audit log and adds nothing.")
  String actor;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new RestoreException(
          file
              + " cannot be read: "
              + (Files.isDirectory(file) ? "it is a directory" : "no such file"));
    }
    boolean backup = BackupRestore.isBackup(file);
    if (backup && merge) {
      throw new RestoreException(
          file
              + " is a backup, which restores into an empty database only; --merge is for exports");
    }
    PrintWriter out = spec.commandLine().getOut();
    Backend opened = openWithIndexIfFree();
    boolean withIndex = opened.index() != null;
    try (Backend backend = opened) {
      if (backup) {
        BackupRestore.Restored restored =
            new BackupRestore(backend.database(), backend.json()).restore(file, !withIndex);
        out.printf(
            "restored %d rows in %d tables from %s (a backup of schema version %s taken %s)%n",
            restored.rows(),
            restored.tables(),
            file.getFileName(),
            restored.schemaVersion(),
            restored.takenAt());
        index(backend, withIndex, out);
        return 0;
      }
      Restorer restorer = new Restorer(backend.database(), backend.json());
      long lines = restorer.validate(file);
      if (!merge && !restorer.databaseIsEmpty()) {
        throw new RestoreException(
            "the database is not empty; restore into an empty database, or add --merge to add the "
                + "passages it does not have yet");
      }
      Restorer.Summary summary = restorer.restore(file, merge, actor);
      out.printf(
          "restored %d passages and %d articles from %s (%d tags created, %d passages already there)%n",
          summary.passages(),
          summary.articles(),
          file.getFileName(),
          summary.tagsCreated(),
          summary.skipped());
      index(backend, withIndex, out);
      return lines == summary.passages() + summary.skipped() ? 0 : 1;
    }
  }

  private static void index(Backend backend, boolean withIndex, PrintWriter out) {
    if (withIndex) {
      int indexed = backend.follower().rebuild(count -> {});
      out.printf("indexed %d published passages%n", indexed);
    } else {
      out.println(
          "the index is in use (is a server running?): it indexes the restored passages from the change log");
    }
  }

  /**
   * The index is locked while a server runs on it; then the server's follower indexes what is
   * restored.
   */
  private Backend openWithIndexIfFree() {
    try {
      return Backend.open(parent.config(), true);
    } catch (IndexUnavailableException e) {
      return Backend.open(parent.config(), false);
    }
  }
}
