package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.importing.ArticleSplitter.SplitArticle;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each general signal on a small fixture. */
class BlockSignalsTest {

  @Test
  void callToActionIsAButtonOrAPitchForTheService() {
    assertThat(CallToAction.reason("Ask Question")).contains("call to action");
    assertThat(CallToAction.reason("Get an answer from our experts today"))
        .contains("call to action");
    assertThat(CallToAction.reason("Sign up for our free newsletter.")).contains("call to action");
    assertThat(CallToAction.reason("Download the app")).contains("call to action");
    // Health advice in the imperative is not a call to action.
    assertThat(CallToAction.reason("Try sleeping on your side with a pillow between your knees."))
        .isEmpty();
    assertThat(CallToAction.reason("Ask your doctor before you stop a medicine.")).isEmpty();
    // A priced visit is the service, and "if needed" qualifies what it includes, not the reader.
    assertThat(
            CallToAction.reason(
                "Book your $60 first assessment in town. Includes a full exam and scans if needed."))
        .contains("call to action");
    assertThat(
            CallToAction.reason(
                "Stop putting it off. Schedule your first exam and start feeling better."))
        .contains("call to action");
    assertThat(CallToAction.reason("Evening appointments open. Call or book online today."))
        .contains("call to action");
    assertThat(CallToAction.reason("Watch the video")).contains("call to action");
    assertThat(CallToAction.reason("Save")).contains("call to action");
    assertThat(CallToAction.reason("Join 20,000 readers and get our tips every week."))
        .contains("call to action");
    assertThat(CallToAction.reason("Join a walking group: company makes the habit stick."))
        .isEmpty();
    assertThat(
            CallToAction.reason(
                "Rest for a day or two. Call your doctor if the pain spreads down a leg."))
        .isEmpty();
  }

  @Test
  void disclaimerOfTheSiteOrTool() {
    assertThat(
            Disclaimer.reason(
                "This tool is for informational purposes only and is not a substitute for "
                    + "professional medical advice."))
        .contains("disclaimer");
    assertThat(
            Disclaimer.reason("We may earn a commission when you buy through links on our site."))
        .contains("disclaimer");
    assertThat(Disclaimer.reason("See a doctor if the pain lasts longer than six weeks."))
        .isEmpty();
  }

  @Test
  void imageCredit() {
    assertThat(
            TextOutline.unglued("A firm mattress lasts about eight years. Image: a stock library"))
        .containsExactly("A firm mattress lasts about eight years.", "Image: a stock library");
    assertThat(
            TextOutline.unglued(
                "A pillow between the knees keeps the hips level. Read about the best side to"
                    + " sleep on.Read Now"))
        .containsExactly(
            "A pillow between the knees keeps the hips level.",
            "Read about the best side to sleep on.",
            "Read Now");
    assertThat(ImageCredit.reason("Photo: a woman sleeping on her side")).contains("image credit");
    assertThat(ImageCredit.reason("Image by a staff illustrator")).contains("image credit");
    assertThat(ImageCredit.reason("A photo of your spine helps the doctor.")).isEmpty();
    assertThat(ImageCredit.reason("This diagram shows where the sciatic nerve runs."))
        .contains("image credit");
    assertThat(ImageCredit.reason("The diagnosis shows whether a disc is involved.")).isEmpty();
  }

  @Test
  void aCaptionSaysHowThePictureWasTaken() {
    assertThat(ImageCredit.reason("A radiograph seen from behind: two vertebrae close together."))
        .contains("image credit");
    assertThat(ImageCredit.reason("This MRI scan shows a bulging disc at the lowest level."))
        .contains("image credit");
    assertThat(ImageCredit.reason("Front view of a healthy knee joint.")).contains("image credit");
    assertThat(ImageCredit.reason("An MRI scan shows the discs and nerves in detail.")).isEmpty();
    assertThat(ImageCredit.reason("The scan shows whether the nerve is pinched.")).isEmpty();
    assertThat(ImageCredit.reason("From the side view of your chair, keep your knees level."))
        .isEmpty();
  }

