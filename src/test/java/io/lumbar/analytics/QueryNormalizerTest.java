package io.lumbar.analytics;

import static io.lumbar.analytics.QueryNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryNormalizerTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Sciatica|sciatica",
        "'  sciatica  '|sciatica",
        "'Pain\tWHEN\n lying   down'|pain when lying down",
        "'pain\u00A0at\u2003night'|pain at night",
        "Piriformis-Syndrom ÄRZTLICH Behandelt|piriformis-syndrom arztlich behandelt",
        "crème brûlée señor ﬁbromyalgia|creme brulee senor fibromyalgia",
        "'\"slipped disc?\"'|slipped disc",
        "'(( back pain )) !!'|back pain",
        "'...why does it hurt?!'|why does it hurt",
        "'l4-l5 disc, 3-4 weeks'|l4-l5 disc, 3-4 weeks",
        "'ache\u0000\u0007 at night\u200B'|ache at night",
        // Personal data people type into a search box is redacted.
        "mail John.Smith+back@Example.co.uk about pain|mail <email> about pain",
        "'a@b.com.'|<email>",
        "patient 1234567 back pain|patient <number> back pain",
        "call 555 123 4567 or +44 20 7946 0958|call <number> or <number>",
        "card 4111-1111-1111-1111|card <number>",
        "'born 12.05.1980'|born <number>",
        "'(0123456789)'|<number>",
        "back pain 2024 for 12 weeks|back pain 2024 for 12 weeks",
      })
  void folds_case_accents_space_and_punctuation_and_redacts_personal_data(
      String raw, String expected) {
    assertThat(normalize(raw)).isEqualTo(expected);
  }

  @Test
  void nothing_searchable_normalises_to_empty() {
    assertThat(normalize(null)).isEmpty();
    assertThat(normalize("  ?!  ")).isEmpty();
  }

  @Test
  void caps_at_200_characters_after_redaction() {
    assertThat(normalize("pain ".repeat(100))).hasSize(199).endsWith("pain");
    String beyondTheCap = "x".repeat(195) + " someone@example.com";
    assertThat(normalize(beyondTheCap))
        .hasSizeLessThanOrEqualTo(200)
        .doesNotContain("someone")
        .doesNotContain("@");
    // A character outside the BMP is never cut in half.
    assertThat(normalize("x".repeat(199) + "😀")).isEqualTo("x".repeat(199));
  }
}
