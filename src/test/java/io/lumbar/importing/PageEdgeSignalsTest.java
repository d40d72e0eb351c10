package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lumbar.importing.ArticleSplitter.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signals found on pages of a released outside batch, each on a made-up fixture: the provider's
 * "why choose" pitch, passages in another language, the extractor's dropped intro, a section's
 * short points after the last long paragraph, and page edges, writers' names and journal citations.
 */
class PageEdgeSignalsTest {

  private static final String PROSE =
      "Gentle walking keeps the joints of the lower back moving, and most people feel easier "
          + "after a week of short walks spread over the day.";

  @Test
  void reasonsToChooseTheProviderAreItsPitchWithTheirList() {
    OutlineBlock question =
        OutlineBlock.paragraph(
            List.of(
                "Why choose Dr. Sam Example at the Riverside Spine Clinic? Here are the reasons"
                    + " our patients give:"));
    OutlineBlock reasons =
        OutlineBlock.list(
            List.of(
                "• Experience: Dr. Example has treated backs in this town for twenty years",
                "• Modern equipment: the clinic has the newest tables and scanners in the region"));
    assertThat(
            BlockClassifier.classify(
                new PageOutline("Back pain", null, List.of(paragraph(PROSE), question, reasons))))
        .containsExactly(null, ProviderVoice.REASON, ProviderVoice.REASON);
    // Asked of a thing, the question is the article's.
    assertThat(ProviderVoice.reason("Why choose a firm mattress? It keeps the spine level."))
        .isEmpty();
  }

  @Test
  void aParagraphInAnotherLanguageIsLeftOut() {
    assertThat(
            OtherLanguage.reason(
                paragraph(
                    "Senaman ringan setiap pagi membantu otot belakang menjadi lebih kuat dan kurang"
                        + " sakit selepas bangun tidur.")))
        .contains(OtherLanguage.REASON);
    assertThat(OtherLanguage.reason(paragraph(PROSE))).isEmpty();
    // Terse English runs without function words have commas or semicolons, or no full stop.
    assertThat(
            OtherLanguage.reason(
                paragraph(
                    "Sciatic neuropathy; Sciatic nerve dysfunction; Low back pain - sciatica; Lumbar"
                        + " radiculopathy - sciatica; Nerve root pain - sciatica.")))
        .isEmpty();
    assertThat(
            OtherLanguage.reason(
                paragraph(
                    "Pillow under knees keeps natural curve spreads weight evenly helps disc"
                        + " trouble flat pillow under head")))
        .isEmpty();
  }

  @Test
  void aListsIntroTheExtractorLeftOutBetweenArticleTextIsTheArticles() {
    OutlineBlock intro =
        new OutlineBlock(
            OutlineBlock.Kind.PARAGRAPH,
            0,
            List.of(
                "Anyone can strain a back, even teenagers. These habits make it more likely to"
                    + " happen."),
            null,
            0,
            false,
            null);
    List<OutlineBlock> blocks =
        List.of(
            paragraph(PROSE),
            OutlineBlock.heading(2, "Risk factors"),
            intro,
            OutlineBlock.list(
                List.of(
                    "• Age. Backs stiffen as the years go by, from about forty",
                    "• Lifting. Using the back instead of the legs strains it")));
    assertThat(BlockClassifier.classify(new PageOutline("Back pain", null, blocks)))
        .containsExactly(null, null, null, null);
  }

  @Test
  void aSectionsShortPointsAfterTheLastLongParagraphStayWhenTheArticleGoesOn() {
    List<Block> blocks =
        ArticleSplitter.split(
                """
                Sleeping with a sore back

                A sore back often feels worse in the morning, and the way you lie at night plays a large part in how it feels when you wake up.

                Back sleeping:

                Pillow under knees
                Supports the natural curve
                Spreads weight evenly
                Good for disc trouble
                Flat pillow for the head

                Worst Position

                Stomach sleeping:

                Twists the neck
                Arches the lower back
                Squeezes the spine
                Best avoided
                Else a thin pillow under the hips

                More Tips

                Keep a regular bedtime
                Get out of bed slowly
                Stretch in the morning
                Try a mattress topper
                Match the pillow to the position

                When to Get Help

                If pain wakes you most nights despite these changes, see your doctor. Pain that wakes you from sleep deserves a check.
                """)
            .blocks();
    assertThat(blocks)
        .filteredOn(Block::isContent)
        .extracting(Block::headingPath, Block::text)
        .contains(
            tuple(
                List.of("Worst Position"),
                "Stomach sleeping:\n• Twists the neck\n• Arches the lower back\n• Squeezes the"
                    + " spine\n• Best avoided\n• Else a thin pillow under the hips"),
            tuple(
                List.of("More Tips"),
                "• Keep a regular bedtime\n• Get out of bed slowly\n• Stretch in the morning\n•"
                    + " Try a mattress topper\n• Match the pillow to the position"));
  }