  @Test
  void contentsListRepeatsLaterHeadings() {
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.list(List.of("• Causes", "• Treatment", "• When to see a doctor")),
            OutlineBlock.heading(2, "Causes"),
            OutlineBlock.paragraph(List.of("Strain is the commonest cause.")),
            OutlineBlock.heading(2, "Treatment"),
            OutlineBlock.paragraph(List.of("Heat and movement help.")),
            OutlineBlock.heading(2, "When to see a doctor"),
            OutlineBlock.paragraph(List.of("If it lasts.")));
    assertThat(ContentsList.lists(blocks, 0)).isTrue();
    assertThat(ContentsList.lists(List.of(OutlineBlock.list(List.of("• Heat", "• Rest"))), 0))
        .isFalse();
  }

  @Test
  void teaserRunNeedsThreeTitlesWithTrailingBlurbs() {
    List<OutlineBlock> teasers =
        List.of(
            OutlineBlock.heading(3, "Best pillows for side sleepers"),
                OutlineBlock.paragraph(List.of("We tested twelve…")),
            OutlineBlock.heading(3, "How to choose a mattress"),
                OutlineBlock.paragraph(List.of("Firm or soft? Here…")),
            OutlineBlock.heading(3, "Sleep and sciatica"),
                OutlineBlock.paragraph(List.of("What the studies say...")));
    assertThat(TeaserRun.find(teasers)).containsOnly(true);
    List<OutlineBlock> sections =
        List.of(
            OutlineBlock.heading(3, "Heat"),
                OutlineBlock.paragraph(List.of("Heat relaxes the muscles.")),
            OutlineBlock.heading(3, "Rest"),
                OutlineBlock.paragraph(List.of("Rest a day, not a week.")),
            OutlineBlock.heading(3, "Walking"),
                OutlineBlock.paragraph(List.of("Walk a little every day.")));
    assertThat(TeaserRun.find(sections)).containsOnly(false);
  }

  @Test
  void footerZoneStartsAtAnEndMarkerAfterMostOfTheProse() {
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.paragraph(
                List.of("Back pain at night has many causes, most of them harmless.".repeat(3))),
            OutlineBlock.paragraph(List.of("Leave a comment")),
            OutlineBlock.paragraph(
                List.of("Jane writes about health and has two dogs and a garden.")));
    String[] reasons = {null, "comment form", null};
    assertThat(FooterZone.start(blocks, reasons)).isEqualTo(1);
    String[] early = {"comment form", null, null};
    assertThat(FooterZone.start(List.of(blocks.get(1), blocks.get(0), blocks.get(2)), early))
        .isEqualTo(3);
  }

  @Test
  void questionsAnsweredOutsideTheExtractedArticleAreTheArticlesText() {
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.paragraph(
                List.of(
                    "A stiff back in the morning is common, and it usually eases once you have"
                        + " moved about for a while and the muscles have warmed up.")),
            outside(OutlineBlock.Kind.HEADING, 3, "Common questions", null),
            outside(OutlineBlock.Kind.HEADING, 4, "Does the stiffness go away?", null),
            outside(
                OutlineBlock.Kind.PARAGRAPH,
                0,
                "Most stiffness settles within weeks with gentle walking, stretching and warmth.",
                null),
            outside(OutlineBlock.Kind.HEADING, 4, "Opening hours", null),
            outside(OutlineBlock.Kind.PARAGRAPH, 0, "Monday to Friday, nine to five.", null),
            outside(OutlineBlock.Kind.HEADING, 4, "Where can I read more?", "page footer"),
            outside(
                OutlineBlock.Kind.PARAGRAPH,
                0,
                "Most of the leaflets are kept in the waiting room for you.",
                "page footer"));
    SplitArticle article = ArticleSplitter.split(new PageOutline("Stiffness", null, blocks));
    assertThat(article.blocks())
        .filteredOn(Block::isContent)
        .extracting(Block::headingPath, Block::text)
        .containsExactly(
            tuple(List.of(), blocks.get(0).text()),
            tuple(
                List.of("Common questions", "Does the stiffness go away?"),
                "Most stiffness settles within weeks with gentle walking, stretching and warmth."));
  }

  @Test
  void aSectionThatAsksTheReaderToChooseTheProviderIsTheProviderSpeaking() {
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.heading(3, "Why Choose Example Back Care"),
            OutlineBlock.paragraph(
                List.of("Our friendly team treats the cause of your pain, not only the symptoms.")),
            OutlineBlock.paragraph(
                List.of("Stiffness that lasts past the morning is worth having checked.")),
            OutlineBlock.heading(3, "Why does my back hurt?"),
            OutlineBlock.paragraph(List.of("We often hold tension in the lower back.")));
    String[] reasons = new String[blocks.size()];
    ProviderVoice.mark(blocks, reasons);
    assertThat(reasons)
        .containsExactly(ProviderVoice.REASON, ProviderVoice.REASON, null, null, null);
  }

  @Test
  void aListTheExtractorDroppedFromBetweenTheArticlesParagraphsIsTheArticles() {
    OutlineBlock linked =
        new OutlineBlock(
            OutlineBlock.Kind.PARAGRAPH, 0, List.of("Home"), null, 1, false, "navigation");
    OutlineBlock before =
        OutlineBlock.paragraph(
            List.of(
                "Stiffness after a long drive usually eases within a day or two of gentle"
                    + " movement and short walks."));
    OutlineBlock after =
        OutlineBlock.paragraph(List.of("A short warm-up before gardening spares the back."));
    OutlineBlock points =
        new OutlineBlock(
            OutlineBlock.Kind.LIST,
            0,
            List.of("• Drivers with stiff hips", "• Gardeners after a long weekend"),
            null,
            0,
            false,
            null);
    OutlineBlock droppedHeading =
        outside(OutlineBlock.Kind.HEADING, 2, "Who finds it useful?", null);
    OutlineBlock sideBox =
        new OutlineBlock(
            OutlineBlock.Kind.LIST, 0, List.of("• Knee care", "• Hip care"), null, 0, false, null);
    List<OutlineBlock> blocks =
        List.of(
            linked,
            before,
            droppedHeading,
            points,
            OutlineBlock.heading(2, "Warming up"),
            after,
            outside(OutlineBlock.Kind.HEADING, 2, "More services", null),
            sideBox);
    String[] reasons = BlockClassifier.classify(new PageOutline("Stiff backs", null, blocks));
    // Enclosed by the article's text, the list and its heading are the article's; the same shape
    // after the article's last text is not.
    assertThat(reasons)
        .containsExactly(
            "navigation",
            null,
            null,
            null,
            null,
            null,
            BlockClassifier.OUTSIDE_ARTICLE,
            BlockClassifier.OUTSIDE_ARTICLE);
  }

  private static OutlineBlock outside(
      OutlineBlock.Kind kind, int level, String text, String chrome) {
    return new OutlineBlock(kind, level, List.of(text), null, 0, false, chrome);
  }

  @Test
  void blocksOutsideTheArticleOrMostlyLinksAreRejectedUnlessTheyReadAsProse() {
    OutlineBlock menu =
        new OutlineBlock(
            OutlineBlock.Kind.LIST, 0, List.of("• Home", "• Shop"), null, 1.0, false, null);
    assertThat(BlockClassifier.ownReason(menu, null))
        .isEqualTo(Optional.of(BlockClassifier.OUTSIDE_ARTICLE));
    OutlineBlock links =
        new OutlineBlock(
            OutlineBlock.Kind.PARAGRAPH, 0, List.of("See our clinics"), null, 0.9, true, null);
    assertThat(BlockClassifier.ownReason(links, null))
        .isEqualTo(Optional.of(BlockClassifier.MOSTLY_LINKS));
    String prose =
        "When you lie down for a long time the discs take up water, and in the morning the back can "
            + "feel stiff for an hour until you have moved about and the muscles have warmed up again.";
    OutlineBlock missed =
        new OutlineBlock(OutlineBlock.Kind.PARAGRAPH, 0, List.of(prose), null, 0, false, null);
    assertThat(BlockClassifier.ownReason(missed, null)).isEmpty();
    OutlineBlock footer =
        new OutlineBlock(
            OutlineBlock.Kind.PARAGRAPH, 0, List.of("About us"), null, 0, true, "page footer");
    assertThat(BlockClassifier.ownReason(footer, null)).contains("page footer");
  }

  @Test
  void singleBreakPasteSplitsIntoHeadingsParagraphsAndLists() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Sleeping with sciatica
        Sciatica often gets worse at night because lying still lets the nerve root swell.
        Positions that help
        These positions take pressure off the nerve:
        On your side with a pillow between the knees
        On your back with a pillow under the knees
        Mattress
        A firm mattress keeps the spine straight, and a soft topper spares the hips.
        When to see a doctor
        See a doctor at once if you lose control of your bladder or bowels.
        """);
    assertThat(article.title()).isEqualTo("Sleeping with sciatica");
    assertThat(article.blocks())
        .extracting(ArticleSplitter.Block::heading, ArticleSplitter.Block::text)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                null,
                "Sciatica often gets worse at night because lying still lets the nerve root swell."),
            org.assertj.core.api.Assertions.tuple(
                "Positions that help",
                "These positions take pressure off the nerve:\n"
                    + "• On your side with a pillow between the knees\n• On your back with a pillow under the knees"),
            org.assertj.core.api.Assertions.tuple(
                "Mattress",
                "A firm mattress keeps the spine straight, and a soft topper spares the hips."),
            org.assertj.core.api.Assertions.tuple(
                "When to see a doctor",
                "See a doctor at once if you lose control of your bladder or bowels."));
  }

  @Test
  void aShortSingleBreakPasteIsSplitButHardWrappedProseStaysOneParagraph() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Stiff after a night in bed
        Morning stiffness is common, and it usually eases within half an hour of moving about the house.
        Is a soft mattress to blame?
        Sometimes: a mattress that sags lets the hips sink and bends the lower spine for hours.
        """);
    assertThat(article.title()).isEqualTo("Stiff after a night in bed");
    assertThat(article.blocks())
        .extracting(ArticleSplitter.Block::heading, ArticleSplitter.Block::text)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                null,
                "Morning stiffness is common, and it usually eases within half an hour of moving"
                    + " about the house."),
            org.assertj.core.api.Assertions.tuple(
                "Is a soft mattress to blame?",
                "Sometimes: a mattress that sags lets the hips sink and bends the lower spine for"
                    + " hours."));
    // Lines broken at a fixed width, mid-sentence, are one paragraph.
    ArticleSplitter.SplitArticle wrapped =
        ArticleSplitter.split(
            """
        Morning stiffness is common, and it usually eases within half an
        hour of moving about the house. A mattress that sags lets the hips
        sink and bends the lower spine for hours, so a firmer one may help.
        """);
    assertThat(wrapped.blocks()).hasSize(1);
  }

  @Test
  void aShortTitleOverSentencesWithNoBlankLineHeadsThem() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Stiff mornings

        In short
        Morning stiffness usually eases within half an hour.
        A warm shower helps.

        Morning stiffness
        is common and usually eases once you move about.
        """);
    assertThat(article.blocks())
        .extracting(ArticleSplitter.Block::heading, ArticleSplitter.Block::text)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "In short",
                "Morning stiffness usually eases within half an hour.\nA warm shower helps."),
            // A line that runs on into the next is prose, not a title.
            org.assertj.core.api.Assertions.tuple(
                "In short", "Morning stiffness is common and usually eases once you move about."));
  }

  @Test
  void aListHeadedByATeaserLabelIsTheTeaserBox() {
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.paragraph(
                List.of(
                    "A stiff neck after sleeping usually comes from an awkward position held for"
                        + " hours at night, and it eases with gentle movement.")),
            OutlineBlock.list(
                List.of("• Most popular", "• Why we yawn", "• What is a good night's sleep")));
    assertThat(BlockClassifier.classify(new PageOutline("Neck", null, blocks)))
        .containsExactly(null, BlockClassifier.LINK_SENTENCE);
  }

  @Test
  void aPasteThatOpensWithTheSitesMenuTakesItsTitleFromTheLineOverTheText() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Home
        About
        Treatments
        Contact
        Neck stiffness
        A stiff neck after sleeping usually eases within a day or two with gentle movement and warmth.
        """);
    assertThat(article.title()).isEqualTo("Neck stiffness");
    // A site's section label over the headline is not the title.
    assertThat(
            ArticleSplitter.split(
                    """
        Wellbeing
        Why a stiff neck is worse in the morning
        A stiff neck after sleeping usually comes from an awkward position held for hours at night.
        """)
                .title())
        .isEqualTo("Why a stiff neck is worse in the morning");
    // A short title over its first section, which takes up its word, stays the title.
    assertThat(
            ArticleSplitter.split(
                    """
        Sciatica
        What sciatica feels like at night
        A burning or shooting pain down one leg that is often worse when lying still for hours.
        """)
                .title())
        .isEqualTo("Sciatica");
    // Without a menu, the first line is the title even over a section heading.
    assertThat(
            ArticleSplitter.split(
                    """
        Neck stiffness
        Causes
        A stiff neck after sleeping usually comes from an awkward position held for hours at night.
        """)
                .title())
        .isEqualTo("Neck stiffness");
  }

  @Test
  void listIntroAnnouncesUnbulletedItemsAcrossABlankLineUntilAHeadingThatItsNextLineRepeats() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Stiff mornings
        Overview
        Morning stiffness in the lower back usually eases within half an hour of getting up.
        A few habits make the first hour easier for most people:

        Stretch gently before you stand
        Keep the bedroom warm
        Take a short walk after breakfast

        WARM UP
        Warm up
        A warm shower loosens the muscles before the day's first effort.
        """);
    assertThat(article.blocks())
        .extracting(ArticleSplitter.Block::heading, ArticleSplitter.Block::text)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "Overview",
                "Morning stiffness in the lower back usually eases within half an hour of getting up."),
            org.assertj.core.api.Assertions.tuple(
                "Overview",
                "A few habits make the first hour easier for most people:\n"
                    + "• Stretch gently before you stand\n• Keep the bedroom warm\n• Take a short walk after breakfast"),
            org.assertj.core.api.Assertions.tuple(null, "WARM UP"),
            org.assertj.core.api.Assertions.tuple(
                "Warm up", "A warm shower loosens the muscles before the day's first effort."));
  }

  @Test
  void aButtonTakesItsCaptionOrTheQuestionTitledBoxAboveIt() {
    OutlineBlock fact =
        OutlineBlock.paragraph(List.of("Cold packs numb the area and calm a fresh strain."));
    List<OutlineBlock> captioned =
        List.of(
            fact,
            OutlineBlock.paragraph(List.of("Read about seven stretches that loosen a stiff back.")),
            OutlineBlock.paragraph(List.of("Tap Here")));
    String[] reasons = new String[3];
    ButtonBox.mark(captioned, reasons);
    assertThat(reasons).containsExactly(null, "call to action", "call to action");

    List<OutlineBlock> box =
        List.of(
            fact,
            OutlineBlock.heading(3, "Is that so?"),
            OutlineBlock.paragraph(List.of("Most people sleep on their side.")),
            OutlineBlock.paragraph(List.of("Few sleep on their front all night.")),
            OutlineBlock.paragraph(List.of("Click To Find Out")));
    reasons = new String[5];
    ButtonBox.mark(box, reasons);
    assertThat(reasons)
        .containsExactly(
            null, "call to action", "call to action", "call to action", "call to action");

    // Without a button, a caption-like line and a question are the article's own.
    List<OutlineBlock> noButton =
        List.of(
            OutlineBlock.heading(3, "Why does it hurt at night?"),
            OutlineBlock.paragraph(List.of("Read the label before you take a second dose.")));
    reasons = new String[2];
    ButtonBox.mark(noButton, reasons);
    assertThat(reasons).containsOnlyNulls();
    // A caption that points at what the button opens ("Here are...") is the button's.
    assertThat(
            ButtonBox.isCaption(
                OutlineBlock.paragraph(List.of("Here are five easy stretches for the morning."))))
        .isTrue();
    assertThat(ButtonBox.isButton(OutlineBlock.paragraph(List.of("Watch This Now")))).isTrue();
    assertThat(ButtonBox.isButton(OutlineBlock.paragraph(List.of("Rest for now")))).isFalse();
    assertThat(ButtonBox.isButton(OutlineBlock.paragraph(List.of("Heat helps")))).isFalse();
  }

  @Test
  void aListOfBareTitlesIsALinkListWhenThePageRepeatsItOrItFollowsTheLastProse() {
    OutlineBlock menu =
        OutlineBlock.list(List.of("- Overview", "- Treatment options", "- Find care"));
    OutlineBlock prose =
        OutlineBlock.paragraph(
            List.of(
                "A stiff back in the morning usually loosens once you have "
                    + "been up and about for a while, and gentle movement helps it along more than rest does, so get up slowly."));
    OutlineBlock symptoms =
        OutlineBlock.list(List.of("- Stiffness", "- Dull ache", "- Muscle spasms"));
    OutlineBlock related =
        OutlineBlock.list(List.of("- Pillows for side sleepers", "- Standing desks compared"));
    List<OutlineBlock> blocks =
        List.of(
            menu,
            OutlineBlock.heading(2, "Signs"),
            symptoms,
            prose,
            OutlineBlock.heading(2, "Related"),
            related,
            menu);
    String[] reasons = new String[blocks.size()];
    LinkList.mark(blocks, reasons);
    assertThat(reasons)
        .containsExactly("link list", null, null, null, null, "link list", "link list");
    // Announced by an intro, or sentences without a period, a list is the article's own.
    List<OutlineBlock> announced =
        List.of(
            prose,
            OutlineBlock.paragraph(List.of("Call a doctor if:")),
            OutlineBlock.list(List.of("- Your leg goes numb", "- You have a fever with the pain")));
    String[] none = new String[3];
    LinkList.mark(announced, none);
    assertThat(none).containsOnlyNulls();
    assertThat(CallToAction.reason("Call your doctor if:")).isEmpty();
  }

  @Test
  void whereThePageShowsItsLinksAListWithoutOneInTheArticleIsNotALinkList() {
    OutlineBlock prose =
        marked(
            OutlineBlock.Kind.PARAGRAPH,
            0,
            true,
            "A stiff back in the morning usually loosens once you have been up and about for a"
                + " while, and gentle movement helps it along more than rest does, so get up slowly.");
    OutlineBlock benefits =
        marked(OutlineBlock.Kind.LIST, 0, true, "• Less stiffness", "• Better sleep and mood");
    OutlineBlock linked =
        marked(
            OutlineBlock.Kind.LIST,
            1.0,
            true,
            "• Pillows for side sleepers",
            "• Standing desks compared");
    OutlineBlock outside = marked(OutlineBlock.Kind.LIST, 0, false, "• Knee care", "• Hip care");
    List<OutlineBlock> blocks = List.of(prose, benefits, linked, outside);
    String[] reasons = new String[blocks.size()];
    LinkList.mark(blocks, reasons);
    assertThat(reasons).containsExactly(null, null, "link list", "link list");
    // A paste shows no links: there, the same list after the last prose is a link list.
    List<OutlineBlock> pasted = List.of(prose, OutlineBlock.list(benefits.lines()));
    String[] pastedReasons = new String[2];
    LinkList.mark(pasted, pastedReasons);
    assertThat(pastedReasons).containsExactly(null, "link list");
  }

  @Test
  void aListOfBareTitlesThatOpensThePageBeforeTheArticleIsALinkList() {
    List<OutlineBlock> page =
        List.of(
            OutlineBlock.paragraph(List.of("Share")),
            OutlineBlock.list(List.of("- Cold feet explained", "- Ten tips for knees")),
            OutlineBlock.heading(2, "Signs"),
            OutlineBlock.list(List.of("- Stiffness", "- Dull ache")),
            OutlineBlock.paragraph(
                List.of(
                    "A stiff back in the morning usually loosens once you have been up and about"
                        + " for a while, and gentle movement helps it along more than rest does, so"
                        + " get up slowly.")));
    String[] reasons = {"share line", null, null, null, null};
    LinkList.mark(page, reasons);
    assertThat(reasons).containsExactly("share line", "link list", null, null, null);
  }

  private static OutlineBlock marked(
      OutlineBlock.Kind kind, double linkShare, boolean inMain, String... lines) {
    return new OutlineBlock(kind, 0, List.of(lines), null, linkShare, inMain, null);
  }

  @Test
  void aListOfCitationsAndABrowserNoticeAreFurniture() {
    String citations =
        """
        - Doe J, et al. Sleep posture and spinal load. https://journal.example/posture. Accessed May 2, 2023.
        - Back care basics. https://health.example/back-care (2021)
        - Roe K. A handbook of back care. City Press; 2020.
        - Poe M. Pillows for side sleepers. https://sleep.example/pillows. Accessed June 1, 2022.""";
    assertThat(BoilerplateRules.reasonFor(citations)).contains("reference list");
    assertThat(BoilerplateRules.reasonFor("Please enable JavaScript to see the comments."))
        .contains("browser notice");
    // A list of advice that mentions a year is not a citation list.
    assertThat(
            BoilerplateRules.reasonFor(
                "- Walk every day\n- Since 2020 the advice is to keep moving"))
        .isEmpty();
  }

  @Test
  void aLongListSplitsBetweenItemsAndEachPartRepeatsTheIntro() {
    String item =
        "• " + "Gentle stretching of the hamstrings in bed before getting up ".repeat(3).strip();
    List<String> parts =
        PassageAssembler.listParts("Try these:", java.util.Collections.nCopies(12, item));
    assertThat(parts)
        .hasSizeGreaterThan(1)
        .allSatisfy(
            part -> {
              assertThat(part).startsWith("Try these:\n• ");
              assertThat(part.length()).isLessThanOrEqualTo(PassageAssembler.MAX_PASSAGE_CHARS);
            });
  }

  @Test
  void anIntroTooLongToShareAPassageWithItsFirstItemStandsAloneAndIsNeverLost() {
    String intro =
        IntStream.range(0, 30)
                .mapToObj(
                    i -> "Sentence " + i + " of a long introduction to what can cause the ache.")
                .collect(Collectors.joining(" "))
            + " Common causes are:";
    List<String> items =
        List.of("- Muscle strain from lifting", "- Disc problems", "- Arthritis of the spine");

    List<String> parts = PassageAssembler.listParts(intro, items);

    String all = String.join(" ", parts);
    IntStream.range(0, 30)
        .forEach(i -> assertThat(all).contains("Sentence " + i + " of a long introduction"));
    assertThat(parts)
        .allSatisfy(
            part ->
                assertThat(part.length()).isLessThanOrEqualTo(PassageAssembler.MAX_PASSAGE_CHARS));
    // The items keep the intro's last sentence, so they still say what they list.
    assertThat(parts.getLast())
        .isEqualTo(
            "Common causes are:\n- Muscle strain from lifting\n- Disc problems\n- Arthritis of the spine");
  }

  @Test
  void aShortIntroBesideAnItemTooLongForOnePassageIsKept() {
    String longItem =
        "- "
            + "Lying on the side with a pillow between the knees keeps the spine level all night. "
                .repeat(20)
                .strip();

    List<String> parts =
        PassageAssembler.listParts(
            "What helps at night:", List.of(longItem, "- A firmer mattress"));

    assertThat(parts.getFirst()).isEqualTo("What helps at night:");
    assertThat(parts.getLast()).isEqualTo("What helps at night:\n- A firmer mattress");
  }

  @Test
  void adviceToSeeADoctorIsNotACallToActionThoughItSharesTheVerbs() {
    assertThat(CallToAction.reason("Call your doctor today if the pain spreads down both legs."))
        .isEmpty();
    assertThat(CallToAction.reason("See a doctor now if you lose control of your bladder."))
        .isEmpty();
    assertThat(CallToAction.reason("Get help now if you have numbness in the groin.")).isEmpty();
    assertThat(CallToAction.reason("Go to the emergency room right away.")).isEmpty();
    // The site's own pitch still is one, even when it mentions doctors or says when.
    assertThat(CallToAction.reason("Call us today if you have questions about our program."))
        .contains(CallToAction.REASON);
    assertThat(CallToAction.reason("Book your appointment online today"))
        .contains(CallToAction.REASON);
    assertThat(CallToAction.reason("Find a doctor")).contains(CallToAction.REASON);
    assertThat(CallToAction.reason("Talk to our doctors now.")).contains(CallToAction.REASON);
  }

  @Test
  void textRunTogetherAcrossElementsGetsItsSpaceBackAndFurnitureGetsALineOfItsOwn() {
    // Two sentences glued: one line again, with the space back; a label glued to its explanation
    // stays with it.
    assertThat(TextOutline.unglued("Rest for a day.Then walk a little more each day."))
        .containsExactly("Rest for a day. Then walk a little more each day.");
    assertThat(TextOutline.unglued("- Age.Back pain is more common after forty."))
        .containsExactly("- Age. Back pain is more common after forty.");
    // A box title or page furniture glued on stands apart.
    assertThat(TextOutline.unglued("Heat helps most in the first days.Did you know?"))
        .containsExactly("Heat helps most in the first days.", "Did you know?");
    assertThat(TextOutline.unglued("Try a warm compressWas this article helpful?"))
        .containsExactly("Try a warm compress", "Was this article helpful?");
    // Abbreviations and names glued to a capital are left alone.
    assertThat(TextOutline.unglued("Ask Dr.Smith about it."))
        .containsExactly("Ask Dr.Smith about it.");
    assertThat(TextOutline.unglued("Search PubMed for trials"))
        .containsExactly("Search PubMed for trials");
  }

  @Test
  void aLineWithTwoWordsGluedToCapitalsIsRunTogetherNotAHeading() {
    assertThat(TextOutline.isHeadingLike("Poses that help: Child's poseBridge poseCobra pose"))
        .isFalse();
    assertThat(TextOutline.isHeadingLike("Specialists to consultNeurologistsOrthopedic surgeons"))
        .isFalse();
    assertThat(TextOutline.isHeadingLike("Searching PubMed for back pain trials")).isTrue();
  }

  @Test
  void aRowOfShortLinesAfterASentenceIsAListThatLostItsBullets() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Back pain
        Home
        Conditions
        MEDICINES
        Medicines
        Pain relievers sold without a prescription help many people through the first days.
        Ibuprofen
        Naproxen
        Paracetamol

        EXERCISE
        Exercise
        Gentle walking keeps the back moving and speeds recovery for most people.
        Heat
        A warm pack relaxes tight muscles, and twenty minutes at a time is enough.
        """);
    assertThat(article.blocks())
        .extracting(
            ArticleSplitter.Block::heading,
            ArticleSplitter.Block::text,
            ArticleSplitter.Block::rejectReason)
        .containsExactly(
            // A menu starts the page: its lines stay headings without body.
            org.assertj.core.api.Assertions.tuple(
                null, "Home", PassageAssembler.HEADING_WITHOUT_BODY),
            org.assertj.core.api.Assertions.tuple(
                null, "Conditions", PassageAssembler.HEADING_WITHOUT_BODY),
            org.assertj.core.api.Assertions.tuple(
                null, "MEDICINES", PassageAssembler.HEADING_WITHOUT_BODY),
            org.assertj.core.api.Assertions.tuple(
                "Medicines",
                "Pain relievers sold without a prescription help many people through the first days.",
                null),
            org.assertj.core.api.Assertions.tuple(
                "Medicines", "• Ibuprofen\n• Naproxen\n• Paracetamol", null),
            org.assertj.core.api.Assertions.tuple(
                null, "EXERCISE", PassageAssembler.HEADING_WITHOUT_BODY),
            org.assertj.core.api.Assertions.tuple(
                "Exercise",
                "Gentle walking keeps the back moving and speeds recovery for most people.",
                null),
            // One short line before a sentence is that sentence's heading.
            org.assertj.core.api.Assertions.tuple(
                "Heat",
                "A warm pack relaxes tight muscles, and twenty minutes at a time is enough.",
                null));
  }

  @Test
  void anUnbulletedLineThatOpensLikeTheItemsBeforeItIsOneMoreItemNotAHeading() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Who treats back pain
        Most back pain is treated by a family doctor, who may send you on after a few weeks.
        You may also see:
        A physical therapist
        Someone who teaches exercises for the back and belly
        Someone who does spinal manipulation (a chiropractor or an osteopath)
        A few visits to these specialists help many people with back pain.
        Outlook
        Most people feel better within a few weeks, whatever the treatment.
        """);
    assertThat(article.blocks())
        .extracting(ArticleSplitter.Block::heading, ArticleSplitter.Block::text)
        .contains(
            org.assertj.core.api.Assertions.tuple(
                null,
                "You may also see:\n• A physical therapist\n"
                    + "• Someone who teaches exercises for the back and belly\n"
                    + "• Someone who does spinal manipulation (a chiropractor or an osteopath)"),
            org.assertj.core.api.Assertions.tuple(
                null, "A few visits to these specialists help many people with back pain."),
            org.assertj.core.api.Assertions.tuple(
                "Outlook", "Most people feel better within a few weeks, whatever the treatment."));
  }

  @Test
  void aTermListNamesTheTopicWithoutSayingAnything() {
    assertThat(
            TermList.reason("Backache; Low back pain; Lumbar pain; Pain - back; Back strain - new"))
        .contains(TermList.REASON);
    // Fewer terms, or sentences between semicolons, are text.
    assertThat(TermList.reason("Backache; Lumbar pain; Back strain")).isEmpty();
    assertThat(
            TermList.reason(
                "Rest for a day; then walk; keep moving at work; and see a doctor if it lasts."))
        .isEmpty();
  }

  @Test
  void aFeedbackPromptEndsTheArticle() {
    assertThat(BoilerplateRules.reasonFor("Was this article helpful?")).contains("feedback prompt");
    assertThat(BoilerplateRules.reasonFor("Did this information help you?"))
        .contains("feedback prompt");
    assertThat(BoilerplateRules.reasonFor("Did the pain help you sleep less?")).isEmpty();
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.paragraph(
                List.of("Heat relaxes the muscles and eases the ache within a few days.")),
            OutlineBlock.paragraph(List.of("Was this page helpful?")),
            OutlineBlock.paragraph(List.of("Tell us more.")));
    String[] reasons = {null, "feedback prompt", null};
    assertThat(FooterZone.start(blocks, reasons)).isEqualTo(1);
  }

  @Test
  void aContentsListNamesAtLeastThreeOfTheSectionsThatFollow() {
    List<OutlineBlock> two =
        List.of(
            OutlineBlock.list(List.of("• Surgery", "• Injections")),
            OutlineBlock.heading(2, "Surgery"),
            OutlineBlock.paragraph(List.of("Surgery is for nerve damage.")),
            OutlineBlock.heading(2, "Injections"),
            OutlineBlock.paragraph(List.of("Injections calm the nerve.")));
    assertThat(ContentsList.lists(two, 0)).isFalse();
  }

  @Test
  void lowerCaseItemsAfterAnIntroAreOneListWhenEachLostItsBulletToABlankLine() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Stiff mornings

        Causes

        Morning stiffness in the lower back usually eases within half an hour of getting up.

        It is most often made worse by:

        a cold bedroom

        A soft mattress that sags in the middle

        lying still for many hours

        Treatment

        A warm shower loosens the muscles before the day's first effort.
        """);
    assertThat(article.blocks())
        .extracting(ArticleSplitter.Block::heading, ArticleSplitter.Block::text)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "Causes",
                "Morning stiffness in the lower back usually eases within half an hour of getting up."),
            org.assertj.core.api.Assertions.tuple(
                "Causes",
                "It is most often made worse by:\n"
                    + "• a cold bedroom\n• A soft mattress that sags in the middle\n"
                    + "• lying still for many hours"),
            org.assertj.core.api.Assertions.tuple(
                "Treatment", "A warm shower loosens the muscles before the day's first effort."));
  }

  @Test
  void theWritersSignOffAndPostscriptEndTheArticle() {
    assertThat(BoilerplateRules.reasonFor("Kind regards,")).contains("sign-off");
    assertThat(BoilerplateRules.reasonFor("Yours sincerely,")).contains("sign-off");
    assertThat(BoilerplateRules.reasonFor("Hope this helps :)")).contains("sign-off");
    assertThat(BoilerplateRules.reasonFor("P.S. Tell me what you thought of this one."))
        .contains("sign-off");
    assertThat(BoilerplateRules.reasonFor("PS: a new post comes out every week."))
        .contains("sign-off");
    assertThat(BoilerplateRules.reasonFor("Regards to posture, sit with your back supported."))
        .isEmpty();
    assertThat(BoilerplateRules.reasonFor("PSA testing is not related to back pain.")).isEmpty();
    List<OutlineBlock> blocks =
        List.of(
            OutlineBlock.paragraph(
                List.of("Heat relaxes the muscles and eases the ache within a few days.")),
            OutlineBlock.paragraph(List.of("Warm regards,")),
            OutlineBlock.paragraph(List.of("Jane Doe, physiotherapist and runner")));
    String[] reasons = {null, "sign-off", null};
    assertThat(FooterZone.start(blocks, reasons)).isEqualTo(1);
  }

  @Test
  void aHeadingThatSendsTheReaderToOtherPagesIsALinkTeaser() {
    assertThat(BoilerplateRules.reasonFor("Resources")).contains("link teaser");
    assertThat(BoilerplateRules.reasonFor("Further reading")).contains("link teaser");
    assertThat(BoilerplateRules.reasonFor("Looking for more?")).contains("link teaser");
    assertThat(BoilerplateRules.reasonFor("Recommended topics")).contains("link teaser");
    assertThat(BoilerplateRules.reasonFor("Resources for carers are listed by your clinic."))
        .isEmpty();
  }

  @Test
  void aConditionOnTheReaderFollowedByACallThatPointsElsewhereIsAPromotion() {
    assertThat(
            CallToAction.reason(
                "If you liked these stretches, read four more ways to loosen a stiff back."))
        .contains("call to action");
    assertThat(
            CallToAction.reason(
                "If you need a physiotherapist near you,then check out our directory here."))
        .contains("call to action");
    assertThat(
            CallToAction.reason(
                "If you walk a lot, watch videos of three warm-ups plus six more in the series."))
        .contains("call to action");
    // Advice under a condition stays advice.
    assertThat(
            CallToAction.reason(
                "If you lie on your side at night, tuck a cushion between your knees."))
        .isEmpty();
    assertThat(CallToAction.reason("If the pain spreads to your legs, see a doctor today."))
        .isEmpty();
  }

  @Test
  void aShortParagraphEndingInACallToTheServiceIsAPromotion() {
    assertThat(
            CallToAction.reason(
                "Not sure where to start? We look at your back first and tell you honestly what"
                    + " we can do. Book a consultation today."))
        .contains("call to action");
    assertThat(
            CallToAction.reason(
                "Nearly everyone's back aches now and then. It usually settles within weeks."
                    + " Call your doctor today if it does not."))
        .isEmpty();
    assertThat(
            CallToAction.reason(
                "Walking eases most back pain. Ten minutes a day is enough to begin."
                    + " Start your first walk today."))
        .isEmpty();
    assertThat(
            CallToAction.reason(
                "Get in touch with our team on social media for weekly stretching reminders."))
        .contains("call to action");
  }

  @Test
  void aRomanNumeralOpensAHeadingNotASentence() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            """
        Stiff mornings
        Causes
        Morning stiffness in the lower back usually eases within half an hour of getting up.
        It passes sooner for people who move early in the day.

        II. HOME CARE
        II. Home care
        A warm shower loosens the muscles before the day's first effort.
        Gentle stretching afterwards keeps them loose.
        Short walks through the day help as well.
        """);
    assertThat(article.blocks())
        .extracting(ArticleSplitter.Block::heading, ArticleSplitter.Block::text)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "Causes",
                "Morning stiffness in the lower back usually eases within half an hour of getting up."),
            org.assertj.core.api.Assertions.tuple(
                "Causes", "It passes sooner for people who move early in the day."),
            org.assertj.core.api.Assertions.tuple(null, "HOME CARE"),
            org.assertj.core.api.Assertions.tuple(
                "Home care", "A warm shower loosens the muscles before the day's first effort."),
            org.assertj.core.api.Assertions.tuple(
                "Home care", "Gentle stretching afterwards keeps them loose."),
            org.assertj.core.api.Assertions.tuple(
                "Home care", "Short walks through the day help as well."));
  }

  @Test
  void thePagesRecordOfItselfAndAVideoCaptionAreFurniture() {
    assertThat(BoilerplateRules.reasonFor("Last updated:")).contains("page metadata");
    assertThat(BoilerplateRules.reasonFor("Tags: sleep, posture")).contains("page metadata");
    assertThat(BoilerplateRules.reasonFor("Updated guidance says to keep moving.")).isEmpty();
    assertThat(BoilerplateRules.reasonFor("Now playing: Five Stretches Before Bed"))
        .contains("video caption");
    assertThat(BoilerplateRules.reasonFor("Playing Back Care: Stretches For The Morning"))
        .contains("video caption");
    assertThat(BoilerplateRules.reasonFor("Playing sport with back pain")).isEmpty();
    assertThat(BoilerplateRules.reasonFor("Playing golf twists the spine.")).isEmpty();
    // The values a metadata label announces are furniture with it.
    PageOutline outline =
        new PageOutline(
            "Stiff mornings",
            PageMeta.NONE,
            List.of(
                OutlineBlock.paragraph(
                    List.of("Morning stiffness usually eases within half an hour of getting up.")),
                OutlineBlock.paragraph(List.of("Categories:")),
                OutlineBlock.list(List.of("• Family health", "• Sleep"))));
    assertThat(BlockClassifier.classify(outline))
        .containsExactly(null, "page metadata", "page metadata");
  }
}
