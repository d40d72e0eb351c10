package io.lumbar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lumbar.testing.RunningApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/suggest} on the bundled corpus completes what people type into phrases they would
 * type.
 */
class SuggestCompletionsTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  private static List<String> suggestions(String typed) {
    JsonNode body =
        app.get("/api/suggest?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)).json();
    List<String> texts = new ArrayList<>();
    body.get("suggestions")
        .forEach(s -> texts.add(s.get("text").asText() + " (" + s.get("source").asText() + ")"));
    return texts;
  }

  @Test
  void the_unfinished_word_is_completed_into_a_phrase_of_the_passages() {
    // "back particularly" is in a passage too; "back patient" and "back partner" are not.
    assertThat(suggestions("back pa"))
        .containsExactly(
            "back pain (phrase)",
            "back painful (phrase)",
            "back particularly (phrase)",
            "back pain with fever (treatment)");
    assertThat(suggestions("pain when ly")).containsExactly("pain when lying (phrase)");
  }

  @Test
  void tag_aliases_and_synonyms_come_whole() {
    assertThat(suggestions("red fl"))
        .containsExactly("red flags (treatment)", "red flag (synonym)");
    assertThat(suggestions("ice pa")).containsExactly("ice pack (treatment)", "ice packs (phrase)");
    assertThat(suggestions("sciat"))
        .containsExactly("sciatica (cause)", "sciatic (synonym)", "sciatic nerve pain (cause)");
  }
}
