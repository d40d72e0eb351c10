package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.Eventually;
import io.lumbar.testing.RunningApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Warning signs first, over the bundled corpus and taxonomy (where "Seeing a doctor and warning
 * signs" is marked as a warning sign): the API and the page show the passages about seeing a doctor
 * above the results when a query names a warning sign, and editors' changes to the flag and to
 * synonyms decide it.
 */
class WarningSignsTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static ConsoleSession edna;
  static ConsoleSession adam;

  @BeforeAll
  static void signIn() {
    ConsoleSession.createUser(app, "edna", "a long enough password", false);
    edna = new ConsoleSession(app);
    edna.login("edna", "a long enough password");
    ConsoleSession.createUser(app, "adam", "a long enough password", true);
    adam = new ConsoleSession(app);
    adam.login("adam", "a long enough password");
  }

  static JsonNode search(String q) {
    return app.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json();
  }

  static Document page(String q) {
    return Jsoup.parse(app.get("/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body());
  }

  static List<String> slugs(JsonNode tags) {
    List<String> slugs = new ArrayList<>();
    tags.forEach(t -> slugs.add(t.get("slug").asText()));
    return slugs;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      back pain with fever                          | back pain with fever
      loss of bladder or bowel control              | bladder or bowel control
      numbness in the groin and lower back pain     | numbness in the groin
      lower back pain only at night and weight loss | pain only at night
      """)
  void a_query_describing_warning_signs_gets_the_passages_about_seeing_a_doctor(
      String query, String words) {
    JsonNode signs = search(query).get("warningSigns");

    assertThat(signs.isObject()).as(query).isTrue();
    assertThat(signs.get("signs")).hasSize(1);
    JsonNode sign = signs.get("signs").get(0);
    assertThat(sign.get("slug").asText()).isEqualTo("see-a-doctor");
    assertThat(sign.get("kind").asText()).isEqualTo("treatment");
    assertThat(sign.get("words").asText()).isEqualTo(words);
    JsonNode passages = signs.get("passages");
    assertThat(passages).hasSize(WarningSigns.MAX_PASSAGES);
    passages.forEach(p -> assertThat(slugs(p.get("treatments"))).contains("see-a-doctor"));
  }

  @Test
  void an_ordinary_query_gets_no_callout() {
    for (String q :
        List.of(
            "stretches for lower back pain when lying down",
            "sciatica",
            "best mattress",
            "back pain at night")) {
      assertThat(search(q).get("warningSigns").isNull()).as(q).isTrue();
      assertThat(page(q).select(".warning-signs")).as(q).isEmpty();
    }
  }

  @Test
  void the_page_shows_the_callout_above_the_results_with_links_to_the_passages() {
    Document doc = page("back pain with fever");

    Element callout = doc.selectFirst("section.warning-signs");
    assertThat(callout).isNotNull();
    assertThat(callout.selectFirst("h2").text())
        .isEqualTo("Your search mentions back pain with fever: see a doctor");
    assertThat(callout.select("ul.advice > li > a"))
        .hasSize(WarningSigns.MAX_PASSAGES)
        .allSatisfy(a -> assertThat(a.attr("href")).startsWith("/passages/"));
    Element results = doc.selectFirst("ol.results");
    assertThat(results).isNotNull();
    assertThat(callout.siblingIndex()).isLessThan(doc.selectFirst("p.count").siblingIndex());
  }

  @Test
  void filters_narrow_the_results_but_not_the_warning_signs() {
    JsonNode body = app.get("/api/search?q=back+pain+with+fever&cause=sciatica").json();

    assertThat(body.get("results"))
        .allSatisfy(r -> assertThat(slugs(r.get("causes"))).contains("sciatica"));
    assertThat(body.get("warningSigns").get("passages")).hasSize(WarningSigns.MAX_PASSAGES);
  }

  @Test
  void a_synonym_of_a_warning_sign_alias_added_in_the_console_triggers_it() {
    assertThat(search("back pain and shivering").get("warningSigns").isNull()).isTrue();

    assertThat(
            adam.post("/admin/synonyms", Map.of("rule", "shivering => shivering, fever")).status())
        .isEqualTo(302);

    Eventually.within(
        Duration.ofSeconds(3),
        () -> {
          JsonNode signs = search("back pain and shivering").get("warningSigns");
          assertThat(signs.isObject()).isTrue();
          assertThat(signs.get("signs").get(0).get("words").asText()).isEqualTo("fever");
        });
  }

  @Test
  void editors_mark_a_cause_as_a_warning_sign_and_its_advice_comes_first_audited() {
    assertThat(search("renal colic").get("warningSigns").isNull()).isTrue();

    var marked = edna.post("/admin/tags/kidney-stones/warning-sign", Map.of("warningSign", "true"));

    assertThat(marked.location()).isEqualTo("/admin/tags/kidney-stones?done=warning-sign");
    assertThat(edna.get(marked.location()).body())
        .contains("Marked as a warning sign", "No longer a warning sign");
    JsonNode signs = search("renal colic").get("warningSigns");
    assertThat(slugs(signs.get("signs"))).containsExactly("kidney-stones");
    // The advice about the named cause first, then the other passages about seeing a doctor.
    JsonNode first = signs.get("passages").get(0);
    assertThat(slugs(first.get("causes"))).contains("kidney-stones");
    assertThat(slugs(first.get("treatments"))).contains("see-a-doctor");
    assertThat(signs.get("passages"))
        .allSatisfy(p -> assertThat(slugs(p.get("treatments"))).contains("see-a-doctor"));
    assertThat(auditEntries("kidney-stones")).isEqualTo(1);

    edna.post("/admin/tags/kidney-stones/warning-sign", Map.of("warningSign", "false"));
    assertThat(search("renal colic").get("warningSigns").isNull()).isTrue();
    assertThat(auditEntries("kidney-stones")).isEqualTo(2);
    // Saving the same value again changes nothing and audits nothing.
    edna.post("/admin/tags/kidney-stones/warning-sign", Map.of("warningSign", "false"));
    assertThat(auditEntries("kidney-stones")).isEqualTo(2);
  }

  @Test
  void a_bad_flag_value_is_refused() {
    assertThat(
            edna.post("/admin/tags/kidney-stones/warning-sign", Map.of("warningSign", "yes"))
                .status())
        .isEqualTo(400);
    assertThat(
            edna.post("/admin/tags/no-such-tag/warning-sign", Map.of("warningSign", "true"))
                .status())
        .isEqualTo(404);
  }

  private static long auditEntries(String slug) {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      """
          SELECT COUNT(*) FROM audit_log WHERE action = 'tag.warning-sign' AND JSON_VALUE(detail, '$.slug') = ?
          """)) {
                st.setString(1, slug);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }
}
