package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.indexing.TaggedPassageReader.StoredPassage;
import io.lumbar.testing.TestDatabase;
import io.lumbar.web.Json;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one reader of passages with their tags, as the index and the export use it. */
class TaggedPassageReaderTest {
  TestDatabase db;
  long alpha;
  long beta;
  long gamma;

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabase.create();
    new ArticleImporter(db.database())
        .importArticle(
            ArticleSource.of(
                "a.txt",
                "Title line\n\nFirst passage about alpha pain.\n\nSecond passage about beta pain.\n\nThird passage about gamma pain."),
            "test");
    db.database()
        .inTransaction(
            c -> {
              try (Statement st = c.createStatement()) {
                st.executeUpdate(
                    """
            INSERT INTO tags (kind, slug, name, retired_at) VALUES
              ('cause', 'sciatica', 'Sciatica', NULL), ('cause', 'disc-injury', 'Disc injury', NULL),
              ('treatment', 'ice', 'Ice', NULL), ('cause', 'retired-cause', 'Retired cause', CURRENT_TIMESTAMP(3))""");
                st.executeUpdate(
                    """
            INSERT INTO passage_tags (passage_id, tag_id, tagged_by)
            SELECT p.id, t.id, 'test' FROM passages p JOIN tags t WHERE p.text LIKE '%alpha%'""");
                st.executeUpdate(
                    "UPDATE passages SET text = 'Second passage about beta pain, edited.' WHERE text LIKE '%beta%'");
                st.executeUpdate(
                    "UPDATE passages SET status = 'rejected', reject_reason = 'test' WHERE text LIKE '%gamma%'");
              }
              return null;
            });
    // Imported in order: the article's passages have increasing ids.
    List<Long> ids =
        db.database()
            .read(
                c -> {
                  List<Long> found = new ArrayList<>();
                  try (Statement st = c.createStatement();
                      var rs = st.executeQuery("SELECT id FROM passages ORDER BY position")) {
                    while (rs.next()) {
                      found.add(rs.getLong(1));
                    }
                  }
                  return found;
                });
    assertThat(ids).hasSize(3);
    alpha = ids.get(0);
    beta = ids.get(1);
    gamma = ids.get(2);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  @Test
  void streams_every_passage_in_id_order_with_its_current_tags_by_slug_and_article()
      throws Exception {
    List<StoredPassage> read = read("", List.of());

    assertThat(read).extracting(StoredPassage::id).containsExactly(alpha, beta, gamma);
    StoredPassage first = read.getFirst();
    assertThat(first.causes())
        .as("retired tags left out, ordered by slug")
        .containsExactly(
            new TagRef(TagRef.CAUSE, "disc-injury", "Disc injury"),
            new TagRef(TagRef.CAUSE, "sciatica", "Sciatica"));
    assertThat(first.treatments()).containsExactly(new TagRef(TagRef.TREATMENT, "ice", "Ice"));
    assertThat(first.originalText()).as("never edited").isNull();
    assertThat(first.article().title()).isEqualTo("Title line");
    assertThat(first.vector()).as("no model asked for").isNull();

    StoredPassage second = read.get(1);
    assertThat(second.causes()).isEmpty();
    assertThat(second.text()).isEqualTo("Second passage about beta pain, edited.");
    assertThat(second.originalText()).isEqualTo("Second passage about beta pain.");
    assertThat(second.article())
        .as("rows of one article share its record")
        .isSameAs(first.article());
    assertThat(read.get(2).status()).isEqualTo("rejected");
    assertThat(read.get(2).rejectReason()).isEqualTo("test");
  }

  @Test
  void reads_only_what_the_where_clause_matches_and_counts_it() throws Exception {
    List<StoredPassage> read = new ArrayList<>();
    long count =
        db.database()
            .read(
                c ->
                    TaggedPassageReader.stream(
                        c,
                        " WHERE p.status = ? AND p.id > ?",
                        List.of("published", alpha),
                        null,
                        read::add));

    assertThat(count).isEqualTo(1);
    assertThat(read).extracting(StoredPassage::id).containsExactly(beta);
  }

  @Test
  void carries_the_current_vector_of_the_model_asked_for_before_the_where_clause_parameters()
      throws Exception {
    float[] vector = {0.6f, 0.8f};
    db.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "INSERT INTO passage_vectors (passage_id, model, text_hash, dims, vector)"
                          + " SELECT p.id, ?, "
                          + StoredVectors.EMBEDDED_TEXT_HASH
                          + ", 2, ? FROM passages p WHERE p.id IN (?, ?)")) {
                st.setString(1, "m");
                st.setBytes(2, VectorBytes.encode(vector));
                st.setLong(3, alpha);
                st.setLong(4, beta);
                st.executeUpdate();
              }
              // The text changed after its vector was computed: that vector is no longer current.
              try (var st =
                  c.prepareStatement(
                      "UPDATE passages SET text = 'Beta, edited again.' WHERE id = ?")) {
                st.setLong(1, beta);
                st.executeUpdate();
              }
              return null;
            });
    List<StoredPassage> read = new ArrayList<>();
    db.database()
        .read(
            c ->
                TaggedPassageReader.stream(
                    c, " WHERE p.id IN (?, ?)", List.of(alpha, beta), "m", read::add));

    assertThat(read).extracting(StoredPassage::id).containsExactly(alpha, beta);
    assertThat(read.get(0).vector()).containsExactly(vector);
    assertThat(read.get(1).vector()).isNull();
  }

  @Test
  void a_tag_in_json_is_its_slug_and_name_only() throws Exception {
    // Causes and treatments are separate lists in every API and export: the kind is not written.
    assertThat(Json.mapper().writeValueAsString(new TagRef(TagRef.CAUSE, "sciatica", "Sciatica")))
        .isEqualTo("{\"slug\":\"sciatica\",\"name\":\"Sciatica\"}");
  }

  private List<StoredPassage> read(String where, List<Object> params) {
    List<StoredPassage> read = new ArrayList<>();
    db.database().read(c -> TaggedPassageReader.stream(c, where, params, null, read::add));
    return read;
  }
}
