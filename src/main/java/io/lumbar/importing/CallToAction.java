package io.lumbar.importing;

import java.util.Optional;
import java.util.regex.Matcher;
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
              + "|load more|explore|discover our|find (a|an|your) (doctor|specialist|provider|therapist|expert|clinic)"
              + "|(watch|play) (the |our |this )?video|save|print|bookmark|copy link"
              // A shop's, a booking form's and a blog's buttons.
              + "|make (an?|your) (appointment|booking|enquiry|inquiry|reservation)"
              + "|(enquire|inquire) (now|today|online|here)|send( us)?( an?)? (message|enquiry|inquiry|email)"
              + "|submit( now| your| a)?$|reserve (your|a|now)|apply (now|today|online)|donate"
              + "|add to (cart|basket|bag|wishlist)|view (details|product|products|cart|basket|bag"
              + "|menu|map|locations?|profile)|get directions|compare (now|prices|products|models|plans|all)"
              + "|write a review|read (all )?(\\d+ )?reviews"
              + "|listen (now|to (the|our|this) (podcast|episode|show|audio))|leave a (comment|reply|review)|(choose|pick|select) a (time|date|slot))\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CALL_VERB =
      Pattern.compile(
          "^(ask|book|sign ?up|subscribe|download|join|register"
              + "|shop|buy|order|schedule|request|contact|call|chat|claim|start|get|try|take|talk|speak|see|find|learn|discover"
              + "|explore|check out|visit|read|watch|click|tap|enter|use|meet|let|don'?t miss|want|need|looking for|ready"
              + "|reach out|get in touch|connect with|follow)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Where a link teaser sends the reader: "learn more", "find out more" (also BoilerplateRules).
   */
  static final String MORE = "(?:learn|read|find out|discover|see) more";

  /** A price: what a service costs (also read by BoilerplateRules). */
  static final String PRICE = "[$£€₹]\\s?\\d";

  private static final Pattern SERVICE =
      Pattern.compile(
          "\\b(our|ours|us|today|now|(?<!-)free|app|newsletter|inbox"
              + "|appointments?|consultations?|(free|first|trial|demo) session|account|trial|quiz|tool|answer"
              + "|answers|expert|experts|member|membership"
              + "|subscription|online|click|here|below|sign ?up|email|download|podcast|course|program|programme|offer"
              + "|discount|store|shop|24/7|social media|feedback|exam|assessment|readers|subscribers)\\b"
              // A price: what the service costs.
              + "|"
              + PRICE,
          Pattern.CASE_INSENSITIVE);

  // Advice to seek care says when ("...if the pain spreads", "...as soon as") or names the care ("a
  // doctor",
  // "emergency"); the site's pitch names the site ("our", "us").
  // "If needed" qualifies what a visit includes ("a scan if needed"); it sets no
  // condition on the reader.
  private static final Pattern WHEN =
      Pattern.compile(
          "\\b(if(?! (clinically |medically )?(needed|necessary|required|indicated|appropriate)\\b)"
              + "|when|unless|as soon as|right away|immediately)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CARE =
      Pattern.compile(
          "\\b(doctors?|gp|physicians?|clinicians?|nurses?|pharmacists?"
              + "|(health ?care|medical) (providers?|professionals?|team)|emergency|911|999|112|ambulance|urgent care"
              + "|medical (help|attention|care|advice))\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OWN =
      Pattern.compile("\\b(our|ours|us)\\b", Pattern.CASE_INSENSITIVE);
  // "Send our experts your question ... anonymous and free!": a service offering its doctors, not
  // advice to see one.
  private static final Pattern FREE_OFFER =
      Pattern.compile(
          "\\b(anonymous|free of charge|at no cost)\\b|(?<![-\\w])free[.!]?$",
          Pattern.CASE_INSENSITIVE);

  // "If you want to sleep better, see our ten tips": a condition on the reader, then a
  // call that points away from the page (more of the same, the site's own tool, videos, a
  // shop's range to browse).
  private static final Pattern CONDITION =
      Pattern.compile(
          "^(if|when|whether) (you|you're|you’re|your)\\b[^,.!?]*,\\s*(then\\s+)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern POINTER_VERB =
      Pattern.compile(
          "^(read|watch|check out|see|view|learn|discover|explore|find out|try (these|this|our)|visit"
              + "|click|tap|download|sign ?up|subscribe|listen)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ELSEWHERE =
      Pattern.compile(
          "\\b(our|here|below|videos?|articles?|guides?|tool|app|podcast|newsletter|browse|brands"
              + "|(\\d+|a few|several|one|two|three|four|five|six|seven|eight|nine|ten) more)\\b",
          Pattern.CASE_INSENSITIVE);
  // A promotion that starts as prose ends in its call: "...we'll tell you. Get started today."
  // It speaks for the provider ("we", "our", or "let's" in the call) or offers the service by name;
  // advice that ends in "Start your walks today." does neither.
  private static final int MAX_PROMOTION_CHARS = 400;
  private static final Pattern PROVIDER =
      Pattern.compile("\\b(" + ProviderVoice.WE + "|ours|us)\\b", Pattern.CASE_INSENSITIVE);
  // "... Get in touch today and let's get you moving.": the provider speaking in the call itself.
  private static final Pattern LET_US = Pattern.compile("\\blet['’]s\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern OFFER =
      Pattern.compile(
          "\\b(appointment|consultation|account|trial|quiz|newsletter|membership|subscription"
              + "|app|course|program|programme|offer|discount|store|shop|exam|assessment)s?\\b"
              + "|"
              + PRICE,
          Pattern.CASE_INSENSITIVE);

  // The practice inviting contact in so many words: "give us a call", "feel free to ask through
  // the form", "click here".
  private static final Pattern INVITATION =
      Pattern.compile(
          "\\bgive us a (call|ring)\\b|\\b(call|contact|email|phone) us (today|now|to|at|on)\\b"
              + "|^(please )?feel free to (comment|contact|call|email|ask|get in touch|reach out|message)"
              + "\\b|[-–:] click here[.!]?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LEARN_MORE =
      Pattern.compile("^" + MORE + " (about|on)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CALL_NUMBER =
      Pattern.compile(
          "^(call|phone|ring|text|message)( us)?( on| at)? \\+?\\(?\\d[\\d ().-]{6,}",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BOOK_VISIT =
      Pattern.compile(
          "\\bbook (a|an|your) (session|appointment|consultation|assessment|visit)s?"
              + " (below|online|here|today|now)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern POINTER_LEAD =
      Pattern.compile(
          "^(?:for more|to " + MORE + ")\\b[^,.!?]{0,40},\\s*", Pattern.CASE_INSENSITIVE);

  private CallToAction() {}

  /**
   * Whether the provider speaks in {@code text}: "we", "our", "us", or "let's" (BlockClassifier).
   */
  static boolean speaksForProvider(String text) {
    return PROVIDER.matcher(text).find() || LET_US.matcher(text).find();
  }

  static Optional<String> reason(String text) {
    // "For more ideas, see our guide ...": the call comes after what it promises.
    String t =
        POINTER_LEAD
            .matcher(TextNormalizer.normalize(text).replaceFirst("^[^\\p{L}]+", ""))
            .replaceFirst("");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (t.length() > MAX_CHARS) {
      return endsInCall(t) ? Optional.of(REASON) : Optional.empty();
    }
    if (endsInCall(t)) {
      return Optional.of(REASON);
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
   * A call that comes after the reader's condition ("If you ..., read ...") and points away from
   * the page, or a short paragraph that invites contact in so many words or whose last sentence is
   * a call to the site's service. Article paragraphs end in what they say, promotions in what the
   * reader should do next.
   */
  private static boolean endsInCall(String t) {
    Matcher condition = CONDITION.matcher(t);
    if (condition.find()) {
      String call = t.substring(condition.end());
      if (POINTER_VERB.matcher(call).find() && ELSEWHERE.matcher(call).find()) {
        return true;
      }
    }
    if (t.length() > MAX_PROMOTION_CHARS) {
      return false;
    }
    if (INVITATION.matcher(t).find()) {
      return true;
    }
    String[] sentences = TextOutline.SENTENCE_BREAK.split(t);
    if (sentences.length < 2) {
      return false;
    }
    String last = sentences[sentences.length - 1].strip();
    // "<A question to the reader>? See our <guide> ...": the paragraph ends by sending the reader
    // to the site's other pages.
    if (POINTER_VERB.matcher(last).find() && OWN.matcher(last).find()) {
      return true;
    }
    // "... is a hard choice. Learn more about X ...": a teaser's link line; "... Call 555 0100 to
    // book.", "... or book a session below.": the practice's call.
    if (LEARN_MORE.matcher(last).find()
        || CALL_NUMBER.matcher(last).find()
        || BOOK_VISIT.matcher(last).find()) {
      return true;
    }
    return BUTTON.matcher(last).find()
        && SERVICE.matcher(last).find()
        && !seeksCare(last)
        && (PROVIDER.matcher(t).find() || LET_US.matcher(last).find() || OFFER.matcher(t).find());
  }

  /**
   * "See a doctor now if you lose control of your bladder": urgent advice shares the call verbs and
   * "now" with a pitch, but says when to act or names a clinician in a sentence, and never names
   * the site.
   */
  private static boolean seeksCare(String t) {
    boolean sentence = t.endsWith(".") || t.endsWith("!");
    return !OWN.matcher(t).find()
        && !FREE_OFFER.matcher(t).find()
        && (WHEN.matcher(t).find() || sentence && CARE.matcher(t).find());
  }
}
