package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.CommandRunner;
import io.lumbar.testing.RunningApp;
import io.lumbar.testing.RunningApp.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter naming a cause, treatment or article that does not exist is an error everywhere, never
 * "nothing found".
 */
class StrictFiltersTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  static final List<String> CAUSES =
      List.of(
          "ankylosing-spondylitis",
          "arthritis",
          "disc-degeneration",
          "disc-herniation",
          "irritated-disc-joint",
          "kidney-infection",
          "kidney-stones",
          "muscle-strain",
          "osteoarthritis",
          "posture-overuse",
          "sciatica",
          "spinal-stenosis",
          "spinal-tumors",
          "tight-ql");
  static final List<String> TREATMENTS =
      List.of(
          "acupuncture",
          "antibiotics",
          "aquatic-therapy",
          "biologics",
          "braces",
          "chemotherapy",
          "chiropractic",
          "cold-heat",
          "corticosteroids",
          "dry-needling",
          "exercise",
          "jak-inhibitors",
          "massage",
          "massage-tools",
          "nsaids",
          "physical-therapy",
          "radiation",
          "rest",
          "see-a-doctor",
          "sleep-position",
          "stay-active",
          "stretching",
          "surgery");

  @TempDir Path tmp;

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static List<String> articleIds() {
    return app.database()
        .read(
            c -> {
              List<String> ids = new ArrayList<>();
              try (var rs =
                  c.createStatement().executeQuery("SELECT id FROM articles ORDER BY id")) {
                while (rs.next()) {
                  ids.add(Long.toString(rs.getLong(1)));
                }
              }
              return ids;
            });
  }

  @Test
  void an_unknown_cause_on_the_search_api_answers_400_with_the_causes() {
    Response response = app.get("/api/search?q=back+pain&cause=nope");

    assertThat(response.status()).isEqualTo(400);
    JsonNode body = response.json();
    assertThat(body.get("parameter").asText()).isEqualTo("cause");
    assertThat(texts(body.get("unknown"))).containsExactly("nope");
    assertThat(texts(body.get("valid"))).isEqualTo(CAUSES);
    assertThat(body.get("validValuesAt").asText()).isEqualTo("/api/tags");
    assertThat(body.get("error").asText())
        .isEqualTo(
            "Unknown 'cause': 'nope'. Valid values: "
                + String.join(", ", CAUSES)
                + " (also at /api/tags).");
  }

  @Test
  void a_treatment_is_not_a_cause_and_every_unknown_value_is_named() {
    JsonNode asCause = app.get("/api/search?q=back+pain&cause=sciatica,cold-heat").json();
    assertThat(texts(asCause.get("unknown"))).containsExactly("cold-heat");

    JsonNode treatments =
        app.get("/api/search?q=back+pain&treatment=ice&treatment=rest&treatment=heat").json();
    assertThat(treatments.get("parameter").asText()).isEqualTo("treatment");
    assertThat(texts(treatments.get("unknown"))).containsExactly("ice", "heat");
    assertThat(texts(treatments.get("valid"))).isEqualTo(TREATMENTS);
  }

  @Test
  void an_unknown_article_on_the_search_api_answers_400_with_the_article_ids() {
    for (String article : new String[] {"987654", "abc", "0"}) {
      Response response = app.get("/api/search?q=back+pain&article=" + article);
      assertThat(response.status()).as(article).isEqualTo(400);
      JsonNode body = response.json();
      assertThat(body.get("parameter").asText()).isEqualTo("article");
      assertThat(texts(body.get("unknown"))).containsExactly(article);
      assertThat(texts(body.get("valid"))).isEqualTo(articleIds());
    }
    assertThat(app.get("/api/search?q=back+pain&article=" + articleIds().getFirst()).status())
        .isEqualTo(200);
  }

  @Test
  void known_filters_still_search() {
    JsonNode body = app.get("/api/search?q=pain&cause=sciatica").json();
    assertThat(body.get("total").asLong()).isPositive();
    body.get("results")
        .forEach(hit -> assertThat(hit.get("causes").toString()).contains("\"slug\":\"sciatica\""));
  }

  @Test
  void the_search_page_says_so_in_words_and_offers_the_search_without_it() {
    Response response = app.get("/?q=back+pain&cause=sciatica&cause=nope&treatment=rest");

    assertThat(response.status()).isEqualTo(400);
    Document page = Jsoup.parse(response.body());
    assertThat(page.select(".notice.error").text())
        .isEqualTo("There is no cause “nope” to narrow the search to, so nothing was searched.");
    assertThat(page.select(".retry a").attr("href"))
        .isEqualTo("/?q=back+pain&cause=sciatica&treatment=rest");
    assertThat(page.select(".retry a").text()).isEqualTo("Search for “back pain” without it");
    assertThat(page.select("#q").val()).isEqualTo("back pain");
  }

  @Test
  void an_unknown_filter_on_the_export_answers_400_with_the_valid_values() {
    JsonNode cause = app.get("/api/export?cause=nope").json();
    assertThat(cause.get("parameter").asText()).isEqualTo("cause");
    assertThat(texts(cause.get("valid"))).isEqualTo(CAUSES);
    assertThat(app.get("/api/export?treatment=sciatica").status()).isEqualTo(400);

    Response article = app.get("/api/export?article=987654");
    assertThat(article.status()).isEqualTo(400);
    assertThat(article.contentType()).startsWith("application/json");
    assertThat(texts(article.json().get("unknown"))).containsExactly("987654");
    assertThat(texts(article.json().get("valid"))).isEqualTo(articleIds());
    assertThat(app.get("/api/export?cause=sciatica&article=" + articleIds().getFirst()).status())
        .isEqualTo(200);
  }

  @Test
  void the_export_command_says_it_in_one_line_exits_1_and_writes_nothing() {
    Path file = tmp.resolve("never.jsonl");
    CommandRunner cli = new CommandRunner(app.config());

    assertThat(cli.run("export", "--cause", "nope", "-o", file.toString())).isEqualTo(1);

    assertThat(cli.err().lines().toList())
        .containsExactly(
            "error: Unknown 'cause': 'nope'. Valid values: "
                + String.join(", ", CAUSES)
                + " (also at /api/tags).");
    assertThat(file).doesNotExist();
    assertThat(tmp.toFile().list()).isEmpty();
    cli.clear();
    assertThat(cli.run("export", "--article", "987654")).isEqualTo(1);
    assertThat(cli.err().lines().toList())
        .containsExactly(
            "error: Unknown 'article': '987654'. Valid values: "
                + String.join(", ", articleIds())
                + ".");
    assertThat(cli.out()).isEmpty();
  }
}
