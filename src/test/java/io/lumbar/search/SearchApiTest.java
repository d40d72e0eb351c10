package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public search API over the bundled corpus, through the real app over HTTP. */
class SearchApiTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static Response search(String q, String extra) {
    return app.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra);
  }

  @Test
  void sciatica_finds_the_sciatica_passages_first() {
    Response response = search("sciatica", "");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode body = response.json();
    assertThat(body.get("query").asText()).isEqualTo("sciatica");
    assertThat(body.get("total").asLong()).isEqualTo(4);
    List<String> texts = texts(body);
    assertThat(texts).hasSize(4).allSatisfy(t -> assertThat(t.toLowerCase()).contains("sciatica"));
    // Passages about sciatica alone come before the one that also covers massage and physical
    // therapy.
    assertThat(texts.get(0)).startsWith("Sciatica occurs when the surrounding tissues constrict");
    assertThat(texts.get(2)).contains("The sciatic nerve is the largest nerve in your body");
    JsonNode first = body.get("results").get(2);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "id",
            "articleId",
            "articleTitle",
            "articleUrl",
            "articlePublisher",
            "articlePublished",
            "heading",
            "headingPath",
            "position",
            "text",
            "snippet",
            "score",
            "causes",
            "treatments");
    assertThat(first.get("heading").asText()).isEqualTo("Sciatica");
    // The numbered list sits under the section heading that repeats the title.
    assertThat(first.get("headingPath").toString())
        .isEqualTo(
            "["
                + first.get("articleTitle").toString()
                + ","
                + first.get("heading").toString()
                + "]");
    // Provenance is what the bundled manifest records for the article: a publisher, no URL or date.
    JsonNode manifest = null;
    for (JsonNode entry : bundledManifest()) {
      if (entry.get("title").asText().equals(first.get("articleTitle").asText())) {
        manifest = entry;
      }
    }
    assertThat(manifest).as("the hit's article is in the bundled manifest").isNotNull();
    assertThat(first.get("articlePublisher").asText())
        .isEqualTo(manifest.get("publisher").asText());
    assertThat(first.get("articleUrl").isNull()).isTrue();
    assertThat(first.get("articlePublished").isNull()).isTrue();
    assertThat(first.get("snippet").asText()).contains("<mark>Sciatica</mark>");
  }

  @Test
  void stemming_and_lie_forms_match_across_word_forms() {
    // "laying" in the query, "lying"/"lay" in passages; "strained" vs "strains".
    assertThat(texts(search("laying down strained muscles", "").json()))
        .anySatisfy(
            t ->
                assertThat(t)
                    .contains(
                        "One of the primary causes of lower back pain when lying down is muscle strains"));
  }

  @Test
  void synonyms_expand_lay_words_to_clinical_ones() {
    // No passage says "advil": the synonym finds ibuprofen, the NSAIDs tag's alias finds the tagged
    // passages.
    List<String> texts = texts(search("advil", "").json());
    assertThat(texts.getFirst().toLowerCase()).contains("ibuprofen");
    assertThat(texts)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.toLowerCase()).containsAnyOf("ibuprofen", "nsaid"));
  }

  @Test
  void boilerplate_never_appears_in_results() {
    for (String q :
        List.of(
            "privacy policy",
            "leave a comment",
            "find a location",
            "money back guarantee",
            "skip to content",
            "shipping")) {
      assertThat(texts(search(q, "&limit=100").json()))
          .as(q)
          .noneSatisfy(
              t ->
                  assertThat(t)
                      .containsAnyOf(
                          "Privacy Policy",
                          "Leave a",
                          "Find a Location",
                          "Money Back",
                          "Skip to",
                          "Shipping"));
    }
  }

  @Test
  void quoted_phrase_must_match_exactly() {
    JsonNode body = search("\"quadratus lumborum\"", "").json();
    assertThat(body.get("total").asLong()).isEqualTo(2);
    assertThat(texts(body)).allSatisfy(t -> assertThat(t).contains("quadratus lumborum"));
  }

  @Test
  void paging_is_stable_and_complete() {
    List<Long> all = ids(search("back pain", "&limit=100").json());
    List<Long> paged = new ArrayList<>();
    for (int offset = 0; offset < all.size(); offset += 7) {
      paged.addAll(ids(search("back pain", "&limit=7&offset=" + offset).json()));
    }
    assertThat(paged).isEqualTo(all);
    assertThat(search("back pain", "&limit=100").json().get("total").asLong())
        .isEqualTo(all.size());
  }

  @Test
  void limit_defaults_to_ten() {
    assertThat(search("pain", "").json().get("results")).hasSize(10);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "?q=",
        "?q=%20%20",
        "?q=pain&limit=0",
        "?q=pain&limit=101",
        "?q=pain&limit=ten",
        "?q=pain&limit=1.5",
        "?q=pain&offset=-1",
        "?q=pain&offset=x",
        "?q=pain&limit=99999999999999999999",
        "?q=pain&offset=10001"
      })
  void bad_input_answers_400_with_a_message(String query) {
    Response response = app.get("/api/search" + query);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isNotBlank();
  }

  @Test
  void synonym_heavy_queries_and_huge_filter_lists_are_400_not_500() {
    Response complex =
        search(
            "slipped disc, herniated disk, pinched nerve or compressed nerve? advil or aleve", "");
    assertThat(complex.status()).isIn(200, 400);
    Response quoted = search("\"slipped disc slipped disc slipped disc slipped disc\"", "");
    assertThat(quoted.status()).isIn(200, 400);
    Response filters =
        search(
            "pain",
            "&article="
                + java.util.stream.IntStream.range(0, 1100)
                    .mapToObj(Integer::toString)
                    .collect(java.util.stream.Collectors.joining(",")));
    assertThat(filters.status()).isEqualTo(400);
    assertThat(filters.json().get("error").asText()).contains("at most 50");
    assertThat(app.get("/api/passages/%D9%A5").status()).isEqualTo(400);
    assertThat(search("pain", "&limit=%D9%A5").status()).isEqualTo(400);
  }

  @Test
  void query_over_1000_characters_is_refused() {
    Response response = search("a".repeat(1001), "");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains("too long");
    assertThat(search("pain ".repeat(200), "").status()).isEqualTo(200);
    // Synonym-heavy and many-distinct-word queries stay under Lucene's clause limit.
    assertThat(search("advil ".repeat(166), "").status()).isEqualTo(200);
    assertThat(
            search("slipped disc pinched nerve advil aleve ".repeat(26).substring(0, 1000), "")
                .status())
        .isEqualTo(200);
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; distinct.length() < 990; i++) {
      distinct.append("q").append(i).append(' ');
    }
    assertThat(search(distinct.toString(), "").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"",
        "(",
        "*",
        "?",
        "~",
        ":",
        "\"(*?~:",
        "back~2 AND (pain",
        "title:pain",
        "[1 TO 5]",
        "\\",
        "/",
        "+-!^{}&&||",
        "<script>alert(1)</script>",
        "'; DROP TABLE passages; --",
        "😀 back",
        "ألم الظهر",
        "\u0000\u0007"
      })
  void query_syntax_is_searched_as_text(String q) {
    Response response = search(q, "");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("results").isArray()).isTrue();
  }

  @Test
  void only_published_passages_are_searchable() {
    Integer unpublished =
        app.database()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT COUNT(*) FROM passages WHERE status <> 'published'")) {
                    rs.next();
                    return rs.getInt(1);
                  }
                });
    assertThat(unpublished).isPositive();
    Integer published =
        app.database()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT COUNT(*) FROM passages WHERE status = 'published'")) {
                    rs.next();
                    return rs.getInt(1);
                  }
                });
    assertThat(app.get("/health").json().get("indexedPassages").asInt()).isEqualTo(published);
  }

  @Test
  void search_page_shows_results_with_highlights_and_escapes_the_query() {
    Response page =
        app.get("/?q=" + URLEncoder.encode("sciatica <b>bold</b>", StandardCharsets.UTF_8));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("<mark>Sciatica</mark>")
        .contains("&lt;b&gt;bold&lt;/b&gt;")
        .doesNotContain("<b>bold</b>");
  }

  @Test
  void search_page_has_helpful_empty_and_no_result_states() {
    assertThat(app.get("/").body()).contains("For example");
    Response none = app.get("/?q=zzzqqq");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).contains("Nothing matched");
    Response bad = app.get("/?q=" + "x".repeat(1001));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("too long");
  }

  static List<String> texts(JsonNode body) {
    List<String> texts = new ArrayList<>();
    body.get("results").forEach(r -> texts.add(r.get("text").asText()));
    return texts;
  }

  static List<Long> ids(JsonNode body) {
    List<Long> ids = new ArrayList<>();
    body.get("results").forEach(r -> ids.add(r.get("id").asLong()));
    return ids;
  }

  private static JsonNode bundledManifest() {
    try (var in = SearchApiTest.class.getResourceAsStream("/articles/corpus.json")) {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
