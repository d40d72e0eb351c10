package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.importing.ArticleSplitter.SplitArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signals read off the page's shape: eyebrow labels over headings, the provider speaking about
 * itself, sentences a crawler broke at its links, headings that end in a colon.
 */
class PageShapeSignalsTest {

  private static final String PROSE =
      "Gentle walking keeps the joints of the lower back moving, and most people feel easier "
          + "after a week of short walks spread over the day.";

  @Test
  void aShortInlineLabelStraightAboveAHeadingIsItsEyebrow() {
    PageOutline outline =
        HtmlOutline.of(
            "<html><body><main><article><h1>Looking after a sore back</h1>"
                + "<span class=\"tag\">Daily habits</span><h2>Short walks add up</h2>"
                + "<p>"
                + PROSE
                + "</p><p><b>Warmth</b></p><h2>Heat after the first days</h2><p>"
                + PROSE.replace("walking", "warmth")
                + "</p></article></main></body></html>");
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind, OutlineBlock::text, OutlineBlock::chrome)
        .containsExactly(
            tuple(OutlineBlock.Kind.PARAGRAPH, "Daily habits", HtmlOutline.SECTION_LABEL),
            tuple(OutlineBlock.Kind.HEADING, "Short walks add up", null),
            tuple(OutlineBlock.Kind.PARAGRAPH, PROSE, null),
            // A paragraph of its own is the page's text, not a label set in inline markup.
            tuple(OutlineBlock.Kind.PARAGRAPH, "Warmth", null),
            tuple(OutlineBlock.Kind.HEADING, "Heat after the first days", null),
            tuple(OutlineBlock.Kind.PARAGRAPH, PROSE.replace("walking", "warmth"), null));
    assertThat(BlockClassifier.classify(outline)[0]).isEqualTo(HtmlOutline.SECTION_LABEL);
  }

  @Test
  void theProviderDescribingItselfUnderItsName() {
    assertThat(
            ProviderVoice.reason(
                "At the Riverside Practice, our physiotherapists see most patients within a week."))
        .contains(ProviderVoice.REASON);
    assertThat(
            ProviderVoice.reason(
                "At Example Physio, we run evening classes for people with stiff necks."))
        .contains(ProviderVoice.REASON);
    assertThat(
            ProviderVoice.reason(
                "Northfield Back Clinic is a family-run physiotherapy practice. Our team sees"
                    + " patients six days a week."))
        .contains(ProviderVoice.REASON);
    // A place named in the advice, or "we" meaning people, is not the provider speaking.
    assertThat(ProviderVoice.reason("At the hospital, the nurse checks your reflexes.")).isEmpty();
    assertThat(ProviderVoice.reason("Posture is simply how we carry ourselves through a day."))
        .isEmpty();
    assertThat(
            ProviderVoice.reason(
                "Riverside Hospital is a large teaching hospital in the north of the county."))
        .isEmpty();
  }

  @Test
  void regionsThePageNamesInItsClassesAreThatFurniture() {
    PageOutline outline =
        HtmlOutline.of(
            "<html><body><div class=\"content-sidebar-wrap\"><main><article><h1>Stiff backs</h1>"
                + "<p>"
                + PROSE
                + "</p><div class=\"share\"><a href=\"#\">Post</a> <a href=\"#\">Mail</a></div>"
                + "<div class=\"author-box\"><p>Sam Writer writes about exercise for the clinic.</p>"
                + "</div><section id=\"comments\"><p>Lovely article, thank you.</p></section>"
                + "</article></main></div></body></html>");
    assertThat(outline.blocks())
        .extracting(OutlineBlock::text, OutlineBlock::chrome)
        .containsExactly(
            tuple(PROSE, null),
            tuple("Post Mail", "share links"),
            tuple("Sam Writer writes about exercise for the clinic.", "byline"),
            tuple("Lovely article, thank you.", "comment form"));
  }

  @Test
  void reviewsUnderAHeadingThatSaysSoOrInARegionNamedForThemArePatientsSpeaking() {
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.paragraph(List.of(PROSE)),
            OutlineBlock.heading(2, "What our patients say"),
            OutlineBlock.paragraph(List.of("\"I can walk to work again. Thank you!\"")),
            OutlineBlock.paragraph(List.of("- Priya")),
            OutlineBlock.heading(2, "Heat or ice?"),
            OutlineBlock.paragraph(
                List.of("Ice helps in the first two days; heat helps after that.")),
            OutlineBlock.list(List.of("- Ice", "- Heat", "- Rest")));
    assertThat(BlockClassifier.classify(new PageOutline("Walking", null, blocks)))
        .containsExactly(
            null,
            ProviderVoice.REVIEWS,
            ProviderVoice.REVIEWS,
            ProviderVoice.REVIEWS,
            null,
            null,
            null);
    PageOutline page =
        HtmlOutline.of(
            "<html><body><article><h1>Walking</h1><p>"
                + PROSE
                + "</p><div class=\"testimonials\"><p>Lovely staff, my back is better.</p></div>"
                + "</article></body></html>");
    assertThat(page.blocks())
        .extracting(OutlineBlock::chrome)
        .containsExactly(null, ProviderVoice.REVIEWS);
  }

  @Test
  void theProviderIntroducingAListThatExplainsEachItemIsTheArticles() {
    OutlineBlock intro =
        OutlineBlock.paragraph(
            List.of("At Example Physio, our therapists choose among these methods:"));
    OutlineBlock explained =
        OutlineBlock.list(
            List.of(
                "• Heat packs — warmth that loosens stiff muscles before any exercise",
                "• Dry needling — fine needles placed in tight bands of muscle to ease them",
                "• Taping — elastic tape that reminds the back how to hold itself"));
    OutlineBlock services =
        OutlineBlock.list(List.of("• Massage", "• Pilates", "• Sports rehabilitation"));
    assertThat(
            BlockClassifier.classify(new PageOutline("Methods", null, List.of(intro, explained))))
        .containsExactly(null, null);
    // Bare service names under the same voice are its pitch.
    assertThat(BlockClassifier.classify(new PageOutline("Methods", null, List.of(intro, services))))
        .containsExactly(ProviderVoice.REASON, ProviderVoice.REASON);
  }

  @Test
  void howTheSiteIsFundedAndWhoReviewedItAreFurniture() {
    assertThat(
            Disclaimer.reason(
                "Example Health is a charity. Advertising on this website pays for our writers"
                    + " and editors."))
        .contains(Disclaimer.REASON);
    assertThat(Disclaimer.reason("We do not endorse the products sold by advertisers."))
        .contains(Disclaimer.REASON);
    assertThat(BoilerplateRules.reasonFor("Reviewed by the Example Medical Review Team."))
        .contains("byline");
    assertThat(BoilerplateRules.reasonFor("Reviewed by a physiotherapist, the plan may change."))
        .isEmpty();
    assertThat(
            BoilerplateRules.reasonFor(
                "Information on hip pain may be available from your local library"))
        .contains("link teaser");
    assertThat(BoilerplateRules.reasonFor("To find out more:")).contains("link teaser");
    assertThat(BoilerplateRules.reasonFor("Suggested reading")).contains("link teaser");
    assertThat(BoilerplateRules.reasonFor("arrow-right")).contains("fragment");
    assertThat(BoilerplateRules.reasonFor("Information helps you decide.")).isEmpty();
    assertThat(CallToAction.reason("For more ideas, see our guide to home workouts."))
        .contains(CallToAction.REASON);
    assertThat(CallToAction.reason("For more comfort, rest a folded towel under the ankles."))
        .isEmpty();
  }

  @Test
  void sentencesBrokenAtTheirLinksAreWholeAgain() {
    assertThat(
            LinkBreaks.rejoined(
                List.of(
                    "Lifting",
                    "with a straight back spares the discs, so bend the knees.",
                    "Set the chair so that your",
                    "feet rest flat on the floor",
                    ". Then lower the desk to match.",
                    "Ask a therapist such as",
                    "Sam Sample, PT",
                    ", what suits you.")))
        .containsExactly(
            "Lifting with a straight back spares the discs, so bend the knees.",
            "Set the chair so that your feet rest flat on the floor. Then lower the desk to match.",
            "Ask a therapist such as Sam Sample, PT, what suits you.");
    // Entries of a list that lost its bullets stay apart, and so does the full stop of a
    // sentence that was all link.
    assertThat(LinkBreaks.rejoined(List.of("Warning signs", "fever", "night sweats", "numbness.")))
        .containsExactly("Warning signs", "fever", "night sweats", "numbness.");
    assertThat(LinkBreaks.rejoined(List.of("Symptoms include:", "leg pain that gets worse.")))
        .containsExactly("Symptoms include:", "leg pain that gets worse.");
    assertThat(LinkBreaks.rejoined(List.of("See the stretching guide", ".")))
        .containsExactly("See the stretching guide", ".");
  }

  @Test
  void aSentenceThatWasAllLinkIsAPointerNotAHeading() {
    PageOutline outline =
        TextOutline.of(
            String.join(
                "\n",
                "Looking after your back",
                "Staying active",
                PROSE,
                "Read about strong knees",
                ".",
                "Short walks after meals are a good start for most people with back pain.",
                "Swimming and cycling also keep the back moving without a jolt.",
                "Warm baths ease stiff muscles in the evening for many people.",
                "Stretching in the morning loosens the back before the working day."));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind, OutlineBlock::text)
        .startsWith(
            tuple(OutlineBlock.Kind.HEADING, "Staying active"),
            tuple(OutlineBlock.Kind.PARAGRAPH, PROSE),
            tuple(OutlineBlock.Kind.PARAGRAPH, "Read about strong knees"),
            tuple(OutlineBlock.Kind.PARAGRAPH, "."));
    assertThat(BlockClassifier.classify(outline))
        .containsExactly(null, null, "link teaser", "fragment", null, null, null, null);
  }

  @Test
  void aCircumstanceOrTitleEndingInAColonHeadsTheSentencesBelow() {
    PageOutline outline =
        TextOutline.of(
            String.join(
                "\n",
                "Looking after your back at work",
                "Everyday positions",
                "Small changes through the working day take load off the back and neck.",
                "When lifting:",
                "Bend at the knees and hold the box close to your body before you stand up.",
                "Breathe out as you lift.",
                "Desk Breaks:",
                "A short walk every hour lets the discs take up fluid again through the day.",
                "Phone the surgery if:",
                "The pain spreads down one leg below the knee and does not settle in a week.",
                "But is rest always best?",
                "Most people recover sooner when they keep gently active through the week."));
    assertThat(outline.blocks())
        .filteredOn(OutlineBlock::isHeading)
        .extracting(OutlineBlock::level, OutlineBlock::text)
        .containsExactly(
            tuple(2, "Everyday positions"), tuple(3, "When lifting"), tuple(3, "Desk Breaks"));
    assertThat(TextOutline.isColonHeading("Symptoms include:")).isFalse();
    assertThat(TextOutline.isColonHeading("With regular practice you can:")).isFalse();
    assertThat(TextOutline.isColonHeading("While driving a car:")).isTrue();
    assertThat(TextOutline.isHeadingLike("But is rest always best?")).isFalse();
    assertThat(TextOutline.isHeadingLike("Why does posture matter?")).isTrue();
  }

  @Test
  void anIntroFollowedByLabelledStepsKeepsItsSteps() {
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.heading(2, "Lifting safely"),
            OutlineBlock.paragraph(List.of("Follow these steps before every exercise session:")),
            OutlineBlock.paragraph(
                List.of("Warm up: march on the spot for five minutes before you start.")),
            OutlineBlock.paragraph(
                List.of("Cool down: walk slowly and stretch the calves afterwards.")));
    List<Block> passages = PassageAssembler.assemble(blocks, new String[blocks.size()]);
    assertThat(passages)
        .extracting(Block::rejectReason)
        .doesNotContain(PassageAssembler.LIST_INTRO_WITHOUT_ITEMS);
  }

  @Test
  void aLinkTeaserWhoseFullStopFollowsDoesNotEndTheArticle() {
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.heading(2, "Staying active"),
            OutlineBlock.paragraph(List.of(PROSE)),
            OutlineBlock.paragraph(List.of(PROSE.replace("walking", "dancing"))),
            OutlineBlock.paragraph(List.of(PROSE.replace("walking", "yoga"))),
            OutlineBlock.heading(2, "Learn more about cycling to work"),
            OutlineBlock.paragraph(List.of(".")),
            OutlineBlock.paragraph(List.of(PROSE.replace("walking", "cycling"))),
            OutlineBlock.paragraph(List.of("To find out more:")),
            OutlineBlock.list(List.of("• Read about cycling", "• Read about swimming")),
            OutlineBlock.paragraph(List.of(PROSE.replace("walking", "rowing"))));
    String[] reasons = BlockClassifier.classify(new PageOutline("Active", PageMeta.NONE, blocks));
    assertThat(reasons)
        .containsExactly(
            null,
            null,
            null,
            null,
            "link teaser",
            "fragment",
            null,
            "link teaser",
            "link teaser",
            FooterZone.REASON);
  }

  @Test
  void anAnnouncedListsLastLineInTheItemsCaseIsAnItemUnlessTheTextBelowTakesUpItsWords() {
    SplitArticle article =
        ArticleSplitter.split(
            """
            Knee pain at night
            A sore knee can keep you awake for hours, and it often gets worse when the weather turns cold and damp.
            Common triggers include:
            Long walks on hard ground
            Kneeling on a stone floor
            A twist during sports, such as a fall
            Most of these settle with rest and a cold pack within a few days of the strain.
            Call your doctor if:
            Your knee swells within a day
            You cannot put weight on the leg
            Knee pain causes
            Knee pain is often caused by wear of the cartilage over many years of use.
            """);
    assertThat(article.blocks())
        .filteredOn(Block::isContent)
        .extracting(Block::headingPath, Block::text)
        .containsExactly(
            tuple(
                List.of(),
                "A sore knee can keep you awake for hours, and it often gets worse when the weather"
                    + " turns cold and damp."),
            tuple(
                List.of(),
                "Common triggers include:\n• Long walks on hard ground\n• Kneeling on a stone floor"
                    + "\n• A twist during sports, such as a fall"),
            tuple(
                List.of(),
                "Most of these settle with rest and a cold pack within a few days of the strain."),
            tuple(
                List.of(),
                "Call your doctor if:\n• Your knee swells within a day\n• You cannot put weight on"
                    + " the leg"),
            tuple(
                List.of("Knee pain causes"),
                "Knee pain is often caused by wear of the cartilage over many years of use."));
  }

  @Test
  void anIntroWhoseFirstItemIsAParagraphOfItsOwnStillHasItsItems() {
    SplitArticle article =
        ArticleSplitter.split(
            """
            Knee care at night

            A sore knee can keep you awake for hours, and it often gets worse when the weather turns cold and damp.

            Physiotherapists suggest:
            - Side sleepers can hug a long cushion and let it rest between the knees so the upper leg stays level with the hip; back sleepers can slide it under the calves instead.
            - Keep moving during the day.
            """);
    assertThat(article.blocks())
        .extracting(Block::text, Block::rejectReason)
        .containsExactly(
            tuple(
                "A sore knee can keep you awake for hours, and it often gets worse when the weather"
                    + " turns cold and damp.",
                null),
            tuple("Physiotherapists suggest:", null),
            tuple(
                "Side sleepers can hug a long cushion and let it rest between the knees so the upper"
                    + " leg stays level with the hip; back sleepers can slide it under the calves"
                    + " instead.",
                null),
            tuple("- Keep moving during the day.", null));
  }
}
