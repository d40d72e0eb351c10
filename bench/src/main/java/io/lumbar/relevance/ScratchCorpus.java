package io.lumbar.relevance;

import io.lumbar.config.Config;
import io.lumbar.db.Database;
import io.lumbar.db.EmbeddedMariaDb;
import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.importing.ImportException;
import io.lumbar.scratch.ScratchDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throw-away database for {@code lumbar eval --corpus DIR}: named after the configured one with
 * {@code _eval} (dropped and recreated), so an evaluation never touches the data it runs beside.
 */
final class ScratchCorpus implements AutoCloseable {
  private final Config config;
  private final EmbeddedMariaDb embedded;

  private ScratchCorpus(Config config, EmbeddedMariaDb embedded) {
    this.config = config;
    this.embedded = embedded;
  }

  static ScratchCorpus start(Config configured) {
    EmbeddedMariaDb embedded =
        configured.dbUrl().isPresent()
            ? null
            : EmbeddedMariaDb.start(configured.embeddedDbDir(), configured.embeddedDbPort());
    String url =
        embedded == null
            ? ScratchDatabase.beside(configured.dbUrl().get(), "_eval")
            : embedded.jdbcUrl("lumbar_eval");
    ScratchDatabase.dropIfExists(url, configured.dbUser(), configured.dbPassword());
    return new ScratchCorpus(
        configured
            .withDatabase(url, configured.dbUser(), configured.dbPassword())
            .withImportSamples(true),
        embedded);
  }

  Config config() {
    return config;
  }

  /**
   * Imports every file under {@code dir}/articles in name order, one summary line each on {@code
   * err}; with {@code splits} not empty, only the articles whose labels ({@code dir/labels/*.json})
   * carry one of those splits, as a fresh server given just one batch would hold them.
   */
  static void importArticles(Database db, Path dir, Set<String> splits, PrintWriter err) {
    Path articles = dir.resolve("articles");
    Set<String> chosen =
        splits.isEmpty()
            ? null
            : ImportLabels.read(dir, io.lumbar.web.Json.mapper()).stream()
                .filter(labels -> splits.contains(labels.split()))
                .map(ImportLabels::file)
                .collect(Collectors.toSet());
    List<Path> files;
    try (Stream<Path> listing = Files.list(articles)) {
      files =
          listing
              .filter(Files::isRegularFile)
              .filter(f -> chosen == null || chosen.contains(f.getFileName().toString()))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot list " + articles + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No articles in " + articles);
    }
    ArticleImporter importer = new ArticleImporter(db);
    for (Path file : files) {
      try {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        err.println(
            importer
                .importArticle(ArticleSource.of(file.getFileName().toString(), content), "eval")
                .describe());
      } catch (IOException | ImportException e) {
        err.println("error: " + file + ": " + e.getMessage());
      }
    }
    err.flush();
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
