package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void foldsTypographicPunctuationAndSpaces() {
    assertThat(TextNormalizer.normalize("  “Don’t” – it‘s\u00A0fine —\u00A0 really\n\tnow…  "))
        .isEqualTo("\"Don't\" - it's fine - really now...");
  }

  @Test
  void collapsesWhiteSpaceAndDropsZeroWidthCharacters() {
    assertThat(TextNormalizer.normalize("\uFEFFa\u200B b \r\n\r\n c\u202Fd")).isEqualTo("a b c d");
    assertThat(TextNormalizer.normalize(" \u00A0\n ")).isEmpty();
  }

  @Test
  void fingerprintIgnoresTypographyWhiteSpaceAndCase() {
    String fingerprint = TextNormalizer.fingerprint("It’s a “slipped” disc — see a\u00A0doctor.");
    assertThat(fingerprint).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(TextNormalizer.fingerprint("it's a \"slipped\" disc - see a   doctor.  "))
        .isEqualTo(fingerprint);
    assertThat(TextNormalizer.fingerprint("It's a slipped disc - see a doctor."))
        .isNotEqualTo(fingerprint);
  }

  @Test
  void fingerprintIsSha256OfTheNormalisedLowerCaseText() {
    // sha256("abc")
    assertThat(TextNormalizer.fingerprint("  ABC "))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
