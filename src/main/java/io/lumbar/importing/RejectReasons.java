package io.lumbar.importing;

import java.util.Map;

/**
 * Why a block was rejected, in words an editor reads at a glance. The stored reason is a short
 * label; this adds what the evidence was. Labels without an explanation here (navigation, byline,
 * ...) already say it.
 */
final class RejectReasons {
  private static final Map<String, String> EXPLAINED =
      Map.ofEntries(
          Map.entry(
              PassageAssembler.HEADING_WITHOUT_BODY,
              "heading without body: no text of the article under it"),
          Map.entry(
              PassageAssembler.LIST_INTRO_WITHOUT_ITEMS,
              "list intro without items: the list it announces is missing"),
          Map.entry(BlockClassifier.REPEATED_TITLE, "repeats the article's title"),
          Map.entry(
              BlockClassifier.OUTSIDE_ARTICLE,
              "outside the article: not in the page's main content, and not prose"),
          Map.entry(BlockClassifier.MOSTLY_LINKS, "mostly links"),
          Map.entry(BlockClassifier.FRAGMENT, "fragment: no words in it"),
          Map.entry(
              CallToAction.REASON, "call to action: asks the reader to do something on the site"),
          Map.entry(ContentsList.REASON, "table of contents: lists the article's own headings"),
          Map.entry(TeaserRun.REASON, "teaser: title and blurb of another article"),
          Map.entry(FooterZone.REASON, "after the article ends"),
          Map.entry(Disclaimer.REASON, "disclaimer of a tool or service"),
          Map.entry(
              TermList.REASON, "term list: names or keywords of the topic, not sentences about it"),
          Map.entry(
              "feedback prompt", "feedback prompt: the page asking how it did, after the article"),
          Map.entry("page summary", "page summary: the page's blurb of itself (\"Discover ...\")"),
          Map.entry(ProviderVoice.REVIEWS, "testimonial: a quoted review signed with a first name"),
          Map.entry("rating", "rating: stars or a count of reviews"),
          Map.entry("opening hours", "opening hours: the days and times the practice is open"),
          Map.entry(ProviderVoice.REASON, "about the provider: the practice speaking of itself"));

  private RejectReasons() {}

  /**
   * The reason in plain words; {@code recurrence} (null when the block is on no other article of
   * its site) says where else it stands.
   */
  static String explain(String reason, SiteTemplate.Recurrence recurrence) {
    if (reason == null) {
      return null;
    }
    if (SiteTemplate.REASON.equals(reason)) {
      return recurrence == null
          ? SiteTemplate.REASON + ": an editor marked it as the site's"
          : SiteTemplate.REASON + ": also on " + where(recurrence);
    }
    String explained = EXPLAINED.getOrDefault(reason, reason);
    return recurrence == null || PassageAssembler.DUPLICATE.equals(reason)
        ? explained
        : explained + "; also on " + where(recurrence);
  }

  private static String where(SiteTemplate.Recurrence r) {
    return r.otherArticles()
        + (r.otherArticles() == 1 ? " other article of " : " other articles of ")
        + r.site();
  }
}
