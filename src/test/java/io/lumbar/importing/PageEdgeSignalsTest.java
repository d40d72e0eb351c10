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
                "Why should runners trust our Harbour Road team with a sore knee? Four things"
                    + " make the difference:"));
    OutlineBlock reasons =
        OutlineBlock.list(
            List.of(
                "• Long hours: the team answers the phone until nine each evening, all week",
                "• Parking: a large free car park sits right behind the building on Harbour Road"));
    assertThat(
            BlockClassifier.classify(
                new PageOutline("Back pain", null, List.of(paragraph(PROSE), question, reasons))))
        .containsExactly(null, ProviderVoice.REASON, ProviderVoice.REASON);
    // Asked of a thing, even a named one, the question is the article's.
    assertThat(ProviderVoice.reason("Why pick a firm mattress? It keeps the spine level."))
        .isEmpty();
    assertThat(ProviderVoice.reason("Why choose Tai Chi over running? It is gentler on knees."))
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
                    "Frozen shoulder; Adhesive capsulitis; Shoulder stiffness - chronic; Painful"
                        + " stiff shoulder; Capsular contracture - shoulder.")))
        .isEmpty();
    assertThat(
            OtherLanguage.reason(
                paragraph(
                    "Ice pack twenty minutes twice daily reduces swelling eases throbbing knee"
                        + " joint after long runs")))
        .isEmpty();
  }

  @Test
  void aListsIntroTheExtractorLeftOutBetweenArticleTextIsTheArticles() {
    OutlineBlock intro =
        new OutlineBlock(
            OutlineBlock.Kind.PARAGRAPH,
            0,
            List.of(
                "Neck strain is not only a problem of desk workers. Three everyday habits raise"
                    + " the odds."),
            null,
            0,
            false,
            null);
    List<OutlineBlock> blocks =
        List.of(
            paragraph(PROSE),
            OutlineBlock.heading(2, "Who gets it"),
            intro,
            OutlineBlock.list(
                List.of(
                    "• Phones. Looking down at a screen for hours tires the neck",
                    "• Pillows. A stack of them holds the head bent all night")));
    assertThat(BlockClassifier.classify(new PageOutline("Back pain", null, blocks)))
        .containsExactly(null, null, null, null);
  }

  @Test
  void aSectionsShortPointsAfterTheLastLongParagraphStayWhenTheArticleGoesOn() {
    List<Block> blocks =
        ArticleSplitter.split(
                """
                Caring for a runner's knee

                Knees often ache after a long run, and what you do in the hours that follow decides how quickly the ache fades again.

                After the run:

                Cool down slowly
                Ice the outside of the knee
                Raise the leg on a cushion
                Drink plenty of water
                Skip the stairs today

                Risky Habits

                Downhill running:

                Loads the kneecap
                Strains the tendon
                Jars the joint
                Wears the cartilage
                Worse in old shoes

                Useful Extras

                Foam roller work
                Strength work twice a week
                New shoes every year
                Shorter strides on hills
                Rest days in the plan

                Seeing a Physio

                If the knee swells or locks after these steps, see a physiotherapist. Swelling that lasts past two days needs a proper look.
                """)
            .blocks();
    assertThat(blocks)
        .filteredOn(Block::isContent)
        .extracting(Block::headingPath, Block::text)
        .contains(
            tuple(
                List.of("Risky Habits"),
                "Downhill running:\n• Loads the kneecap\n• Strains the tendon\n• Jars the"
                    + " joint\n• Wears the cartilage\n• Worse in old shoes"),
            tuple(
                List.of("Useful Extras"),
                "• Foam roller work\n• Strength work twice a week\n• New shoes every year\n•"
                    + " Shorter strides on hills\n• Rest days in the plan"));
  }

  @Test
  void pageEdgesWritersNamesAndJournalCitationsAreFurniture() {
    assertThat(BoilerplateRules.reasonFor("top of page")).contains("navigation");
    assertThat(BoilerplateRules.reasonFor("bottom of page")).contains("navigation");
    assertThat(BoilerplateRules.reasonFor("• Dr.Sam Example")).contains("byline");
    assertThat(BoilerplateRules.reasonFor("Dr. Sam Example")).contains("byline");
    assertThat(BoilerplateRules.reasonFor("DRY NEEDLING")).isEmpty();
    assertThat(BoilerplateRules.reasonFor("PROFESSIONAL HELP")).isEmpty();
    assertThat(BoilerplateRules.reasonFor("**Sources: **")).contains("reference list");
    assertThat(
            BoilerplateRules.reasonFor(
                "Writer A, Other BC, et al: Disc height after a night's sleep. Spine J"
                    + " 12(3):201-209, 2015"))
        .contains("reference list");
    // Advice that names a time and a year is not a citation.
    assertThat(
            BoilerplateRules.reasonFor(
                "Vitamin D. Adults over 50 need 800 to 2000 IU a day; take it at 8:30 with food."))
        .isEmpty();
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
            OutlineBlock.heading(2, "Home care"),
            OutlineBlock.list(List.of("• Heat", "• Pendulum swings", "• Massage")),
            OutlineBlock.heading(2, "Questions"),
            OutlineBlock.heading(3, "Can I still swim with a stiff shoulder?"),
            paragraph("Slow breaststroke keeps the shoulder moving without straining it."));
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
            "A shoulder that clicks when you reach overhead usually has a tendon rubbing on the"
                + " bone above it.");
    OutlineBlock pitch =
        outside(
            "Our physiotherapists answer every message within the hour, and we keep evening slots"
                + " free for office workers.");
    OutlineBlock label = outside("Reaching overhead");
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
                + "</p><div class=\"eyebrow\">At a glance</div><h2>Stiff shoulders in winter</h2><p>"
                + PROSE.replace("walking", "stretching")
                + "</p></article></main></body></html>");
    assertThat(outline.blocks())
        .filteredOn(block -> block.text().equals("At a glance"))
        .extracting(OutlineBlock::chrome)
        .containsExactly(HtmlOutline.SECTION_LABEL);
  }

  @Test
  void theWriterIntroducingThemselvesOrTheirOwnWorkIsAboutTheWriter() {
    assertThat(
            BoilerplateRules.reasonFor(
                "My name is Ada Sample, a retired nurse, and this blog collects what I learned on"
                    + " the ward."))
        .contains("about the writer");
    assertThat(BoilerplateRules.reasonFor("Hi, I am Sam Example - the physiotherapist here."))
        .contains("about the writer");
    assertThat(
            BoilerplateRules.reasonFor(
                "My latest podcast episode covers shoulder exercises for swimmers."))
        .contains("about the writer");
    assertThat(BoilerplateRules.reasonFor("I am sure the pain will settle within a week."))
        .isEmpty();
    assertThat(BoilerplateRules.reasonFor("I'm Pregnant and Have Sciatica. What Can I Do?"))
        .isEmpty();
    assertThat(
            BoilerplateRules.reasonFor(
                "My course of physiotherapy lasted six weeks and my shoulder is stronger."))
        .isEmpty();
  }

  @Test
  void aShortPitchEndingInACallSpeaksForTheProviderWithLetUs() {
    assertThat(
            CallToAction.reason(
                "A stiff shoulder rarely frees itself. Contact the clinic today and let's plan your"
                    + " recovery together."))
        .contains(CallToAction.REASON);
    assertThat(CallToAction.reason("Book a free assessment session to check your shoulder."))
        .contains(CallToAction.REASON);
    assertThat(CallToAction.reason("Let's look at why the back hurts more at night.")).isEmpty();
    // "let's" speaks for the provider only in the call itself.
    assertThat(
            CallToAction.reason(
                "Walking helps, so let's keep it simple and go every day. Start your walks today."))
        .isEmpty();
    assertThat(CallToAction.reason("Try a ten-minute stretching session before bed.")).isEmpty();
  }

  @Test
  void aHostsGreetingEmptyRecordLabelsAndATabTitleAreFurniture() {
    assertThat(
            BoilerplateRules.reasonFor(
                "Hello everyone! This is Ada Sample here from Northgate Physio, and today we look at"
                    + " knee pain on stairs."))
        .contains("about the writer");
    assertThat(BoilerplateRules.reasonFor("Hello! Stairs are hard on sore knees.")).isEmpty();
    assertThat(BoilerplateRules.reasonFor("Posted on: | Updated on:")).contains("page metadata");
    assertThat(BoilerplateRules.reasonFor("Update: 3 March 2024")).contains("page metadata");
    assertThat(BoilerplateRules.reasonFor("Jump to the part you need:")).contains("navigation");
    assertThat(
            BlockClassifier.repeats(
                "Stiff Knees After Running", "Stiff Knees After Running - Example Physio"))
        .isTrue();
    assertThat(BlockClassifier.repeats("Stiff Knees", "Stiff knees after running and cycling"))
        .isFalse();
  }

  @Test
  void aShortParagraphEndingByPointingToTheSitesOtherPagesIsACall() {
    assertThat(
            CallToAction.reason(
                "Not sure your running shoes still fit? See our guide Choosing Shoes for Sore Knees"
                    + " for the signs."))
        .contains(CallToAction.REASON);
    assertThat(
            CallToAction.reason(
                "Shoes wear out after about a year of running. Check the soles for smooth patches."))
        .isEmpty();
  }

  @Test
  void aPhotosCaptionRunIntoItsShareButtonAndAPictureLibrarysCreditAreTheFigure() {
    assertThat(
            ImageCredit.reason(
                "Woman stretching on a yoga matShare on Example\nA. Sample/Example Images"))
        .contains(ImageCredit.REASON);
    assertThat(ImageCredit.reason("Jo Bloggs/Example Photography")).contains(ImageCredit.REASON);
    // A slash in a line of text is no credit.
    assertThat(ImageCredit.reason("Knee pain on stairs/slopes gets better with strength work."))
        .isEmpty();
    assertThat(ImageCredit.reason("Share the load between both legs")).isEmpty();
  }

  @Test
  void aShopsInvitationAfterTheReadersPlaceIsACallAndAButtonRunIntoTextIsItsOwnLine() {
    assertThat(
            CallToAction.reason(
                "If you live near the harbour, visit Sample Shoes to browse running shoes from top"
                    + " brands!"))
        .contains(CallToAction.REASON);
    assertThat(
            CallToAction.reason(
                "If the ache lasts a week, visit a physiotherapist to check the knee."))
        .isEmpty();
    assertThat(
            TextOutline.unglued(
                "Shop Running Shoes TodayThe first thing to know is that shoes wear out."))
        .containsExactly(
            "Shop Running Shoes Today", "The first thing to know is that shoes wear out.");
    // A name written with an inner capital is not a button.
    assertThat(TextOutline.unglued("McKenzie exercises ease the knee.")).hasSize(1);
  }

  @Test
  void aHeadingOutsideTheColumnHeadsTheKeptListUnderIt() {
    OutlineBlock heading =
        new OutlineBlock(
            OutlineBlock.Kind.HEADING, 3, List.of("Typical complaints"), null, 0, false, null);
    OutlineBlock complaints =
        new OutlineBlock(
            OutlineBlock.Kind.LIST,
            0,
            List.of(
                "• Aching below the kneecap when you climb the stairs or kneel for a while",
                "• Clicking and swelling in the knee after a long run or a day on your feet",
                "• Stiffness in the knee that is worse in the morning and after sitting"),
            null,
            0,
            false,
            null);
    OutlineBlock booking =
        new OutlineBlock(
            OutlineBlock.Kind.HEADING, 3, List.of("Book a knee check"), null, 0, false, null);
    assertThat(
            BlockClassifier.classify(
                new PageOutline(
                    "Sore knees",
                    null,
                    List.of(paragraph(PROSE), heading, complaints, booking, outside("Call us")))))
        .containsExactly(
            null, null, null, BlockClassifier.OUTSIDE_ARTICLE, BlockClassifier.OUTSIDE_ARTICLE);
  }

  @Test
  void aPatientsPraiseWithItsSignatureIsAReview() {
    OutlineBlock praise =
        paragraph(
            "The front desk team is always helpful. Dr. Okafor is very knowledgeable and fixed my"
                + " shoulder in three visits.");
    OutlineBlock signature = paragraph("Marta K.");
    assertThat(
            BlockClassifier.classify(
                new PageOutline(
                    "Sore shoulder", null, List.of(paragraph(PROSE), praise, signature))))
        .containsExactly(null, ProviderVoice.REVIEWS, ProviderVoice.REVIEWS);
    // Praise of a treatment, or a name with an initial on its own, is no review.
    assertThat(ProviderVoice.review(paragraph("Swimming is very helpful for my stiff shoulder.")))
        .isFalse();
    assertThat(
            BlockClassifier.classify(
                new PageOutline("Sore shoulder", null, List.of(paragraph(PROSE), signature))))
        .containsExactly(null, null);
  }

  @Test
  void aDatelineAGluedTrailAnAddressAndAFreeServiceAreFurniture() {
    assertThat(BoilerplateRules.reasonFor("Tuesday, March 4, 2025")).contains("page metadata");
    assertThat(BoilerplateRules.reasonFor("HomeKneesWhy Knees Click On Stairs"))
        .contains("navigation");
    assertThat(BoilerplateRules.reasonFor("Home exercises help most people.")).isEmpty();
    assertThat(
            BlockClassifier.classify(
                new PageOutline(
                    "Knees",
                    null,
                    List.of(
                        paragraph(PROSE),
                        OutlineBlock.paragraph(
                            List.of("Tuesday, March 4, 2025", "HomeKneesWhy Knees Click"))))))
        .containsExactly(null, "page metadata");
    assertThat(BoilerplateRules.reasonFor("Knee Care Studio, Springfield OH 45501"))
        .contains(ProviderVoice.REASON);
    assertThat(
            BoilerplateRules.reasonFor(
                "Proudly serving Ashby, Brook Green, Carlow and Upper Vale."))
        .contains(ProviderVoice.REASON);
    assertThat(
            CallToAction.reason(
                "Ask our physiotherapists about your knee and get written answers, anonymous and"
                    + " free!"))
        .contains(CallToAction.REASON);
    assertThat(
            CallToAction.reason(
                "Ask a doctor about your knee if it is pain-free at rest but swells after walks."))
        .isEmpty();
  }

  @Test
  void anIntroEndingInAColonKeepsTheParagraphsThatOpenAlikeAfterIt() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            TextOutline.of(
                """
                Knee care

                Rushing up or down the stairs strains a sore knee, so take care with each:

                When going up the stairs, lead with the stronger leg and hold the rail.

                When going down the stairs, lead with the sore leg and take one step at a time.
                """));
    assertThat(article.blocks())
        .extracting(Block::text, Block::rejectReason)
        .contains(
            tuple(
                "Rushing up or down the stairs strains a sore knee, so take care with each:",
                null));
  }

  @Test
  void aPractitionersDottedDegreeTheirBioAndThePracticesBillingAreNotTheArticle() {
    assertThat(BoilerplateRules.reasonFor("Ada Sample, M.D.")).contains("byline");
    assertThat(
            BoilerplateRules.reasonFor(
                "By Dr. Ada Sample, D.O. — Knee and Sports Care, Springfield · March 2025"))
        .contains("byline");
    assertThat(BoilerplateRules.reasonFor("Knee and Sports Care · Springfield, OH"))
        .contains(ProviderVoice.REASON);
    assertThat(BoilerplateRules.reasonFor("Does insurance cover knee physiotherapy?"))
        .contains(ProviderVoice.REASON);
    assertThat(
            BoilerplateRules.reasonFor(
                "Most insurance plans cover a medically necessary knee assessment; the front desk"
                    + " checks yours before the visit."))
        .contains(ProviderVoice.REASON);
    assertThat(
            BoilerplateRules.reasonFor(
                "We make it simple to find a knee class near home and start this week."))
        .contains(ProviderVoice.REASON);
    // The condition's own words about the same things stay.
    assertThat(BoilerplateRules.reasonFor("Does a knee brace help on stairs?")).isEmpty();
    assertThat(BoilerplateRules.reasonFor("Ada Sample first noticed the clicking on stairs."))
        .isEmpty();
  }

  @Test
  void aCallToBookAppointmentsAndATeaserEndingInLearnMoreAreCalls() {
    assertThat(
            CallToAction.reason(
                "Call 555-0100 to schedule with Dr. Sample — same-day appointments are often open."))
        .contains(CallToAction.REASON);
    assertThat(
            CallToAction.reason(
                "Picking between a brace and surgery is hard. Learn more about knee braces vs."
                    + " surgery to see which suits you."))
        .contains(CallToAction.REASON);
    assertThat(
            CallToAction.reason(
                "Braces spread the load across the joint. Learning more about the knee helps."))
        .isEmpty();
  }

  @Test
  void theButtonsHoursAndLinksOfAShopABookingFormAndABlogAreFurniture() {
    for (String button :
        List.of(
            "Make an Appointment",
            "Enquire now",
            "Send us a message",
            "Add to basket",
            "View details",
            "Get directions",
            "Write a review",
            "Leave a comment",
            "Choose a time")) {
      assertThat(CallToAction.reason(button)).as(button).contains(CallToAction.REASON);
    }
    // Advice with the same verbs.
    for (String advice :
        List.of(
            "Listen to your body",
            "Apply a warm compress",
            "Compare both knees in a mirror",
            "Send your child to school")) {
      assertThat(CallToAction.reason(advice)).as(advice).isEmpty();
    }
    assertThat(BoilerplateRules.reasonFor("Mon – Fri: 8:00am – 6:00pm")).contains("opening hours");
    assertThat(BoilerplateRules.reasonFor("Opening hours: Mon-Sat 9am-5pm"))
        .contains("opening hours");
    assertThat(BoilerplateRules.reasonFor("Previous article")).contains("navigation");
    assertThat(BoilerplateRules.reasonFor("Posted in Knee Pain")).contains("page metadata");
    assertThat(BoilerplateRules.reasonFor("Rated 4.7/5 by 300 runners")).contains("rating");
    assertThat(BoilerplateRules.reasonFor("Saturday 9am – 1pm")).contains("opening hours");
    assertThat(BoilerplateRules.reasonFor("Monday mornings are the worst for stiff knees."))
        .isEmpty();
    assertThat(BoilerplateRules.reasonFor("Monday: 20 minutes of easy cycling")).isEmpty();
    assertThat(CallToAction.reason("Pick a day of rest each week")).isEmpty();
  }

  @Test
  void howLongAVisitLastsACareerInALineAndANotAdviceNoteAreNotTheArticle() {
    assertThat(
            BoilerplateRules.reasonFor(
                "The first assessment lasts 40 minutes and includes a written plan."))
        .contains(ProviderVoice.REASON);
    assertThat(BoilerplateRules.reasonFor("You don't need a GP referral to see us."))
        .contains(ProviderVoice.REASON);
    assertThat(
            BoilerplateRules.reasonFor(
                "Over 15 years in sports physiotherapy, including work with two national rowing"
                    + " squads."))
        .contains("about the writer");
    assertThat(
            Disclaimer.reason(
                "This page is general information, not individual medical advice. See a clinician"
                    + " for your own knee."))
        .contains(Disclaimer.REASON);
    assertThat(
            CallToAction.reason(
                "Most sore knees settle with rest and strength work. Call 0400 111 222 and ask us."))
        .contains(CallToAction.REASON);
    assertThat(
            CallToAction.reason(
                "A runner's knee needs a plan built for the season. Read more, or book a session"
                    + " online."))
        .contains(CallToAction.REASON);
    // Advice on how long an exercise takes stays.
    assertThat(BoilerplateRules.reasonFor("Each session lasts 10 minutes; do it twice a day."))
        .isEmpty();
  }

  @Test
  void anInvitationToCallOrCommentAReadersToolbarAStraplineAndALoneIconNameAreFurniture() {
    assertThat(
            CallToAction.reason(
                "If your knee still clicks after a month, give us a call so our team can check it!"))
        .contains(CallToAction.REASON);
    assertThat(
            CallToAction.reason("Please feel free to ask about your knee through my contact form"))
        .contains(CallToAction.REASON);
    assertThat(CallToAction.reason("More on knee braces in our guide - click here"))
        .contains(CallToAction.REASON);
    // "pain-free" offers nothing.
    assertThat(
            CallToAction.reason(
                "Take the stairs slowly: lead with the good leg and keep each step pain-free."))
        .isEmpty();
    assertThat(BoilerplateRules.reasonFor("Font Size")).contains("navigation");
    assertThat(BoilerplateRules.reasonFor("Your Basket (2)")).contains("navigation");
    assertThat(BoilerplateRules.reasonFor("Tips and stories for strong knees from Example.Run"))
        .contains("page summary");
    assertThat(BoilerplateRules.reasonFor("spinner")).contains(BlockClassifier.FRAGMENT);
    assertThat(BoilerplateRules.reasonFor("Stretching")).isEmpty();
  }

  @Test
  void anIntroEndingInAColonKeepsTheNumberedParagraphsAfterIt() {
    ArticleSplitter.SplitArticle article =
        ArticleSplitter.split(
            TextOutline.of(
                """
                Knee care

                When the knee bends under load again and again, three things change:

                1) The cartilage behind the kneecap takes more pressure with each step.

                2) The tendon below the kneecap thickens and grows sore to touch.
                """));
    assertThat(article.blocks()).extracting(Block::rejectReason).containsOnlyNulls();
  }

  @Test
  void aPracticesRecordABlurbsPromiseAWriterWithTwoDegreesAndTheirHobbyBioAreNotTheArticle() {
    assertThat(ProviderVoice.reason("We have seen excellent results with runners of every age."))
        .contains(ProviderVoice.REASON);
    assertThat(
            BoilerplateRules.reasonFor(
                "Do knees need rest after a long run? Explore the simple routine that keeps them"
                    + " going."))
        .contains("page summary");
    assertThat(BoilerplateRules.reasonFor("Dr. Ada Sample, PT, DPT")).contains("byline");
    assertThat(
            BoilerplateRules.reasonFor(
                "Dr. Sample is a sports physical therapist who enjoys treating runners and"
                    + " climbers."))
        .contains("byline");
    // A question answered in the article's own words stays.
    assertThat(
            BoilerplateRules.reasonFor(
                "Do knees need rest after a long run? Usually a day of easy walking is enough."))
        .isEmpty();
  }

  private static OutlineBlock outside(String text) {
    return new OutlineBlock(OutlineBlock.Kind.PARAGRAPH, 0, List.of(text), null, 0, false, null);
  }

  private static OutlineBlock paragraph(String text) {
    return OutlineBlock.paragraph(List.of(text));
  }
}
