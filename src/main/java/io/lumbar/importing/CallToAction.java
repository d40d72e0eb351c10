package io.lumbar.importing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An imperative aimed at the reader that sends them to the site's own service (ask, book, sign up,
 * download...), as opposed to health advice in the imperative ("Try sleeping on your side"). Either
 * a button label (a few words without a final period, starting with a verb that only ever sells) or
 * a short sentence starting with a call verb that points at the service: "our", "us", "today",
 * "free", "app", "newsletter"... Advice to seek care ("Call your doctor today if...") is not one,
 * though it shares the verbs.
 */
final class CallToAction {
  static final String REASON = "call to action";
  private static final int MAX_CHARS = 220;
  private static final int MAX_BUTTON_WORDS = 7;

  private static final Pattern BUTTON =
      Pattern.compile(
          "^(ask|book|sign ?up|sign in|log ?in|subscribe|download"
              + "|join|register|shop|buy|order|schedule|request|contact|call|chat|claim|start( your| a| my| now| free)"
              + "|get (an?|the|your|my|started|in touch|help|care|the app|it|access|answers?|free|expert)|try (it|our|for|now"
              + "|free|the app)|take (our|the) |share|follow us|email us|message us|text us|view all|see all|show more"
              + "|load more|explore|discover our|find (a|an|your) (doctor|specialist|provider|therapist|expert|clinic))\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CALL_VERB =
      Pattern.compile(
          "^(ask|book|sign ?up|subscribe|download|join|register"
              + "|shop|buy|order|schedule|request|contact|call|chat|claim|start|get|try|take|talk|speak|see|find|learn|discover"
              + "|explore|check out|visit|read|watch|click|tap|enter|use|meet|let|don'?t miss|want|need|looking for|ready)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SERVICE =
      Pattern.compile(
          "\\b(our|ours|us|today|now|free|app|newsletter|inbox"
              + "|appointment|consultation|account|trial|quiz|tool|answer|answers|expert|experts|member|membership"
              + "|subscription|online|click|here|below|sign ?up|email|download|podcast|course|program|programme|offer"
              + "|discount|store|shop|24/7)\\b",
          Pattern.CASE_INSENSITIVE);

  // Advice to seek care says when ("...if the pain spreads", "...as soon as") or names the care ("a
  // doctor",
  // "emergency"); the site's pitch names the site ("our", "us").
  private static final Pattern WHEN =
      Pattern.compile(
          "\\b(if|when|unless|as soon as|right away|immediately)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CARE =
      Pattern.compile(
          "\\b(doctors?|gp|physicians?|clinicians?|nurses?|pharmacists?"
              + "|(health ?care|medical) (providers?|professionals?|team)|emergency|911|999|112|ambulance|urgent care"
              + "|medical (help|attention|care|advice))\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OWN =
      Pattern.compile("\\b(our|ours|us)\\b", Pattern.CASE_INSENSITIVE);

  private CallToAction() {}

  static Optional<String> reason(String text) {
    String t = TextNormalizer.normalize(text).replaceFirst("^[^\\p{L}]+", "");
    if (t.isEmpty() || t.length() > MAX_CHARS) {
      return Optional.empty();
    }
    // A list intro ("Call your doctor if:") announces advice; a button announces nothing.
    boolean button =
        Words.of(t).size() <= MAX_BUTTON_WORDS
            && !t.endsWith(".")
            && !t.endsWith(":")
            && BUTTON.matcher(t).find();
    boolean pitch = CALL_VERB.matcher(t).find() && SERVICE.matcher(t).find();
    return (button || pitch) && !seeksCare(t) ? Optional.of(REASON) : Optional.empty();
  }

  /**
   * "See a doctor now if you lose control of your bladder": urgent advice shares the call verbs and
   * "now" with a pitch, but says when to act or names a clinician in a sentence, and never names
   * the site.
   */
  private static boolean seeksCare(String t) {
    boolean sentence = t.endsWith(".") || t.endsWith("!");
    return !OWN.matcher(t).find() && (WHEN.matcher(t).find() || sentence && CARE.matcher(t).find());
  }
}
