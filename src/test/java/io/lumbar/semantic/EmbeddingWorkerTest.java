package io.lumbar.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.IndexFollower;
import io.lumbar.indexing.Indexing;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.Analysis;
import io.lumbar.search.NearestPassages;
import io.lumbar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker with the real model: vectors stored, the index follows them, edits re-embed, rebuilds
 * reuse them.
 */
class EmbeddingWorkerTest {
  static final TextEmbedder MODEL = TextEmbedder.load(Optional.empty());

  TestDatabase db;
  PassageIndex index;
  IndexFollower follower;
  PassageVectors vectors;
  EmbeddingWorker worker;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    index = IndexFixture.empty(Analysis.bundled().indexAnalyzer());
    follower = Indexing.follower(index, db.database(), MODEL.name());
    vectors = new PassageVectors(db.database(), MODEL.name());
    worker = new EmbeddingWorker(MODEL, vectors);
    new ArticleImporter(db.database())
        .importArticle(
            ArticleSource.of(
                "a.txt",
                """
        Night pain

        Lower back discomfort often gets worse at night while sleeping on a mattress that sags.

        Drinking enough water during the day keeps the kidneys working well."""),
            "test");
    follower.catchUp();
  }

  @AfterEach
  void tearDown() throws Exception {
    worker.close();
    follower.close();
    index.close();
    db.close();
  }

  @Test
  void stores_a_vector_per_published_passage_and_the_index_picks_them_up() throws Exception {
    assertThat(indexedVectors()).isZero();

    assertThat(worker.drain()).isEqualTo(2);
    follower.catchUp();

    assertThat(
            count(
                "SELECT COUNT(*) FROM passage_vectors WHERE model = 'bge-small-en-v1.5-q/context' AND dims = 384"))
        .isEqualTo(2);
    assertThat(indexedVectors()).isEqualTo(2);
    assertThat(worker.drain()).as("nothing left to embed").isZero();
  }

  @Test
  void a_change_that_commits_after_a_higher_id_was_read_is_embedded_at_the_next_round()
      throws Exception {
    worker.drain();
    long first = count("SELECT MIN(id) FROM passages");
    long second = count("SELECT MAX(id) FROM passages");
    long latest = count("SELECT MAX(id) FROM index_changes");
    try (Connection slow = db.database().dataSource().getConnection()) {
      // As on Galera: one member hands out the lower id, another the higher one, which commits
      // first.
      slow.setAutoCommit(false);
      editWithChangeId(slow, first, "Stretching the hamstrings eases a stiff back.", latest + 1);
      db.database()
          .inTransaction(
              c -> {
                editWithChangeId(
                    c, second, "Warm baths loosen tight muscles before sleep.", latest + 3);
                return null;
              });
      assertThat(worker.round()).as("the change committed").isEqualTo(1);
      slow.commit();
    }
    assertThat(vectors.current(first)).isEmpty();

    assertThat(worker.round()).as("the late change, read again below the position").isEqualTo(1);
    assertThat(vectors.current(first)).isPresent();
    assertThat(worker.round()).as("each change once").isZero();
  }

  private static void editWithChangeId(Connection c, long passageId, String text, long changeId)
      throws java.sql.SQLException {
    try (PreparedStatement st = c.prepareStatement("UPDATE passages SET text = ? WHERE id = ?")) {
      st.setString(1, text);
      st.setLong(2, passageId);
      st.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement("INSERT INTO index_changes (id, passage_id) VALUES (?, ?)")) {
      st.setLong(1, changeId);
      st.setLong(2, passageId);
      st.executeUpdate();
    }
  }

  @Test
  void an_edited_passage_is_embedded_again_and_a_rebuild_reads_the_stored_vectors()
      throws Exception {
    worker.drain();
    long id = count("SELECT MIN(id) FROM passages");
    float[] before = vectors.current(id).orElseThrow();
    db.database()
        .inTransaction(
            c -> {
              try (PreparedStatement st =
                  c.prepareStatement(
                      "UPDATE passages SET text = 'Stretching the hamstrings eases a stiff back.' WHERE id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
              }
              ChangeLog.append(c, id);
              return null;
            });
    assertThat(vectors.current(id)).as("the stored vector is stale").isEmpty();

    assertThat(worker.round()).isEqualTo(1);
    assertThat(vectors.current(id).orElseThrow()).isNotEqualTo(before);

    assertThat(follower.rebuild(n -> {})).isEqualTo(2);
    assertThat(indexedVectors()).isEqualTo(2);
    assertThat(worker.drain()).as("a rebuild computes nothing").isZero();
  }

  @Test
  void a_new_article_title_makes_its_passages_vectors_stale() {
    worker.drain();
    long id = count("SELECT MIN(id) FROM passages");
    long other = count("SELECT MAX(id) FROM passages");
    float[] before = vectors.current(id).orElseThrow();
    db.database()
        .inTransaction(
            c -> {
              try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE articles SET title = 'Sleeping with a sore back'");
              }
              // As any edit does: its passages go on the change log, which the worker follows.
              ChangeLog.append(c, List.of(id, other));
              return null;
            });
    assertThat(vectors.current(id)).as("the title is part of what is embedded").isEmpty();

    assertThat(worker.drain()).isEqualTo(2);
    assertThat(vectors.current(id).orElseThrow()).isNotEqualTo(before);
  }

  @Test
  void vectors_of_another_kind_are_never_read_as_this_one() throws Exception {
    // As a vector computed from other text (an older kind, another model) would be stored: same
    // passage, same hash.
    db.database()
        .inTransaction(
            c -> {
              try (var st = c.createStatement()) {
                st.executeUpdate(
                    """
            INSERT INTO passage_vectors (passage_id, model, text_hash, dims, vector)
            SELECT p.id, 'bge-small-en-v1.5-q', %s, 1, X'0000803F' FROM passages p
            """
                        .formatted(io.lumbar.indexing.StoredVectors.EMBEDDED_TEXT_HASH));
              }
              return null;
            });
    long id = count("SELECT MIN(id) FROM passages");
    assertThat(vectors.current(id)).isEmpty();
    assertThat(follower.rebuild(n -> {})).isEqualTo(2);
    assertThat(indexedVectors()).as("a rebuild reads only this kind").isZero();

    assertThat(worker.drain()).as("this kind is computed beside the other").isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM passage_vectors WHERE model = 'bge-small-en-v1.5-q'"))
        .as("left alone")
        .isEqualTo(2);
    assertThat(vectors.current(id).orElseThrow()).hasSize(384);
  }

  @Test
  void the_nearest_tagged_passages_of_a_passage_come_from_the_index() {
    worker.drain();
    follower.catchUp();
    long night = count("SELECT id FROM passages WHERE text LIKE 'Lower back%'");
    long water = count("SELECT id FROM passages WHERE text LIKE 'Drinking%'");
    NearestPassages byWords = (id, heading, text, k) -> List.of();
    NearestPassages nearest = new VectorNeighbours(index, vectors, byWords);
    assertThat(nearest.nearestTagged(night, null, "", 5)).as("nothing is tagged yet").isEmpty();

    db.database()
        .inTransaction(
            c -> {
              try (var st = c.createStatement()) {
                st.executeUpdate(
                    "INSERT INTO tags (kind, slug, name) VALUES ('cause', 'kidney', 'Kidney')");
                st.executeUpdate(
                    "INSERT INTO passage_tags (passage_id, tag_id, tagged_by) SELECT "
                        + water
                        + ", id, 'test' FROM tags WHERE slug = 'kidney'");
              }
              ChangeLog.append(c, water);
              return null;
            });
    follower.catchUp();

    var neighbours = nearest.nearestTagged(night, null, "", 5);
    assertThat(neighbours).extracting(NearestPassages.Neighbour::id).containsExactly(water);
    assertThat(neighbours.getFirst().tags()).containsExactly("kidney");
    assertThat(nearest.nearestTagged(water, null, "", 5)).as("never the passage itself").isEmpty();
  }

  private long indexedVectors() throws Exception {
    IndexSearcher searcher = index.acquire();
    try {
      long n = 0;
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(PassageFields.VECTOR);
        n +=
            values == null
                ? 0
                : values.size()
                    - (leaf.reader().numDeletedDocs() > 0 ? deletedWithVectors(leaf, values) : 0);
      }
      return n;
    } finally {
      index.release(searcher);
    }
  }

  private static int deletedWithVectors(LeafReaderContext leaf, FloatVectorValues values)
      throws java.io.IOException {
    var live = leaf.reader().getLiveDocs();
    int deleted = 0;
    var it = values.iterator();
    for (int doc = it.nextDoc();
        doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
        doc = it.nextDoc()) {
      if (!live.get(doc)) {
        deleted++;
      }
    }
    return deleted;
  }

  private long count(String sql) {
    return db.database()
        .read(
            c -> {
              try (var st = c.createStatement();
                  ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }
}
