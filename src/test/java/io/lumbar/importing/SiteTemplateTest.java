package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.passages.EditablePassage;
import io.lumbar.passages.PassageEdit;
import io.lumbar.passages.PassageEditor;
import io.lumbar.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Site template by repetition, on a real MariaDB: what is rejected, what is written with it, what
 * editors teach.
 */
class SiteTemplateTest {
  static final String FOOTER =
      "The building has step-free access from the car park, and the waiting room has plenty of"
          + " seats for family members who come along.";
  static final String NIGHT =
      "Lying flat for hours lets the muscles around the spine stiffen, and a mattress that sags"
          + " lets the spine bend sideways, so many people wake up sore.";
  static final String PILLOW =
      "A pillow between the knees keeps the pelvis level for side sleepers and takes strain off"
          + " the lower back during the night.";
  static final String WALK =
      "Walking for twenty minutes a day keeps the discs nourished, because movement pumps fluid"
          + " in and out of them.";
  static final String SIT =
      "Sitting for long stretches loads the discs more than standing does, so a short break every"
          + " half hour helps the back recover.";

  TestDatabase db;
  ArticleImporter importer;
  PassageEditor editor;

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
    importer = new ArticleImporter(db.database());
    editor = new PassageEditor(db.database(), SiteTemplate::learn);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
  }

  private ImportSummary importPage(String name, String url, String... paragraphs) {
    ArticleSource source =
        ArticleSource.of(name + ".txt", String.join("\n\n", paragraphs)).withProvenance(url, null);
    return importer.importArticle(source, "ada");
  }

  private record Stored(long id, String status, String reason, int version) {}

  private Stored passage(long articleId, String text) {
    return db.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT id, status, reject_reason, version FROM passages WHERE article_id = ? AND text = ?")) {
                st.setLong(1, articleId);
                st.setString(2, text);
                try (var rs = st.executeQuery()) {
                  assertThat(rs.next())
                      .as("passage '" + text + "' in article " + articleId)
                      .isTrue();
                  return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4));
                }
              }
            });
  }

  private long count(String sql, Object... args) {
    return db.database()
        .read(
            c -> {
              try (var st = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                  st.setObject(i + 1, args[i]);
                }
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  @Test
  void
      a_block_on_two_articles_of_a_site_is_rejected_in_both_with_revision_audit_and_index_change() {
    ImportSummary a =
        importPage(
            "a", "https://www.example.org/night", "Back pain at night", NIGHT, PILLOW, FOOTER);
    Stored firstBefore = passage(a.articleId(), FOOTER);
    assertThat(firstBefore.status()).isEqualTo("published");

    ImportSummary b =
        importPage("b", "https://example.org/walking", "Walking and sitting", WALK, SIT, FOOTER);

    Stored first = passage(a.articleId(), FOOTER);
    Stored second = passage(b.articleId(), FOOTER);
    assertThat(second.status()).isEqualTo("rejected");
    assertThat(second.reason()).isEqualTo("site template");
    assertThat(first.status()).isEqualTo("rejected");
    assertThat(first.reason()).isEqualTo("site template");
    assertThat(first.version()).isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM passage_revisions WHERE passage_id = ? AND version = 2 AND status = 'rejected'"
                    + " AND reject_reason = 'site template'",
                first.id()))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'passage.reject' AND entity_type = 'passage'"
                    + " AND entity_id = ? AND actor = 'ada' AND JSON_VALUE(detail, '$.recurs_in_article') = ?",
                first.id(),
                b.articleId()))
        .isEqualTo(1);
    // Once when imported, once when rejected: the index drops it.
    assertThat(count("SELECT COUNT(*) FROM index_changes WHERE passage_id = ?", first.id()))
        .isEqualTo(2);
    // The articles' own paragraphs stay.
    for (String text : List.of(NIGHT, PILLOW)) {
      assertThat(passage(a.articleId(), text).status()).isEqualTo("published");
    }
    for (String text : List.of(WALK, SIT)) {
      assertThat(passage(b.articleId(), text).status()).isEqualTo("published");
    }
    assertThat(b.rejected()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void a_copy_an_editor_has_saved_since_its_import_is_left_as_the_editor_left_it() {
    ImportSummary a =
        importPage("a", "https://example.org/night", "Back pain at night", NIGHT, PILLOW, FOOTER);
    long edited = passage(a.articleId(), FOOTER).id();
    // What a save does to the row: a new version by someone else than the import.
    db.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "UPDATE passages SET version = version + 1, updated_by = 'edna' WHERE id = ?")) {
                st.setLong(1, edited);
                return st.executeUpdate();
              }
            });

    ImportSummary b =
        importPage("b", "https://example.org/walking", "Walking and sitting", WALK, SIT, FOOTER);

    assertThat(passage(b.articleId(), FOOTER).reason()).isEqualTo("site template");
    assertThat(passage(a.articleId(), FOOTER).status()).isEqualTo("published");
  }

  @Test
  void different_sites_do_not_interact_and_the_publisher_names_the_site_without_a_url() {
    ImportSummary a =
        importPage("a", "https://example.org/night", "Back pain at night", NIGHT, PILLOW, FOOTER);
    ImportSummary other =
        importPage(
            "c", "https://other.example.net/walking", "Walking and sitting", WALK, SIT, FOOTER);

    assertThat(passage(a.articleId(), FOOTER).status()).isEqualTo("published");
    // Another site's copy is the same text published twice: a duplicate, not template.
    assertThat(passage(other.articleId(), FOOTER).reason()).isEqualTo("duplicate");

    ArticleSource byPublisher =
        ArticleSource.of("d.txt", String.join("\n\n", "Sitting well", SIT, FOOTER))
            .withMetadata(null, "  Other   Clinic ");
    ArticleSource samePublisher =
        ArticleSource.of("e.txt", String.join("\n\n", "Night pain", PILLOW, FOOTER))
            .withMetadata(null, "other clinic");
    long d = importer.importArticle(byPublisher, "ada").articleId();
    long e = importer.importArticle(samePublisher, "ada").articleId();
    assertThat(passage(e, FOOTER).reason()).isEqualTo("site template");
    assertThat(passage(d, FOOTER).reason()).isIn("duplicate", "site template");
    assertThat(passage(a.articleId(), FOOTER).status()).isEqualTo("published");
  }

  @Test
  void a_common_sentence_inside_a_longer_paragraph_is_not_template() {
    importPage("a", "https://example.org/night", "Back pain at night", NIGHT, PILLOW, FOOTER);
    String ownParagraph =
        FOOTER + " This week we explain why stiffness after waking eases within an hour.";
    ImportSummary b =
        importPage(
            "b", "https://example.org/morning", "Morning stiffness", WALK, ownParagraph, SIT);

    assertThat(passage(b.articleId(), ownParagraph).status()).isEqualTo("published");
  }

  @Test
  void a_paragraph_a_site_reuses_amid_its_articles_text_is_a_duplicate_not_template() {
    ImportSummary a =
        importPage("a", "https://example.org/night", "Back pain at night", NIGHT, WALK, PILLOW);
    ImportSummary b =
        importPage(
            "b",
            "https://example.org/sitting",
            "Sitting",
            SIT,
            WALK,
            PILLOW + " Side sleepers too.");

    assertThat(passage(a.articleId(), WALK).status()).isEqualTo("published");
    assertThat(passage(b.articleId(), WALK).reason()).isEqualTo("duplicate");
  }

  @Test
  void an_editor_publishing_a_template_block_keeps_it_in_later_imports() {
    importPage("a", "https://example.org/night", "Back pain at night", NIGHT, PILLOW, FOOTER);
    ImportSummary b =
        importPage("b", "https://example.org/walking", "Walking and sitting", WALK, SIT, FOOTER);
    Stored second = passage(b.articleId(), FOOTER);
    EditablePassage shown = editor.find(second.id());

    editor.save(
        second.id(),
        shown.version(),
        new PassageEdit(null, FOOTER, "published", null),
        "edna",
        "passage.publish");

    assertThat(
            count(
                "SELECT COUNT(*) FROM site_template WHERE site = 'example.org' AND template = FALSE"
                    + " AND decided_by = 'edna'"))
        .isEqualTo(1);
    ImportSummary c =
        importPage(
            "c", "https://example.org/sleep", "Sleeping well", PILLOW + " Try it tonight.", FOOTER);
    Stored third = passage(c.articleId(), FOOTER);
    assertThat(third.reason()).isNotEqualTo("site template");
    assertThat(passage(b.articleId(), FOOTER).status()).isEqualTo("published");
  }

  @Test
  void an_editor_rejecting_a_block_makes_it_template_for_the_site_only() {
    ImportSummary a =
        importPage("a", "https://example.org/night", "Back pain at night", NIGHT, PILLOW, FOOTER);
    Stored pillow = passage(a.articleId(), PILLOW);
    EditablePassage shown = editor.find(pillow.id());

    editor.save(
        pillow.id(),
        shown.version(),
        new PassageEdit(null, PILLOW, "rejected", "shop pitch"),
        "edna",
        "passage.reject");

    assertThat(
            count(
                "SELECT COUNT(*) FROM site_template WHERE site = 'example.org' AND template = TRUE"))
        .isEqualTo(1);
    // Amid the article's own text, and still template: the editor's word outweighs where it stands.
    ImportSummary b = importPage("b", "https://example.org/walking", "Walking", WALK, PILLOW, SIT);
    assertThat(passage(b.articleId(), PILLOW).reason()).isEqualTo("site template");
    ImportSummary other =
        importPage("c", "https://other.example.net/walking", "Walking", SIT, PILLOW, WALK);
    assertThat(passage(other.articleId(), PILLOW).status()).isEqualTo("published");
  }

  @Test
  void the_site_is_the_host_without_www_else_the_publisher() {
    assertThat(SiteTemplate.site("https://WWW.Example.org/a?b", "Someone")).contains("example.org");
    assertThat(SiteTemplate.site(null, "  Example\u00a0Clinic ")).contains("example clinic");
    assertThat(SiteTemplate.site("", null)).isEmpty();
  }

  @Test
  void theLeadParagraphBeforeTheArticleIsAmidContentButAShortLineIsNot() {
    String lead =
        "Sciatica is pain that runs from the lower back down one leg, because a nerve root in the spine is"
            + " pressed or irritated.";
    List<ArticleSplitter.Block> blocks =
        List.of(
            new ArticleSplitter.Block(
                0, List.of(), "Enable scripts to share this page.", "browser notice", null),
            new ArticleSplitter.Block(1, List.of(), lead, null, null),
            new ArticleSplitter.Block(
                2, List.of(), "Most people recover within six weeks.", null, null),
            new ArticleSplitter.Block(3, List.of(), "Trusted by our readers", null, null));
    assertThat(SiteTemplate.amidContent(blocks)).containsExactly(false, true, true, false);

    List<ArticleSplitter.Block> shortLead =
        List.of(
            new ArticleSplitter.Block(0, List.of(), "Trusted by our readers", null, null),
            new ArticleSplitter.Block(
                1, List.of(), "Most people recover within six weeks.", null, null));
    assertThat(SiteTemplate.amidContent(shortLead)).containsExactly(false, false);
  }

  @Test
  void theFirstBlockOfASectionUnderTheArticlesOwnHeadingIsAmidContentPastATabLabel() {
    List<ArticleSplitter.Block> blocks =
        List.of(
            new ArticleSplitter.Block(0, List.of(), "Read This", "call to action", null),
            new ArticleSplitter.Block(
                1, List.of(), "USE HEAT", PassageAssembler.HEADING_WITHOUT_BODY, null),
            new ArticleSplitter.Block(
                2, List.of("Use heat"), "A warm pack relaxes the muscles.", null, null),
            new ArticleSplitter.Block(
                3, List.of(), "REST", PassageAssembler.HEADING_WITHOUT_BODY, null),
            new ArticleSplitter.Block(4, List.of("Rest"), "Rest a day, not a week.", null, null),
            new ArticleSplitter.Block(5, List.of(), "Subscribe", "call to action", null),
            new ArticleSplitter.Block(
                6, List.of("Newsletter"), "Tips every week in your inbox.", null, null),
            new ArticleSplitter.Block(7, List.of(), "Follow us", "call to action", null));
    // The last section's block has nothing of the article after it: it may be the site's.
    assertThat(SiteTemplate.amidContent(blocks))
        .containsExactly(false, false, true, false, false, false, false, false);
  }

  private static String volunteers(String topic) {
    return "Volunteers help researchers learn more about "
        + topic
        + ", and studies need people of every age, both healthy and living with the condition.";
  }

  private static String helplines(String topic) {
    return "The groups below support people living with "
        + topic
        + " and their families, and answer questions by phone on weekdays.";
  }

  @Test
  void a_box_a_site_fills_with_each_pages_topic_is_template_in_both_articles() {
    ImportSummary a =
        importPage(
            "a",
            "https://example.org/knee-strain",
            "Knee Strain",
            NIGHT,
            PILLOW,
            volunteers("knee strain"),
            helplines("knee strain"));
    ImportSummary b =
        importPage(
            "b",
            "https://example.org/hip-bursitis",
            "Hip Bursitis",
            WALK,
            SIT,
            volunteers("hip bursitis"),
            helplines("hip bursitis"));

    for (String text : List.of(volunteers("knee strain"), helplines("knee strain"))) {
      assertThat(passage(a.articleId(), text).reason()).isEqualTo("site template");
    }
    for (String text : List.of(volunteers("hip bursitis"), helplines("hip bursitis"))) {
      assertThat(passage(b.articleId(), text).reason()).isEqualTo("site template");
    }
    for (String text : List.of(NIGHT, PILLOW)) {
      assertThat(passage(a.articleId(), text).status()).isEqualTo("published");
    }
    for (String text : List.of(WALK, SIT)) {
      assertThat(passage(b.articleId(), text).status()).isEqualTo("published");
    }
  }

  @Test
  void near_repeats_compare_wording_with_the_pages_topic_masked_not_a_shared_phrase() {
    var knee = NearRepeat.topic("Knee Strain");
    var hip = NearRepeat.topic("Hip Bursitis");
    assertThat(
            NearRepeat.same(
                NearRepeat.shingles(volunteers("knee strain"), knee),
                NearRepeat.shingles(volunteers("hip bursitis"), hip)))
        .isTrue();
    // Two articles' own sentences on one topic share words, not wording.
    assertThat(
            NearRepeat.same(
                NearRepeat.shingles(
                    "Rest the knee for a day or two, then walk a little more each day as the"
                        + " swelling goes down.",
                    knee),
                NearRepeat.shingles(
                    "Rest the hip for a day, and a cold pack for ten minutes at a time eases the"
                        + " swelling after a walk.",
                    hip)))
        .isFalse();
    // Short lines are left to exact repetition.
    assertThat(NearRepeat.shingles("Call us on weekdays.", knee)).isEmpty();
  }
}
