package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.importing.ArticleSplitter.SplitArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlOutlineTest {

  private static final String PROSE =
      "Night pain has many causes, and most of them are harmless and can be treated at "
          + "home with rest, warmth and gentle movement over a few days.";

  private static final String HTML =
      """
      <!DOCTYPE html>
      <html><head><title>Night back pain | Example Clinic</title>
      <meta property="og:site_name" content="Example Clinic">
      <link rel="canonical" href="https://clinic.example/night-pain">
      <meta property="article:published_time" content="2023-05-01T08:00:00Z">
      <style>p { color: red }</style><script>alert(1)</script></head>
      <body>
      <header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
      <main><article>
        <h1>Why does my back hurt at night?</h1>
        <p>%s</p>
        <h2>Common causes</h2>
        <p>The most common causes of pain that wakes you up at night include the following ones:</p>
        <ul>
          <li>Muscle strain</li>
          <li>Disc <b>herniation</b></li>
          <li><p>Joint irritation</p></li>
        </ul>
        <h3>Disc problems</h3>
        <p>A bulging disc presses on a nerve when you lie still, which is why the pain is often worse in bed and \
      eases once you get up and walk around for a while in the morning.</p>
        <table>
          <tr><th>Cause</th><th>Typical sign</th></tr>
          <tr><td>Strain</td><td>Morning stiffness</td></tr>
        </table>
        <noscript>Enable JavaScript</noscript>
        <form><label>Email</label><input name="e"><button>Subscribe</button></form>
      </article></main>
      <footer>© 2024 Example Clinic · <a href="/privacy">Privacy</a></footer>
      </body></html>
      """
          .formatted(PROSE);

  @Test
  void keepsTheOutlineOfThePage() {
    PageOutline outline = HtmlOutline.of(HTML);
    assertThat(outline.title()).isEqualTo("Why does my back hurt at night?");
    assertThat(outline.meta())
        .isEqualTo(
            new PageMeta("https://clinic.example/night-pain", "Example Clinic", "2023-05-01"));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind, OutlineBlock::level, OutlineBlock::text)
        .contains(
            tuple(OutlineBlock.Kind.HEADING, 2, "Common causes"),
            tuple(
                OutlineBlock.Kind.LIST,
                0,
                "• Muscle strain\n• Disc herniation\n• Joint irritation"),
            tuple(OutlineBlock.Kind.HEADING, 3, "Disc problems"),
            tuple(OutlineBlock.Kind.TABLE, 0, "Cause | Typical sign\nStrain | Morning stiffness"));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::text)
        .doesNotContain("Why does my back hurt at night?");
  }

  @Test
  void passagesCarryTheirHeadingPathAndListsTheirIntro() {
    SplitArticle article = ArticleSplitter.split(ArticleSource.of("a.html", HTML));
    assertThat(article.blocks())
        .filteredOn(Block::isContent)
        .extracting(Block::headingPath, b -> b.text().substring(0, 20))
        .containsExactly(
            tuple(List.of(), PROSE.substring(0, 20)),
            tuple(List.of("Common causes"), "The most common caus"),
            tuple(List.of("Common causes", "Disc problems"), "A bulging disc press"),
            tuple(List.of("Common causes", "Disc problems"), "Cause | Typical sign"));
    assertThat(article.blocks())
        .filteredOn(Block::isContent)
        .extracting(Block::text)
        .contains(
            "The most common causes of pain that wakes you up at night include the following ones:\n"
                + "• Muscle strain\n• Disc herniation\n• Joint irritation");
  }

  @Test
  void neverLeaksScriptsOrMarkup() {
    SplitArticle article =
        ArticleSplitter.split(
            ArticleSource.of(
                "a.html", HTML + "<img src=x onerror=alert(2)><iframe src=x>frame</iframe>"));
    assertThat(article.blocks())
        .extracting(Block::text)
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain("alert", "<", ">", "&amp;", "&nbsp;", "Enable JavaScript"));
    assertThat(article.blocks())
        .filteredOn(Block::isContent)
        .extracting(Block::text)
        .allSatisfy(text -> assertThat(text).doesNotContain("Home", "Subscribe", "©"));
  }

  @Test
  void titleDropsTheSiteNameTail() {
    assertThat(PageTitle.withoutSiteName("Sciatica at night | Example Health", "Example Health"))
        .isEqualTo("Sciatica at night");
    assertThat(PageTitle.withoutSiteName("Sciatica at night: what helps - Health Pages", null))
        .isEqualTo("Sciatica at night: what helps");
    assertThat(PageTitle.withoutSiteName("Back pain: causes and relief", null))
        .isEqualTo("Back pain: causes and relief");
    assertThat(
            HtmlOutline.of("<title>Sciatica at night | Health Pages</title><p>" + PROSE + "</p>")
                .title())
        .isEqualTo("Sciatica at night");
  }

  @Test
  void publisherAndDateFromStructuredData() {
    PageOutline outline =
        HtmlOutline.of(
            """
        <script type="application/ld+json">{"@type":"Article","datePublished":"2021-02-03",
        "publisher":{"@type":"Organization","name":"Spine Pages"}}</script><h1>Sleep</h1><p>%s</p>"""
                .formatted(PROSE));
    assertThat(outline.meta().publisher()).isEqualTo("Spine Pages");
    assertThat(outline.meta().published()).isEqualTo("2021-02-03");
  }

  @Test
  void aDisclosuresSummaryHeadsItsAnswer() {
    PageOutline outline =
        HtmlOutline.of(
            "<html><body><article><h2>Questions</h2><details><summary>Is it serious?</summary>"
                + "<p>Pain that eases when you move is rarely serious.</p></details>"
                + "</article></body></html>");
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind, OutlineBlock::level, OutlineBlock::text)
        .containsExactly(
            tuple(OutlineBlock.Kind.HEADING, 2, "Questions"),
            tuple(OutlineBlock.Kind.HEADING, 3, "Is it serious?"),
            tuple(
                OutlineBlock.Kind.PARAGRAPH,
                0,
                "Pain that eases when you move is rarely serious."));
  }

  @Test
  void markdownGivenAsTextKeepsItsHeadingsListsAndWordsWithoutTheMarkup() {
    SplitArticle article =
        ArticleSplitter.split(
            ArticleSource.of(
                "notes.txt",
                """
                # Stiff mornings

                Morning stiffness usually eases within half an hour of moving about.

                ## What helps

                - A **warm** shower
                - A [short walk](https://example.org/walk)

                ### At night

                A pillow between the knees keeps the pelvis level.
                """));
    assertThat(article.title()).isEqualTo("Stiff mornings");
    assertThat(article.blocks())
        .filteredOn(Block::isContent)
        .extracting(Block::headingPath, Block::text)
        .containsExactly(
            tuple(
                List.of(), "Morning stiffness usually eases within half an hour of moving about."),
            tuple(List.of("What helps"), "• A warm shower\n• A short walk"),
            tuple(
                List.of("What helps", "At night"),
                "A pillow between the knees keeps the pelvis level."));
    // A paste with one stray '#' line is not Markdown.
    assertThat(MarkdownText.looksLikeMarkdown("# 1 cause of back pain\nSitting too long."))
        .isFalse();
  }

  @Test
  void aPageThatBreaksLinesInsteadOfMakingParagraphsKeepsItsBoldHeadingsAndParagraphs() {
    PageOutline outline =
        HtmlOutline.of(
            "<html><body><div class=\"text\"><b>Why is it worse at night?</b><br>"
                + "Lying still lets the lower back stiffen.<br><br>"
                + "<b>What helps?</b><br>A pillow between the knees.<br>Moving gently in the"
                + " morning.<br><br>Most people feel better within weeks, <b>even</b> without"
                + " treatment.</div></body></html>");
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind, OutlineBlock::text)
        .containsExactly(
            tuple(OutlineBlock.Kind.HEADING, "Why is it worse at night?"),
            tuple(OutlineBlock.Kind.PARAGRAPH, "Lying still lets the lower back stiffen."),
            tuple(OutlineBlock.Kind.HEADING, "What helps?"),
            tuple(
                OutlineBlock.Kind.PARAGRAPH,
                "A pillow between the knees.\nMoving gently in the morning."),
            // Bold inside a sentence is emphasis, not a heading.
            tuple(
                OutlineBlock.Kind.PARAGRAPH,
                "Most people feel better within weeks, even without treatment."));
  }

  @Test
  void anAccordionPutStraightInAListKeepsItsAnswerPanels() {
    PageOutline outline =
        HtmlOutline.of(
            """
        <title>Back pain questions</title><main><h1>Back pain questions</h1><p>%s</p>
        <ul>
          <button class="toggle"><li>Is some back pain normal?</li></button>
          <div class="panel"><p>Pain of any kind is a sign that a limit has been reached; it should not be shrugged off \
        for weeks without asking why it is there and what eases it.</p></div>
        </ul></main>"""
                .formatted(PROSE));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::text)
        .contains(
            "Pain of any kind is a sign that a limit has"
                + " been reached; it should not be shrugged off for weeks without asking why it is there and what eases it.");
  }

  @Test
  void aParagraphOfNothingButBoldOverTextIsAHeadingBelowTheLastRealOne() {
    PageOutline outline =
        HtmlOutline.of(
            """
        <title>Stiff mornings</title><main><h1>Stiff mornings</h1><p>%s</p>
        <h2>Causes</h2>
        <p><strong>What makes it worse?</strong></p>
        <p>Lying still for many hours lets the joints stiffen.</p>
        <p><b>Note:</b></p>
        <p>Warmth helps.</p>
        <p><strong>Ends in a stop.</strong></p>
        <p>Walking helps too.</p>
        </main>"""
                .formatted(PROSE));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind, OutlineBlock::level, OutlineBlock::text)
        .containsExactly(
            tuple(OutlineBlock.Kind.PARAGRAPH, 0, PROSE),
            tuple(OutlineBlock.Kind.HEADING, 2, "Causes"),
            tuple(OutlineBlock.Kind.HEADING, 3, "What makes it worse?"),
            tuple(
                OutlineBlock.Kind.PARAGRAPH,
                0,
                "Lying still for many hours lets the joints stiffen."),
            tuple(OutlineBlock.Kind.PARAGRAPH, 0, "Note:"),
            tuple(OutlineBlock.Kind.PARAGRAPH, 0, "Warmth helps."),
            tuple(OutlineBlock.Kind.PARAGRAPH, 0, "Ends in a stop."),
            tuple(OutlineBlock.Kind.PARAGRAPH, 0, "Walking helps too."));
  }

  @Test
  void aLinkToThePageItselfIsNotALinkAway() {
    PageOutline outline =
        HtmlOutline.of(
            """
        <title>Stiff mornings</title><main><h1>Stiff mornings</h1><p>%s</p>
        <h4><a href="#answer1">Does it last?</a></h4>
        <h4><a href="/other-page">Another page</a></h4>
        </main>"""
                .formatted(PROSE));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::text, OutlineBlock::linkShare)
        .containsExactly(
            tuple(PROSE, 0.0), tuple("Does it last?", 0.0), tuple("Another page", 1.0));
  }

  @Test
  void boxesOfOneDesignInARowAreOneListAndANumberedLabelOverAHeadingIsItsEyebrow() {
    PageOutline outline =
        HtmlOutline.of(
            """
        <title>Sore knees</title><main><h1>Sore knees</h1><p>%s</p>
        <div class="step-no">4 / <span>Warning signs</span></div>
        <h2>When to worry</h2>
        <p>Short walks are fine.</p>
        </main>
        <div class="side"><h3>Typical complaints</h3>
          <div class="pill"><i class="dot"></i><span>Aching below the kneecap</span></div>
          <div class="pill"><i class="dot"></i><span>Clicking on the stairs</span></div>
          <div class="pill"><i class="dot"></i><span>Swelling after a long run</span></div>
          <div class="pill"><a href="/more">More complaints</a></div>
        </div>"""
                .formatted(PROSE));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind, OutlineBlock::text, OutlineBlock::chrome)
        .containsExactly(
            tuple(OutlineBlock.Kind.PARAGRAPH, PROSE, null),
            tuple(OutlineBlock.Kind.PARAGRAPH, "4 / Warning signs", HtmlOutline.SECTION_LABEL),
            tuple(OutlineBlock.Kind.HEADING, "When to worry", null),
            tuple(OutlineBlock.Kind.PARAGRAPH, "Short walks are fine.", null),
            tuple(OutlineBlock.Kind.HEADING, "Typical complaints", null),
            tuple(
                OutlineBlock.Kind.LIST,
                "• Aching below the kneecap\n• Clicking on the stairs\n• Swelling after a long run",
                null),
            tuple(OutlineBlock.Kind.PARAGRAPH, "More complaints", null));
    // A short paragraph above a heading without a section number is text.
    PageOutline plain =
        HtmlOutline.of(
            "<title>Sore knees</title><main><h1>Sore knees</h1><p>%s</p><p>Rest first</p><h2>Then"
                    .formatted(PROSE)
                + " move</h2><p>Walk.</p></main>");
    assertThat(plain.blocks()).extracting(OutlineBlock::chrome).containsOnlyNulls();
  }

  @Test
  void aCardsLabelNamedAsTheComponentsEyebrowIsASectionLabelAndItsLinkedTitleHeadsItsText() {
    String page =
        """
        <title>Sore knees</title><main><h1>Sore knees</h1><p>%s</p>
        <div class="tile"><div class="tile-eyebrow">First week</div>
          <h3><a href="/rest">Relative rest</a></h3>
          <p>Ease off running and stairs for a week, but keep the knee moving with short walks.</p>
        </div></main>"""
            .formatted(PROSE);
    PageOutline outline = HtmlOutline.of(page);
    assertThat(outline.blocks())
        .extracting(OutlineBlock::text, OutlineBlock::chrome)
        .contains(tuple("First week", HtmlOutline.SECTION_LABEL));
    assertThat(BlockClassifier.classify(outline))
        .containsExactly(null, "section label", null, null);
  }

  @Test
  void aRowOfBoxesThatAreNoItemsStaysParagraphsAndBoxesAfterOneThatIsNoItemStillMakeAList() {
    String row = "<div class=\"cell\"><p>%s</p></div>".formatted(PROSE).repeat(20_000);
    PageOutline big = HtmlOutline.of("<title>Knees</title><main>" + row + "</main>");
    assertThat(big.blocks()).hasSize(20_000);
    PageOutline outline =
        HtmlOutline.of(
            """
        <title>Sore knees</title><main><h1>Sore knees</h1><p>%s</p>
        <div class="pill"><a href="/all">All complaints</a></div>
        <div class="pill">Aching below the kneecap</div>
        <div class="pill">Clicking on the stairs</div>
        <div class="pill">Swelling after a long run</div></main>"""
                .formatted(PROSE));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind)
        .containsExactly(
            OutlineBlock.Kind.PARAGRAPH, OutlineBlock.Kind.PARAGRAPH, OutlineBlock.Kind.LIST);
  }

  @Test
  void textPutStraightInAListIsReadWhereItStands() {
    PageOutline outline =
        HtmlOutline.of(
            """
        <title>Sore knees</title><main><h1>Sore knees</h1><p>%s</p>
        <ul>
          Sitting on a chair:
          <li>Straighten one knee slowly</li>
          <li>Hold it for five seconds</li>
          If it aches, stop there.
        </ul></main>"""
                .formatted(PROSE));
    assertThat(outline.blocks())
        .extracting(OutlineBlock::kind, OutlineBlock::text)
        .containsExactly(
            tuple(OutlineBlock.Kind.PARAGRAPH, PROSE),
            tuple(OutlineBlock.Kind.PARAGRAPH, "Sitting on a chair:"),
            tuple(
                OutlineBlock.Kind.LIST, "• Straighten one knee slowly\n• Hold it for five seconds"),
            tuple(OutlineBlock.Kind.PARAGRAPH, "If it aches, stop there."));
  }
}
