package io.lumbar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.bench.SyntheticCorpus.Article;
import io.lumbar.bench.SyntheticCorpus.Passage;
import io.lumbar.db.Database;
import io.lumbar.importing.TextNormalizer;
import io.lumbar.tagging.BundledTaxonomy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;

/**
 * Loads a {@link SyntheticCorpus} into an empty Lumbar database, fast: one thread generates rows
 * while another writes them as multi-row INSERTs (a thousand rows a statement, a transaction per
 * batch), with the session's unique and foreign-key checks off because the rows are consistent by
 * construction. Ids are given, not generated, so tags need no round trip. Afterwards every passage
 * gets one change-log row, so any index (a new one is rebuilt whole, an existing one follows the
 * log) picks the corpus up.
 */
final class CorpusLoader {
  static final String ACTOR = "generate";
  private static final int ROWS_PER_STATEMENT = 1_000;
  private static final int PASSAGES_PER_BATCH = 5_000;
  private static final int CHANGE_LOG_CHUNK = 100_000;
  private static final int WRITERS = 2;

  private static final String INSERT_ARTICLES =
      """
      INSERT INTO articles (id, title, publisher, source_name, original_text, checksum, imported_by) VALUES
      """;
  private static final String ARTICLE_ROW = "(?, ?, ?, ?, ?, ?, '" + ACTOR + "')";
  private static final String INSERT_PASSAGES =
      """
      INSERT INTO passages (id, article_id, position, heading, text, original_text, fingerprint, status, created_by, updated_by) VALUES
      """;
  private static final String PASSAGE_ROW =
      "(?, ?, ?, ?, ?, ?, ?, 'published', '" + ACTOR + "', '" + ACTOR + "')";
  private static final String INSERT_PASSAGE_TAGS =
      """
      INSERT INTO passage_tags (passage_id, tag_id, tagged_by) VALUES
      """;
  private static final String PASSAGE_TAG_ROW = "(?, ?, '" + ACTOR + "')";
  private static final String APPEND_CHANGES =
      """
      INSERT INTO index_changes (passage_id) SELECT id FROM passages WHERE id BETWEEN ? AND ? ORDER BY id
      """;
  private static final String CONTENT =
      """
      SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM passages), (SELECT COUNT(*) FROM tags)
      """;
  private static final String BULK_SESSION =
      "SET SESSION unique_checks = 0, foreign_key_checks = 0";
  private static final String NORMAL_SESSION =
      "SET SESSION unique_checks = 1, foreign_key_checks = 1";

  /** What was loaded and how long it took. */
  record Loaded(int articles, int passages, int passageTags, long nanos) {
    double passagesPerSecond() {
      return passages / (nanos / 1e9);
    }
  }

  /** Thrown when the database already has content: one line for the operator. */
  static final class NotEmptyException extends RuntimeException {
    NotEmptyException(String message) {
      super(message);
    }
  }

  /**
   * A batch of generated rows, handed from the generating thread to the writing one; empty means
   * done.
   */
  private record Batch(
      List<Object[]> articles, List<Object[]> passages, List<Object[]> passageTags) {}

  private CorpusLoader() {}

  private static Void write(
      Database db, BlockingQueue<Batch> queue, AtomicIntegerArray counts, IntConsumer progress) {
    return db.read(
        c -> {
          c.setAutoCommit(false);
          try (Statement st = c.createStatement()) {
            st.execute(BULK_SESSION);
          }
          try {
            for (Batch batch = take(queue); !batch.passages().isEmpty(); batch = take(queue)) {
              insert(c, INSERT_ARTICLES, ARTICLE_ROW, batch.articles());
              insert(c, INSERT_PASSAGES, PASSAGE_ROW, batch.passages());
              insert(c, INSERT_PASSAGE_TAGS, PASSAGE_TAG_ROW, batch.passageTags());
              c.commit();
              counts.addAndGet(0, batch.articles().size());
              counts.addAndGet(2, batch.passageTags().size());
              progress.accept(counts.addAndGet(1, batch.passages().size()));
            }
          } finally {
            c.rollback();
            try (Statement st = c.createStatement()) {
              st.execute(NORMAL_SESSION);
            }
            c.setAutoCommit(true);
          }
          return null;
        });
  }

