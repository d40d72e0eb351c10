package io.lumbar.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Canonical form of a passage for comparisons. Web text mixes typographic and ASCII punctuation and
 * non-breaking spaces freely, so two copies of the same paragraph rarely match byte for byte.
 */
public final class TextNormalizer {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private TextNormalizer() {}

  /** Folds quotes, dashes and exotic spaces to ASCII, collapses white space and trims. */
  public static String normalize(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> out.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' ->
            out.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' ->
            out.append('-');
        case '\u2026' -> out.append("...");
        // Zero-width characters are invisible in the browser, so they must not make texts differ.
        case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> {}
        default -> out.append(Character.isSpaceChar(c) ? ' ' : c);
      }
    }
    return WHITESPACE.matcher(out).replaceAll(" ").trim();
  }

  /** Hex SHA-256 of the normalised, lower-cased text: equal for texts that read the same. */
  public static String fingerprint(String text) {
    byte[] canonical = normalize(text).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to ship SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
