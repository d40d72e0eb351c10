package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The symptom-search features over the curated bundled corpus, through the real app: tag-aware
 * ranking, corrections, facets, suggestions, related passages, and synonyms and aliases edited in
 * the database.
 */
class SymptomSearchApiTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  private static JsonNode search(String q, String extra) {
    Response r = app.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> slugs(JsonNode tags) {
    List<String> slugs = new ArrayList<>();
    tags.forEach(t -> slugs.add(t.get("slug").asText()));
    return slugs;
  }

  @Test
  void the_bundled_taxonomy_has_every_required_cause_and_treatment() {
    JsonNode tags = app.get("/api/tags").json();

    assertThat(slugs(tags.get("causes")))
        .hasSize(14)
        .contains(
            "muscle-strain",
            "ankylosing-spondylitis",
            "spinal-stenosis",
            "spinal-tumors",
            "sciatica",
            "osteoarthritis",
            "disc-herniation",
            "disc-degeneration",
            "kidney-infection",
            "kidney-stones",
            "tight-ql",
            "posture-overuse");
    assertThat(slugs(tags.get("treatments")))
        .hasSize(23)
        .contains(
            "cold-heat",
            "stay-active",
            "exercise",
            "stretching",
            "physical-therapy",
            "nsaids",
            "biologics",
            "corticosteroids",
            "jak-inhibitors",
            "braces",
            "surgery",
            "chemotherapy",
            "radiation",
            "acupuncture",
            "chiropractic",
            "massage",
            "dry-needling",
            "aquatic-therapy",
            "sleep-position",
            "antibiotics",
            "see-a-doctor");
    JsonNode sciatica =
        tags.get("causes").findParents("slug").stream()
            .filter(t -> t.get("slug").asText().equals("sciatica"))
            .findFirst()
            .orElseThrow();
    assertThat(sciatica.get("description").asText()).isNotBlank();
    assertThat(sciatica.get("aliases").toString()).contains("pinched nerve");
  }

  @Test
  void the_sample_passages_are_tagged_as_curated() {
    int tagged =
        app.database()
            .read(
                c -> {
                  try (var st =
                          c.prepareStatement(
                              "SELECT COUNT(DISTINCT passage_id) FROM passage_tags");
                      var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                  }
                });
    assertThat(tagged).isEqualTo(91);
    JsonNode first =
        search("\"Sciatica is inflammation of the large nerve\"", "").get("results").get(0);
    assertThat(slugs(first.get("causes"))).containsExactly("sciatica");
  }

  @Test
  void a_lay_alias_of_a_cause_finds_every_passage_tagged_with_it() {
    JsonNode results = search("pinched nerve", "").get("results");

    List<String> tagged = new ArrayList<>();
    results.forEach(
        hit -> {
          if (slugs(hit.get("causes")).contains("sciatica")) {
            tagged.add(hit.get("text").asText());
          }
        });
    // Four passages are tagged sciatica; one of them says neither "pinched" nor "nerve".
    assertThat(tagged)
        .hasSize(4)
        .anySatisfy(t -> assertThat(t.toLowerCase()).doesNotContain("pinch", "nerve"));
  }

  @Test
  void warning_sign_passages_are_findable_as_such() {
    for (String q : List.of("warning signs", "red flags back pain")) {
      List<JsonNode> top = new ArrayList<>();
      search(q, "").get("results").forEach(top::add);

      assertThat(top.subList(0, 6))
          .as(q)
          .allSatisfy(hit -> assertThat(slugs(hit.get("treatments"))).contains("see-a-doctor"));
    }
  }

  @Test
  void a_misspelled_word_is_corrected_and_suggested() {
    JsonNode body = search("sciatia", "");

    assertThat(body.get("didYouMean").asText()).isEqualTo("sciatica");
    assertThat(body.get("results").get(0).get("text").asText()).contains("sciatic");
    assertThat(search("sciatica", "").get("didYouMean").isNull()).isTrue();
  }

  @Test
  void facets_count_causes_and_treatments_over_all_matches() {
    JsonNode body = search("sciatica", "&limit=1");

    assertThat(body.get("results")).hasSize(1);
    assertThat(body.get("facets").get("causes").get(0).toString())
        .isEqualTo("{\"slug\":\"sciatica\",\"name\":\"Sciatica\",\"count\":4}");
    assertThat(slugs(body.get("facets").get("treatments"))).contains("physical-therapy");
  }

