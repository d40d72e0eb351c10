package io.lumbar.importing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory: names with their phone numbers ("Phone: ..."), the page's list of organisations to
 * call, not the article's text. Two numbers or more, and few of the words that glue prose together,
 * so a paragraph that gives one helpline stays content.
 */
final class Directory {
  static final String REASON = "directory";
  private static final Pattern PHONE =
      Pattern.compile("(\\+\\d{1,3}[ .-]?)?\\(?\\b\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b");
  private static final int MIN_NUMBERS = 2;
  private static final double MAX_STOP_WORDS = 0.2;

  private Directory() {}

  static Optional<String> reason(String text) {
    Matcher m = PHONE.matcher(text);
    int numbers = 0;
    while (m.find()) {
      numbers++;
    }
    return numbers >= MIN_NUMBERS && Words.stopWordShare(text) < MAX_STOP_WORDS
        ? Optional.of(REASON)
        : Optional.empty();
  }
}
