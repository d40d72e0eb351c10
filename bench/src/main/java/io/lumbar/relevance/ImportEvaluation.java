package io.lumbar.relevance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.db.Database;
import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.importing.ArticleSplitter;
import io.lumbar.importing.ImportException;
import io.lumbar.importing.ImportSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a labelled corpus into an empty database, as an editor would (the labels' publisher and
 * URL stand for what the editor types in the form), and scores what was published against the
 * labels once every article is in.
 */
final class ImportEvaluation {
  /** One article's outcome; {@code mistakes} lists the blocks it got wrong. */
  record Row(
      String file,
      String split,
      ImportScore score,
      String error,
      List<ImportScore.Mistake> mistakes) {
    Row(String file, String split, ImportScore score, String error) {
      this(file, split, score, error, List.of());
    }
  }

  private static final String COUNT_ARTICLES = "SELECT COUNT(*) FROM articles";

  /**
   * The article's passages, a duplicate of a published passage counted as kept: its text is in the
   * collection, once, as the importer intends (a site repeats its own definitions between
   * articles).
   */
  private static final String PASSAGES =
      """
      SELECT p.position, p.status = 'published' OR (p.reject_reason = 'duplicate' AND o.status = 'published'),
             p.text, p.reject_reason
        FROM passages p LEFT JOIN passages o ON o.id = p.duplicate_of
       WHERE p.article_id = ? ORDER BY p.position, p.id
      """;

  private ImportEvaluation() {}

  static List<Row> run(Database db, Path dir, ObjectMapper json) {
    long existing =
        db.read(
            c -> {
              try (PreparedStatement st = c.prepareStatement(COUNT_ARTICLES);
                  ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    if (existing > 0) {
      throw new IllegalStateException(
          "The database already holds "
              + existing
              + " articles: point LUMBAR_DB_URL at an"
              + " empty scratch database and set LUMBAR_IMPORT_SAMPLES=false");
    }
    List<ImportLabels> corpus = ImportLabels.read(dir, json);
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException(
          "No labelled articles in " + dir + " (expected articles/ and labels/)");
    }
    ArticleImporter importer = new ArticleImporter(db);
    Map<ImportLabels, Object> outcomes = new LinkedHashMap<>();
    for (ImportLabels labels : corpus) {
      try {
        outcomes.put(labels, importer.importArticle(source(labels), "eval-import"));
      } catch (ImportException e) {
        outcomes.put(labels, e.getMessage());
      }
    }
    // Scored once all are in: a later article of the same site may reject an earlier one's template
    // blocks.
    List<Row> rows = new ArrayList<>();
    outcomes.forEach(
        (labels, outcome) -> {
          // A refused article published nothing: its content counts as rejected in the totals.
          List<ImportScore.Passage> passages =
              outcome instanceof ImportSummary summary
                  ? passages(db, summary, source(labels))
                  : List.of();
          rows.add(
              new Row(
                  labels.file(),
                  labels.split(),
                  ImportScore.of(labels.blocks(), passages),
                  outcome instanceof String error ? error : null,
                  ImportScore.mistakes(labels.blocks(), passages)));
        });
    return rows;
  }

  /**
   * The article as an editor imports it, stating the publisher and the page's URL from the labels;
   * a URL the importer would refuse (a note instead of an address) is left out, as the editor would
   * leave the field empty.
   */
  private static ArticleSource source(ImportLabels labels) {
    String url = labels.url();
    try {
      ArticleImporter.checkProvenance(url, null, null);
    } catch (ImportException e) {
      url = null;
    }
    return ArticleSource.of(labels.file(), read(labels.article()))
        .withMetadata(null, labels.publisher())
        .withProvenance(url, null);
  }

  /** The stored passages, with the heading path the importer gave each position. */
  private static List<ImportScore.Passage> passages(
      Database db, ImportSummary summary, ArticleSource source) {
    Map<Integer, List<String>> paths = new HashMap<>();
    for (ArticleSplitter.Block block : ArticleSplitter.split(source).blocks()) {
      paths.put(block.position(), block.headingPath());
    }
    return db.read(
        c -> {
          List<ImportScore.Passage> passages = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(PASSAGES)) {
            st.setLong(1, summary.articleId());
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                passages.add(
                    new ImportScore.Passage(
                        rs.getBoolean(2),
                        rs.getString(3),
                        paths.getOrDefault(rs.getInt(1), List.of()),
                        rs.getString(4)));
              }
            }
          }
          return passages;
        });
  }

  /**
   * Totals by split, whatever splits the labels name ("tune", "test", a held-out "fresh" batch), in
   * order of first appearance, then over all articles.
   */
  static Map<String, ImportScore> totals(List<Row> rows) {
    Map<String, ImportScore> totals = new LinkedHashMap<>();
    for (Row row : rows) {
      totals.merge(row.split(), row.score(), ImportScore::plus);
    }
    totals.put("all", rows.stream().map(Row::score).reduce(ImportScore.ZERO, ImportScore::plus));
    return totals;
  }

  static void print(PrintWriter out, List<Row> rows) {
    String format = "%-58s %-5s %4s %4s %6s %6s %6s %7s %7s %7s%n";
    out.printf(
        format, "article", "split", "cont", "bp", "prec", "recall", "F1", "bp-pub", "c-rej",
        "headed");
    for (Row row : rows) {
      if (row.error() != null) {
        out.printf("%-58s %-5s error: %s%n", cut(row.file()), row.split(), row.error());
      } else {
        line(out, format, cut(row.file()), row.split(), row.score());
      }
    }
    out.println();
    for (var total : totals(rows).entrySet()) {
      line(out, format, "TOTAL " + total.getKey(), "", total.getValue());
    }
    out.flush();
  }

  /** The blocks each article of {@code split} (null: every split) got wrong, one line each. */
  static void printMistakes(PrintWriter out, List<Row> rows, String split) {
    for (Row row : rows) {
      if (split != null && !split.equals(row.split())) {
        continue;
      }
      for (ImportScore.Mistake m : row.mistakes()) {
        String text = m.text().replaceAll("\\s+", " ");
        out.printf(
            "%s\t%s\t%s\t%s%n",
            row.file(),
            m.label(),
            m.verdict(),
            text.length() <= 160 ? text : text.substring(0, 159) + "…");
      }
    }
    out.flush();
  }

  private static void line(
      PrintWriter out, String format, String name, String split, ImportScore s) {
    out.printf(
        format,
        name,
        split,
        s.content(),
        s.boilerplate(),
        pct(s.precision()),
        pct(s.recall()),
        pct(s.f1()),
        s.boilerplate() == 0 ? "-" : pct(s.boilerplatePublishedShare()),
        s.content() == 0 ? "-" : pct(s.contentRejectedShare()),
        s.headable() == 0 ? "-" : pct(s.headedShare()));
  }

  static String pct(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * value);
  }

  private static String cut(String s) {
    return s.length() <= 58 ? s : s.substring(0, 57) + "…";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
