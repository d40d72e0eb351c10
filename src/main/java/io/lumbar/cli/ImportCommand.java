package io.lumbar.cli;

import io.lumbar.config.CommandContext;
import io.lumbar.db.DataAccessException;
import io.lumbar.db.Database;
import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.importing.ImportException;
import io.lumbar.semantic.Semantic;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Imports text or HTML articles; one summary line per file. A running server picks them up within a
 * second.
 */
@Command(name = "import", description = "Import articles (plain text or HTML) into the database.")
public final class ImportCommand implements Callable<Integer> {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files (.txt or .html).")
  List<Path> files;

  @Option(names = "--publisher", description = "Publisher to record for these articles.")
  String publisher;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The page the article was taken from (http or https); one FILE only.")
  String url;

  @Option(
      names = "--published",
      paramLabel = "YYYY-MM-DD",
      description = "Publication date to record for these articles.")
  String published;

  @Option(
      names = "--no-embed",
      description =
          "Leave the passages' vectors to a server's background worker instead of computing them"
              + " before exiting (semantic search only).")
  boolean noEmbed;

  @Option(
      names = "--by",
      defaultValue = "cli",
      description = "Who to record as the importer (default: ${DEFAULT-VALUE}).")
  String actor;

  @Override
  public Integer call() {
    if (url != null && files.size() > 1) {
      spec.commandLine()
          .getErr()
          .println(
              "error: --url names the page of one article; import the "
                  + files.size()
                  + " files one at a time, each with its own --url");
      return 1;
    }
    LocalDate publishedOn;
    try {
      publishedOn = ArticleSource.parseDate(published);
    } catch (ImportException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    int failures = 0;
    int imported = 0;
    try (Backend backend = Backend.open(parent.config(), false)) {
      ArticleImporter importer = new ArticleImporter(backend.database());
      for (Path file : files) {
        try {
          ArticleSource source =
              ArticleSource.of(file.getFileName().toString(), read(file))
                  .withMetadata(null, publisher)
                  .withProvenance(url, publishedOn);
          spec.commandLine().getOut().println(importer.importArticle(source, actor).describe());
          imported++;
        } catch (ImportException | DataAccessException e) {
          // One file's failure is reported and the others are still imported.
          spec.commandLine().getErr().println("error: " + file + ": " + e.getMessage());
          failures++;
        }
      }
      if (imported > 0 && !noEmbed) {
        embed(backend.semantic(), backend.database());
      }
    }
    return failures == 0 ? 0 : 1;
  }

  /**
   * Computes the new passages' vectors before the command ends, so a server started next searches
   * them by meaning at once instead of after its worker has caught up.
   */
  private void embed(Semantic semantic, Database db) {
    if (semantic.load().state() != Semantic.State.ON) {
      semantic
          .failure()
          .ifPresent(
              why ->
                  spec.commandLine()
                      .getErr()
                      .println(
                          "warning: passages not embedded ("
                              + why
                              + "); a server embeds them when it runs"));
      return;
    }
    long started = System.nanoTime();
    int embedded = semantic.embedMissing(db).orElse(0);
    if (embedded > 0) {
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "embedded %d passages for search by meaning in %.1f s%n",
              embedded,
              (System.nanoTime() - started) / 1e9);
    }
  }

  private static String read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ImportException(file + " cannot be read: no such file");
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ImportException(file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new ImportException(file + " cannot be read: " + e.getMessage());
    }
  }
}
