package io.lumbar.analytics;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form a search is logged in: queries that read the same are counted together, and obvious
 * personal data people type into a search box (e-mail addresses, phone, card or patient numbers) is
 * never stored.
 */
final class QueryNormalizer {
  static final int MAX_LENGTH = 200;
  static final String EMAIL = "<email>";
  static final String NUMBER = "<number>";

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * Control and format characters count as spaces, so they can neither hide in nor split a query.
   */
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\p{C}]+");

  private static final Pattern SURROUNDING_PUNCTUATION = Pattern.compile("^[\\p{P} ]+|[\\p{P} ]+$");
  private static final Pattern EMAIL_ADDRESS =
      Pattern.compile("[^\\s@]++@[^\\s@.]++(?:\\.[^\\s@.]++)+");

  /** Five or more digits, also when written in groups ("555 123 4567", "4111-1111-1111-1111"). */
  private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\p{Nd}(?:[ ./-]?\\p{Nd}){4,}");

  private QueryNormalizer() {}

  /**
   * Lower case, accents folded to ASCII, white space collapsed, redacted, at most 200 characters.
   */
  static String normalize(String raw) {
    if (raw == null) {
      return "";
    }
    // Bounded before any pattern runs: the work per search stays small whatever was typed.
    String bounded = raw.length() > 4 * MAX_LENGTH ? raw.substring(0, 4 * MAX_LENGTH) : raw;
    String folded =
        MARKS.matcher(Normalizer.normalize(bounded, Normalizer.Form.NFKD)).replaceAll("");
    String text = SPACES.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    // Punctuation goes before redaction so it cannot eat the brackets of "<email>".
    text = SURROUNDING_PUNCTUATION.matcher(text).replaceAll("");
    text = EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL);
    text = LONG_NUMBER.matcher(text).replaceAll(NUMBER);
    return cap(text);
  }

  /** Redaction comes first, so a cut can never leave part of an address or number behind. */
  private static String cap(String text) {
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
    return text.substring(0, end).strip();
  }
}