  @Test
  void suggest_completes_from_tag_names_aliases_and_passage_words() {
    Response r = app.get("/api/suggest?q=sci");

    assertThat(r.status()).isEqualTo(200);
    // Completions of the word typed first; "sciatic" is a word of the synonym rules.
    assertThat(r.json().get("suggestions").toString())
        .isEqualTo(
            "[{\"text\":\"sciatica\",\"source\":\"cause\",\"tag\":\"sciatica\"},"
                + "{\"text\":\"sciatic\",\"source\":\"synonym\",\"tag\":null},{\"text\":\"sciatic nerve pain\",\"source\":\"cause\",\"tag\":\"sciatica\"}]");
    JsonNode words =
        app.get("/api/suggest?q=" + URLEncoder.encode("pain in the butt", StandardCharsets.UTF_8))
            .json()
            .get("suggestions");
    assertThat(words)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.get("text").asText()).startsWith("pain in the butt"));
  }

  @Test
  void suggest_rejects_missing_and_oversized_input() {
    assertThat(app.get("/api/suggest").status()).isEqualTo(400);
    assertThat(app.get("/api/suggest?q=%20").status()).isEqualTo(400);
    assertThat(app.get("/api/suggest?q=" + "a".repeat(101)).status()).isEqualTo(400);
    assertThat(app.get("/api/suggest?q=sci&limit=0").json().get("error").asText())
        .contains("limit");
  }

  @Test
  void related_passages_share_words_and_tags_and_never_include_the_passage_itself() {
    long sciatica = app.passageIdStartingWith("Sciatica is inflammation of the large nerve");

    JsonNode related = app.get("/api/passages/" + sciatica + "/related?limit=3").json();

    assertThat(related.get("id").asLong()).isEqualTo(sciatica);
    assertThat(related.get("related")).hasSize(3);
    related
        .get("related")
        .forEach(hit -> assertThat(hit.get("id").asLong()).isNotEqualTo(sciatica));
    assertThat(slugs(related.get("related").get(0).get("causes"))).contains("sciatica");
    assertThat(app.get("/api/passages/999999/related").status()).isEqualTo(404);
    assertThat(app.get("/api/passages/abc/related").status()).isEqualTo(400);
  }

  @Test
  void the_page_offers_the_correction_facets_and_paging_that_keep_filters() {
    String corrected = app.get("/?q=sciatia").body();
    assertThat(corrected).contains("Did you mean <a href=\"/?q=sciatica\">sciatica</a>?");

    String filtered = app.get("/?q=pain&treatment=physical-therapy&limit=2").body();
    assertThat(filtered)
        .contains("/?q=pain&amp;treatment=physical-therapy&amp;offset=2&amp;limit=2");
    assertThat(filtered).contains("href=\"/?q=pain&amp;limit=2\" title=\"Remove this filter\"");
    assertThat(filtered).contains("/?q=pain&amp;cause=");
  }

  @Test
  void synonyms_and_aliases_edited_in_the_database_apply_without_a_restart() {
    assertThat(search("zorbly", "").get("total").asLong()).isZero();

    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "INSERT INTO synonym_rules (rule, created_by, updated_by) VALUES ('zorbly => sciatica', 'test', 'test')")) {
                return st.executeUpdate();
              }
            });
    Eventually.within(
        Duration.ofSeconds(5),
        () -> {
          JsonNode results = search("zorbly", "").get("results");
          assertThat(results).isNotEmpty();
          assertThat(results.get(0).get("text").asText().toLowerCase()).contains("sciatica");
        });

    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "UPDATE tags SET aliases = JSON_ARRAY_APPEND(aliases, '$', 'frobnicated kidney') WHERE slug = 'kidney-stones'")) {
                return st.executeUpdate();
              }
            });
    Eventually.within(
        Duration.ofSeconds(5),
        () -> {
          JsonNode body = search("frobnicated kidney", "");
          assertThat(body.get("results")).as(body.toString()).isNotEmpty();
          assertThat(slugs(body.get("results").get(0).get("causes"))).contains("kidney-stones");
        });
  }
}