  @Test
  void pageEdgesWritersNamesAndJournalCitationsAreFurniture() {
    assertThat(BoilerplateRules.reasonFor("top of page")).contains("navigation");
    assertThat(BoilerplateRules.reasonFor("bottom of page")).contains("navigation");
    assertThat(BoilerplateRules.reasonFor("• Dr.Sam Example")).contains("byline");
    assertThat(BoilerplateRules.reasonFor("Dr. Sam Example")).contains("byline");
    assertThat(BoilerplateRules.reasonFor("**Sources: **")).contains("reference list");
    assertThat(
            BoilerplateRules.reasonFor(
                "Writer A, Other BC, et al: Disc height after a night's sleep. Spine J"
                    + " 12(3):201-209, 2015"))
        .contains("reference list");
    // Advice that names a time and a year is not a citation.
    assertThat(
            BoilerplateRules.reasonFor(
                "Take the tablet at 9:30 each morning, as the 2019 guidance for back pain says."))
        .isEmpty();
  }

  @Test
  void bareTitlesUnderAHeadingStayWhenOneSentenceAnswersComeAfterThem() {
    List<OutlineBlock> blocks =
        List.of(
            // Long enough to read as prose, so the page shows where its article ends.
            paragraph(PROSE + " Walking also helps people with a sore back sleep better at night."),
            OutlineBlock.heading(2, "Treatment"),
            OutlineBlock.list(List.of("• Rest", "• Physiotherapy", "• Pain relief")),
            OutlineBlock.heading(2, "Questions"),
            OutlineBlock.heading(3, "Is walking good for a sore back?"),
            paragraph("Yes, gentle walking keeps the back moving and helps it recover."));
    assertThat(BlockClassifier.classify(new PageOutline("Back pain", null, blocks)))
        .containsOnlyNulls();
    // With nothing of the article after it, the same list is a list of links.
    assertThat(BlockClassifier.classify(new PageOutline("Back pain", null, blocks.subList(0, 3))))
        .containsExactly(null, null, LinkList.REASON);
  }

  @Test
  void aCardsSentenceOutsideTheExtractedColumnIsTheArticlesUnlessTheProviderSpeaks() {
    OutlineBlock card =
        outside(
            "Pain that flares when you bend or lift points to a strained joint or muscle that a"
                + " careful examination can find.");
    OutlineBlock pitch =
        outside(
            "Every plan is tailored to your body and your goals, and we never offer the same plan"
                + " to two different people.");
    OutlineBlock label = outside("Bending and lifting");
    assertThat(
            BlockClassifier.classify(
                new PageOutline("Back pain", null, List.of(paragraph(PROSE), card, pitch, label))))
        .containsExactly(
            null, null, BlockClassifier.OUTSIDE_ARTICLE, BlockClassifier.OUTSIDE_ARTICLE);
  }

  @Test
  void aLabelInARegionNamedForItIsTheSectionsEyebrow() {
    PageOutline outline =
        HtmlOutline.of(
            "<html><body><main><article><h1>Sore backs</h1><p>"
                + PROSE
                + "</p><div class=\"eyebrow\">Why it returns</div><h2>Pain keeps coming back</h2><p>"
                + PROSE.replace("walking", "stretching")
                + "</p></article></main></body></html>");
    assertThat(outline.blocks())
        .filteredOn(block -> block.text().equals("Why it returns"))
        .extracting(OutlineBlock::chrome)
        .containsExactly(HtmlOutline.SECTION_LABEL);
  }

  @Test
  void theWriterIntroducingThemselvesOrTheirOwnWorkIsAboutTheWriter() {
    assertThat(
            BoilerplateRules.reasonFor(
                "I’m Sam Example — the founder and writer behind Example Sleep. My work compares"
                    + " mattresses."))
        .contains("about the writer");
    assertThat(BoilerplateRules.reasonFor("Hi, I am Sam Example, a physiotherapist in Leeds."))
        .contains("about the writer");
    assertThat(
            BoilerplateRules.reasonFor(
                "My new book has plenty of tips for falling asleep when your back aches."))
        .contains("about the writer");
    assertThat(BoilerplateRules.reasonFor("I am sure the pain will settle within a week."))
        .isEmpty();
    assertThat(BoilerplateRules.reasonFor("My back hurt for weeks before I changed my mattress."))
        .isEmpty();
  }

  @Test
  void aShortPitchEndingInACallSpeaksForTheProviderWithLetUs() {
    assertThat(
            CallToAction.reason(
                "If your back aches, the sooner you get help the better. Get in touch today and"
                    + " let's get you moving."))
        .contains(CallToAction.REASON);
    assertThat(CallToAction.reason("Book a free session to understand your back pain."))
        .contains(CallToAction.REASON);
    assertThat(CallToAction.reason("Let's look at why the back hurts more at night.")).isEmpty();
  }

  private static OutlineBlock outside(String text) {
    return new OutlineBlock(OutlineBlock.Kind.PARAGRAPH, 0, List.of(text), null, 0, false, null);
  }

  private static OutlineBlock paragraph(String text) {
    return OutlineBlock.paragraph(List.of(text));
  }
}
