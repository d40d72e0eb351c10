package io.lumbar.backup;

import io.lumbar.config.CommandContext;
import io.lumbar.db.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar backup -o FILE}: the whole database from one consistent snapshot, safe beside a
 * running server (docs/backup.md). The file is written beside its target and renamed into place
 * when complete, so a failed backup never leaves half a file nor replaces an older backup.
 */
@Command(
    name = "backup",
    description =
        "Back up the whole database (every table but sessions, login failures and the "
            + "index change log) to one gzip file, from one consistent snapshot; safe while a server runs.")
public final class BackupCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "Where to write the backup (e.g. lumbar.backup.gz).")
  Path output;

  @Override
  public Integer call() throws IOException {
    Path target = output.toAbsolutePath();
    if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
      throw new BackupException("cannot write " + output + ": no such directory");
    }
    if (Files.isDirectory(target)) {
      throw new BackupException("cannot write " + output + ": it is a directory");
    }
    try (CommandContext.OpenDatabase opened = parent.openDatabase()) {
      long started = System.nanoTime();
      BackupHeader header = writeAtomically(target, opened.database());
      spec.commandLine()
          .getOut()
          .printf(
              "backed up %d rows in %d tables (schema version %s) to %s in %d ms, %d bytes%n",
              header.totalRows(),
              header.tables().size(),
              header.schemaVersion(),
              output,
              (System.nanoTime() - started) / 1_000_000,
              Files.size(target));
      return 0;
    }
  }

  private BackupHeader writeAtomically(Path target, Database database) throws IOException {
    Path temp;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    } catch (AccessDeniedException | NoSuchFileException e) {
      throw new BackupException(
          "cannot write "
              + output
              + ": "
              + (e instanceof AccessDeniedException ? "permission denied" : "no such directory"));
    }
    try {
      BackupHeader header;
      try (OutputStream out = Files.newOutputStream(temp)) {
        header = BackupWriter.write(database, out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return header;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }
}
