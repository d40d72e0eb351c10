package io.lumbar.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The provider describing itself: "At the Example Practice, we ..." or "Example Clinic is a
 * community practice ... our team". Articles speak about the condition and the reader; this speaks,
 * under its own name and in the first person plural, about the practice that publishes the page.
 * Both shapes need the name (capitalised words) and "we"/"our", so a sentence that only mentions a
 * hospital ("At the hospital, the nurse ...") stays content.
 */
final class ProviderVoice {
  static final String REASON = "about the provider";
  private static final int MAX_CHARS = 700;
  private static final String NAME =
      "(?:\\p{Lu}[\\p{L}'’.&-]*(?: (?:of|for|and|&|\\p{Lu}[\\p{L}'’.&-]*))*)";
  // The provider speaking: "we", "we're", "our" (also read by CallToAction).
  static final String WE = "(?i:we|we['’](?:ve|re|ll|d)|our)";
  // "At <Name>, we/our ...": the name speaking in the first person plural.
  private static final Pattern AT_NAME =
      Pattern.compile("^(?i:at) (?i:the )?" + NAME + ", " + WE + "\\b");
  // "We have seen excellent results with ...": the practice's record of itself.
  private static final Pattern SUCCESS =
      Pattern.compile(
          "^(?i:we(?:['’]ve| have) (?:had|seen) (?:great|excellent|good|much|tremendous|real) (?:success|results))");
  // "<Name> is a/an/the ... center": the practice introducing itself.
  private static final Pattern NAME_IS =
      Pattern.compile(
          "^(?i:the )?\\p{Lu}[\\p{L}'’.&-]*(?: \\p{Lu}[\\p{L}'’.&-]*){1,5} (?:is|are) (?:a|an|the)"
              + " [^.!?]{0,80}\\b(?i:clinic|center|centre|hospital|practice|institute|organi[sz]ation"
              + "|charity|foundation|health system|network)s?\\b");
  private static final Pattern OWN = Pattern.compile("\\b" + WE + "\\b");

  // A section that sells the provider: "Why choose us?", "Why patients trust <Name>".
  private static final Pattern PITCH_HEADING =
      Pattern.compile(
          "^why ((\\p{L}+ ){0,2}(choose|trust|pick|come to|visit)|us\\b)",
          Pattern.CASE_INSENSITIVE);

  // The same question asked in a paragraph, of the provider: "Why choose <Dr Name> at <the Example
  // Clinic>?", "Why trust us?". Asked of a thing ("Why choose a firm mattress?", "Why choose
  // Pilates over yoga?") it is the article's question: the provider must be named as one.
  private static final Pattern PITCH_QUESTION =
      Pattern.compile(
          "^(?i:why) (?:\\p{L}+ ){0,2}(?i:choose|trust|pick|come to|visit) (?:(?i:us|our)\\b|\\p{Lu})"
              + "(?=[^?]{0,160}\\?)(?=[^?]*\\b(?:(?i:us|our)|Dr|Prof|(?i:clinic|centre|center|practice"
              + "|hospital|team))\\b)");

  // "At <Name>, our doctors use these techniques:" over items that each explain one: the intro
  // speaks for the provider, but it announces information, and the list needs it.
  private static final int MIN_ITEM_WORDS = 6;

  private ProviderVoice() {}

  /**
   * Takes back the verdict on the block before {@code i} when it was judged the provider speaking
   * and announces the kept list at {@code i}, most of whose items explain something in a sentence's
   * worth of words: both are then the article's. Called as each block is judged, so that what comes
   * after sees the intro kept.
   */
  static void keepIntroOfExplainedList(List<OutlineBlock> blocks, String[] reasons, int i) {
    if (i > 0
        && reasons[i] == null
        && REASON.equals(reasons[i - 1])
        && introducesExplainedList(blocks.get(i - 1), blocks.get(i))) {
      reasons[i - 1] = null;
    }
  }

  private static boolean introducesExplainedList(OutlineBlock intro, OutlineBlock list) {
    if (list.kind() != OutlineBlock.Kind.LIST
        || list.lines().size() < 2
        || !intro.text().strip().endsWith(":")
        // Reasons to choose the provider explain themselves too; they are still its pitch.
        || PITCH_QUESTION.matcher(TextNormalizer.normalize(intro.text()).strip()).find()) {
      return false;
    }
    long explained =
        list.lines().stream().filter(item -> Words.of(item).size() >= MIN_ITEM_WORDS).count();
    return explained * 2 > list.lines().size();
  }