  static Loaded load(Database db, SyntheticCorpus corpus, ObjectMapper json, IntConsumer progress) {
    long started = System.nanoTime();
    Map<String, Long> tagIds =
        db.inTransaction(
            c -> {
              refuseContent(c, db.name());
              return BundledTaxonomy.insertTags(c, json, ACTOR);
            });
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2 * WRITERS);
    AtomicIntegerArray counts = new AtomicIntegerArray(3);
    // Writing is bound by the server's index maintenance (B-trees and the FULLTEXT cache): two
    // connections keep it busy.
    try (ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1)) {
      CompletionService<Void> running = new ExecutorCompletionService<>(threads);
      running.submit(() -> generate(corpus, tagIds, queue));
      for (int i = 0; i < WRITERS; i++) {
        running.submit(() -> write(db, queue, counts, progress));
      }
      try {
        // In order of completion, so a failed writer stops the generator waiting for room in the
        // queue.
        for (int i = 0; i < WRITERS + 1; i++) {
          running.take().get();
        }
      } catch (ExecutionException e) {
        threads.shutdownNow();
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        threads.shutdownNow();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while loading the corpus", e);
      }
    }
    for (long from = 1; from <= counts.get(1); from += CHANGE_LOG_CHUNK) {
      long first = from;
      db.inTransaction(
          c -> {
            try (PreparedStatement st = c.prepareStatement(APPEND_CHANGES)) {
              st.setLong(1, first);
              st.setLong(2, first + CHANGE_LOG_CHUNK - 1);
              return st.executeUpdate();
            }
          });
    }
    return new Loaded(counts.get(0), counts.get(1), counts.get(2), System.nanoTime() - started);
  }

  private static void refuseContent(Connection c, String database) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(CONTENT)) {
      rs.next();
      if (rs.getLong(1) + rs.getLong(2) + rs.getLong(3) > 0) {
        throw new NotEmptyException(
            "The database '"
                + database
                + "' is not empty ("
                + rs.getLong(1)
                + " articles, "
                + rs.getLong(2)
                + " passages, "
                + rs.getLong(3)
                + " tags); generate loads only into an empty database:"
                + " point LUMBAR_DB_URL at a new one");
      }
    }
  }

  private static Void generate(
      SyntheticCorpus corpus, Map<String, Long> tagIds, BlockingQueue<Batch> queue)
      throws InterruptedException {
    long passageId = 0;
    Batch batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Article article : corpus) {
      String originalText =
          "Synthetic article "
              + article.number()
              + " of "
              + corpus.passages()
              + " passages generated with seed "
              + corpus.seed()
              + " by lumbar generate.";
      batch
          .articles()
          .add(
              new Object[] {
                (long) article.number(),
                article.title(),
                article.publisher(),
                article.sourceName(),
                originalText,
                TextNormalizer.fingerprint(originalText)
              });
      for (Passage p : article.passages()) {
        passageId++;
        batch
            .passages()
            .add(
                new Object[] {
                  passageId,
                  (long) article.number(),
                  p.position(),
                  p.heading(),
                  p.text(),
                  p.text(),
                  TextNormalizer.fingerprint(p.text())
                });
        for (String slug : p.causes()) {
          batch.passageTags().add(new Object[] {passageId, tagIds.get(slug)});
        }
        for (String slug : p.treatments()) {
          batch.passageTags().add(new Object[] {passageId, tagIds.get(slug)});
        }
      }
      if (batch.passages().size() >= PASSAGES_PER_BATCH) {
        queue.put(batch);
        batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      }
    }
    if (!batch.passages().isEmpty()) {
      queue.put(batch);
    }
    for (int i = 0; i < WRITERS; i++) {
      queue.put(new Batch(List.of(), List.of(), List.of()));
    }
    return null;
  }

  private static Batch take(BlockingQueue<Batch> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while loading the corpus", e);
    }
  }

  /** Inserts {@code rows} as statements of up to {@link #ROWS_PER_STATEMENT} rows each. */
  private static void insert(Connection c, String head, String rowPlaceholders, List<Object[]> rows)
      throws SQLException {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      try (PreparedStatement st =
          c.prepareStatement(
              head + String.join(",", Collections.nCopies(chunk.size(), rowPlaceholders)))) {
        int i = 1;
        for (Object[] row : chunk) {
          for (Object value : row) {
            st.setObject(i++, value);
          }
        }
        st.executeUpdate();
      }
    }
  }
}
