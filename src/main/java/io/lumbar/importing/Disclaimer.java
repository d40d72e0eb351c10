package io.lumbar.importing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A site, tool or service disclaiming its own content ("for informational purposes only", "not a
 * substitute for professional advice", how the site earns money). Health advice tells the reader
 * what to do; a disclaimer tells them what the site is not responsible for.
 */
final class Disclaimer {
  static final String REASON = "disclaimer";
  private static final int MAX_CHARS = 900;
  private static final Pattern PATTERN =
      Pattern.compile(
          "\\b(for (general )?(informational|information|educational)"
              + " purposes( only)?|(is|are) not (intended|meant) (to be |as )?(a )?(substitute|replacement)"
              + "|not (a )?substitute for (professional|medical)|(is|are) (general )?information,? (and )?not"
              + " (personal(i[sz]ed)? |individual )?(medical|professional) advice|(does|do|is|are) not (provide|constitute|offer|give|replace)"
              + " (medical|professional|legal|a medical)|not intended to (diagnose|treat|cure|prevent)"
              + "|should not be (used|relied|considered) (as|on|upon)|(we|this site|this website) (may )?(earn|receive)s? (a )?"
              + "(commission|compensation|money)|affiliate (links?|commissions?)|advertis(ing|er) (policy|disclosure)"
              + "|editorial (policy|process|guidelines|standards)|(our|the) (content|information) (is|was) (reviewed|written)"
              + " by|we only (use|cite|link)|(high-quality|trusted|peer-reviewed) sources|sponsored content|paid partnership"
              + "|advertising on (our|this) (site|website)|(we|this site|this website) (does|do) not endorse"
              + "|always (seek|consult) the advice of (your|a|an) (physician|doctor|qualified)"
              + "|we use the (data|information) you provide|thank you for subscribing|unsubscribe (at any time|anytime))",
          Pattern.CASE_INSENSITIVE);

  private Disclaimer() {}

  static Optional<String> reason(String text) {
    String t = TextNormalizer.normalize(text);
    return t.length() <= MAX_CHARS && PATTERN.matcher(t).find()
        ? Optional.of(REASON)
        : Optional.empty();
  }
}