  /**
   * Marks, in {@code reasons}, a heading that asks the reader to choose the provider and the
   * paragraphs of its section that speak as the provider ("we", "our"); advice in that section
   * stays.
   */
  static void mark(List<OutlineBlock> blocks, String[] reasons) {
    markReviews(blocks, reasons);
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock heading = blocks.get(i);
      if (!heading.isHeading()
          || reasons[i] != null
          || !PITCH_HEADING.matcher(TextNormalizer.normalize(heading.text()).strip()).find()) {
        continue;
      }
      reasons[i] = REASON;
      for (int j = i + 1; j < blocks.size(); j++) {
        OutlineBlock block = blocks.get(j);
        if (block.isHeading() && block.level() <= heading.level()) {
          break;
        }
        if (reasons[j] == null && !block.isHeading() && OWN.matcher(block.text()).find()) {
          reasons[j] = REASON;
        }
      }
    }
  }

  /** What patients say of the provider: its reviews, under a heading that says so. */
  static final String REVIEWS = "testimonial";

  private static final Pattern REVIEWS_HEADING =
      Pattern.compile(
          "^(what (our|my) (patients|clients|customers|members) (say|think)( about us)?"
              + "|(patient |client |customer )?(testimonials?|reviews)|patient stories|success stories"
              + "|hear from our (patients|clients))[.:!?]?$",
          Pattern.CASE_INSENSITIVE);

  // A patient praising the provider: its people ("the staff", "Dr. Name") called friendly or
  // professional, in a patient's own words ("I", "my", "myself").
  private static final Pattern PRAISED =
      Pattern.compile(
          "\\b(staff|team|office|receptionists?|(?:Dr|Doctor)\\.? \\p{Lu}\\p{L}+|he|she)"
              + " (?:is|are|was|were) (?:so |very |always |extremely |really )?(?i:friendly|professional"
              + "|helpful|caring|kind|knowledgeable|amazing|wonderful|fantastic|excellent|great)\\b");
  private static final Pattern FIRST_PERSON = Pattern.compile("\\b(I|me|my|myself|I've|I'm)\\b");
  // The review's signature: a first name and an initial ("Ada S.").
  private static final Pattern SIGNATURE = Pattern.compile("^\\p{Lu}\\p{Ll}+ \\p{Lu}\\.$");

  /**
   * A patient's review set among the page's text, without a reviews heading: praise of the
   * provider's people in the first person singular, and the reviewer's name and initial under it.
   */
  static boolean review(OutlineBlock block) {
    String t = TextNormalizer.normalize(block.text());
    return t.length() <= MAX_CHARS && PRAISED.matcher(t).find() && FIRST_PERSON.matcher(t).find();
  }

  static boolean signature(OutlineBlock block) {
    return SIGNATURE.matcher(TextNormalizer.normalize(block.text())).matches();
  }

  /** Marks a reviews heading and every block of its section: each is a patient speaking. */
  private static void markReviews(List<OutlineBlock> blocks, String[] reasons) {
    for (int i = 0; i < blocks.size(); i++) {
      if (reasons[i] == null && !blocks.get(i).isHeading() && review(blocks.get(i))) {
        reasons[i] = REVIEWS;
        if (i + 1 < blocks.size() && signature(blocks.get(i + 1))) {
          reasons[i + 1] = REVIEWS;
        }
      }
    }
    for (int i = 0; i < blocks.size(); i++) {
      OutlineBlock heading = blocks.get(i);
      if (!heading.isHeading()
          || !REVIEWS_HEADING.matcher(TextNormalizer.normalize(heading.text()).strip()).find()) {
        continue;
      }
      if (reasons[i] == null) {
        reasons[i] = REVIEWS;
      }
      for (int j = i + 1; j < blocks.size(); j++) {
        OutlineBlock block = blocks.get(j);
        if (block.isHeading() && block.level() <= heading.level()) {
          break;
        }
        if (reasons[j] == null) {
          reasons[j] = REVIEWS;
        }
      }
    }
  }

  static Optional<String> reason(String text) {
    String t = TextNormalizer.normalize(text).strip();
    if (t.length() > MAX_CHARS) {
      return Optional.empty();
    }
    boolean speaks =
        AT_NAME.matcher(t).find()
            || SUCCESS.matcher(t).find()
            || NAME_IS.matcher(t).find() && OWN.matcher(t).find()
            || PITCH_QUESTION.matcher(t).find();
    return speaks ? Optional.of(REASON) : Optional.empty();
  }
}
