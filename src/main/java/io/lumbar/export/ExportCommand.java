package io.lumbar.export;

import io.lumbar.cli.Backend;
import io.lumbar.config.CommandContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar export}: the same bytes as {@code GET /api/export} for the same filter, to standard
 * output or a file. A file is written beside its target and renamed into place when complete, so a
 * failed export (the database gone mid-way) never leaves half a file, nor replaces an older one.
 * Standard output cannot be taken back: there a failure stops the output where it was, and the
 * non-zero exit is what tells. A terminal gets a progress bar on standard error.
 */
@Command(
    name = "export",
    description = "Export passages as JSON Lines, JSON or CSV (the same as GET /api/export).")
public final class ExportCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "jsonl, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--status", description = "published (default), pending, rejected, or any.")
  String status;

  @Option(names = "--cause", description = "Only passages with this cause (slug).")
  String cause;

  @Option(names = "--treatment", description = "Only passages with this treatment (slug).")
  String treatment;

  @Option(names = "--article", description = "Only passages of this article (id).")
  String article;

  @Option(names = "--q", description = "Only passages matching these words (MariaDB full-text).")
  String q;

  @Option(
      names = "--updated-since",
      description = "Only passages changed since this ISO-8601 date or instant.")
  String updatedSince;

  @Option(names = "--untagged", description = "Only passages without tags.")
  boolean untagged;

  @Option(names = "--duplicates", description = "Only passages marked as duplicates.")
  boolean duplicates;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    ExportFormat exportFormat = ExportFormat.parse(format);
    ExportFilter filter = ExportFilter.parse(params()::get);
    try (Backend backend = Backend.open(parent.config(), false)) {
      PassageExport export = new PassageExport(backend.database());
      export.checkFilters(filter);
      PrintWriter err = spec.commandLine().getErr();
      LongConsumer progress =
          System.console() == null ? n -> {} : new ProgressBar(err, export.count(filter));
      long written;
      try {
        if (output == null) {
          written = export.write(filter, exportFormat, System.out, progress);
          System.out.flush();
        } else {
          written = writeFile(export, filter, exportFormat, progress);
        }
      } finally {
        if (System.console() != null) {
          // Ends the progress bar's line, so a failure's one-line error starts on its own.
          err.println();
        }
      }
      if (output != null) {
        err.println("exported " + written + " passages to " + output);
      }
      return 0;
    }
  }

  private long writeFile(
      PassageExport export, ExportFilter filter, ExportFormat exportFormat, LongConsumer progress)
      throws IOException {
    Path target = output.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    try {
      long written;
      try (OutputStream out = Files.newOutputStream(temp)) {
        written = export.write(filter, exportFormat, out, progress);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return written;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** The options as the API's query parameters, so both are parsed by the same code. */
  private Map<String, String> params() {
    Map<String, String> params = new HashMap<>();
    params.put("status", status);
    params.put("cause", cause);
    params.put("treatment", treatment);
    params.put("article", article);
    params.put("q", q);
    params.put("updatedSince", updatedSince);
    params.put("untagged", untagged ? "1" : null);
    params.put("duplicates", duplicates ? "1" : null);
    return params;
  }

  /** "[===== ] 52% 520,000 of 1,000,000 passages", redrawn every 1% or half second. */
  static final class ProgressBar implements LongConsumer {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long total;
    private long lastDrawn = -1;
    private long lastNanos;

    ProgressBar(PrintWriter err, long total) {
      this.err = err;
      this.total = Math.max(total, 1);
      accept(0);
    }

    @Override
    public void accept(long done) {
      long percent = done * 100 / total;
      long now = System.nanoTime();
      if (percent == lastDrawn && now - lastNanos < 500_000_000L) {
        return;
      }
      lastDrawn = percent;
      lastNanos = now;
      int filled = (int) (Math.min(percent, 100) * WIDTH / 100);
      err.printf(
          "\r[%s%s] %3d%% %,d of %,d passages",
          "=".repeat(filled), " ".repeat(WIDTH - filled), percent, done, total);
      err.flush();
    }
  }
}
