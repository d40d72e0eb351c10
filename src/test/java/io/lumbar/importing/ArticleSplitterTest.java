package io.lumbar.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.importing.ArticleSplitter.SplitArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleSplitterTest {

  private static final String A000 = "000_20ad3e935afa3aeb.txt";
  private static final String A001 = "001_8cfda7e0b691c979.txt";
  private static final String A002 = "002_c9bace54030e4160.txt";
  private static final String A003 = "003_ecbaf5de1a7dd808.txt";
  private static final String A004 = "004_2643f8c96ca16c0f.txt";

  // ---- the five seed articles ----

  @Test
  void article000() {
    SplitArticle article = split(A000);

    assertThat(article.title())
        .isEqualTo("Why Does My Lower Back Hurt When I Lay Down? | Causes & Relief!");
    assertCounts(article, 48, 4, 0);
    // "FAQ" heads the numbered questions below it, so it is part of their heading path, not a
    // heading without body.
    assertThat(startingWith(article, "The common causes of lower back pain").headingPath())
        .containsExactly("FAQ", "What are the common causes of lower back pain when lying down?");
    assertThat(rejected(article))
        .extracting(Block::text, Block::rejectReason)
        .containsExactly(
            tuple("treatment for spinal tumors", "heading without body"),
            tuple("Leave a Reply", "comment form"),
            tuple(
                "Your email address will not be published. Required fields are marked *",
                "comment form"),
            tuple("You May Also Like", "link teaser"));

    assertThat(startingWith(article, "If you’ve ever experienced").heading()).isNull();
    assertThat(startingWith(article, "Lower back pain when lying down can be attributed").heading())
        .isEqualTo("Why Does My Lower Back Hurt When I Lay Down?");
    assertThat(startingWith(article, "One of the primary causes").heading())
        .isEqualTo("Muscle Strains and Sprains");
    assertThat(startingWith(article, "Cold therapy, such as").heading())
        .isEqualTo("Cold and Heat Therapy");

    Block causes = startingWith(article, "Cause Description");
    assertThat(causes.text().split("\n"))
        .hasSize(5)
        .containsExactly(
            "Cause Description",
            "Muscle Strains and Sprains Mechanical injuries resulting from strain on the muscles and ligaments of the back.",
            "Ankylosing Spondylitis Chronic inflammatory condition primarily affecting the spine, leading to stiffness and pain during rest or inactivity.",
            "Spinal Stenosis Narrowing of spaces within the spine, causing pressure on the nerves and resulting in discomfort and pain.",
            "Spinal Tumors Abnormal growths that can compress spinal nerves, leading to localized and sometimes radiating pain.");
    assertThat(startingWith(article, "Medication Type Description").text().split("\n")).hasSize(5);
    Block stenosisTable =
        startingWith(article, "Treatment Options for Spinal Stenosis Benefits Considerations");
    assertThat(stenosisTable.heading()).isEqualTo("treatment for spinal stenosis");
    assertThat(stenosisTable.text().split("\n")).hasSize(17);

    Block tumors = startingWith(article, "Treatment options for spinal tumors may include:");
    assertThat(tumors.isContent()).isTrue();
    assertThat(tumors.text())
        .isEqualTo(
            """
                Treatment options for spinal tumors may include:
                • Chemotherapy
                • Radiation therapy
                • Surgery""");

    // Numbered headings lose their number, like list items.
    assertThat(startingWith(article, "NSAIDs, such as ibuprofen").heading())
        .isEqualTo("Nonsteroidal Anti-Inflammatory Drugs (NSAIDs)");
    assertThat(startingWith(article, "In cases where nonsurgical treatments").heading())
        .isEqualTo("Surgery");
    assertThat(startingWith(article, "The common causes of lower back pain").heading())
        .isEqualTo("What are the common causes of lower back pain when lying down?");
    assertThat(
            startingWith(article, "It is important to note that each treatment option").heading())
        .isEqualTo("Risks and Benefits of Treatment");
    assertThat(startingWith(article, "The nonsurgical treatment approach").isContent()).isTrue();
  }

  @Test
  void article001() {
    SplitArticle article = split(A001);

    assertThat(article.title())
        .isEqualTo("Lower Back Pain When Lying Down: Causes, Treatment, and More");
    assertCounts(article, 24, 15, 0);
    assertThat(rejected(article))
        .extracting(Block::text, Block::rejectReason)
        .containsExactly(
            tuple("2022-11-09 16:42:55 By : Ms. vicky huang", "byline"),
            tuple("Learn more about osteoarthritis.", "link teaser"),
            tuple("Learn more about ankylosing spondylitis.", "link teaser"),
            tuple("Learn more about degenerative disc disease.", "link teaser"),
            tuple("Symptoms of a kidney infection include:", "list intro without items"),
            tuple("Learn more about kidney infections.", "link teaser"),
            tuple(
                "Seek medical care if you have signs of a kidney stone, such as:",
                "list intro without items"),
            tuple("Learn more about kidney stones.", "link teaser"),
            tuple(
                "Also seek medical care if back pain is accompanied by these symptoms:",
                "list intro without items"),
            tuple("Learn more about when to seek medical care for lower back pain.", "link teaser"),
            tuple("Other at-home treatments include:", "list intro without items"),
            tuple(
                "Depending on the underlying cause, medical treatment may include:",
                "list intro without items"),
            tuple(
                "Privacy Policy\u00A0|\u00A0Advertising Policy\u00A0|\u00A0Privacy Preferences Center\u00A0|\u00A0Do Not Sell My Personal Information",
                "legal footer"),
            tuple(
                "© Copyright 2022 Healthgrades Marketplace, LLC, a Red Ventures Company, Patent US Nos. 7,752,060 and "
                    + "8,719,052. All Rights Reserved. Third Party materials included herein protected under copyright law.",
                "legal footer"),
            tuple(
                "Use of this website and any information contained herein is governed by the Healthgrades User "
                    + "Agreement. The content on Healthgrades does not provide medical advice. Always consult a medical "
                    + "provider for diagnosis and treatment.",
                "legal footer"));

    // The headings of this page were lost in the capture: no passage has one.
    assertThat(content(article)).allSatisfy(block -> assertThat(block.heading()).isNull());
    // The sentence before a dangling list intro stays content.
    assertThat(startingWith(article, "Limiting activities").text())
        .isEqualTo(
            "Limiting activities that cause pain to your lower back can help the healing process.");
    assertThat(startingWith(article, "Limiting activities").isContent()).isTrue();
    assertThat(startingWith(article, "Kidney infections require antibiotics").isContent()).isTrue();
    assertThat(startingWith(article, "Several things can cause").text()).endsWith("lying down.");
  }

  @Test
  void article002() {
    SplitArticle article = split(A002);

    assertThat(article.title()).isEqualTo("Why does my lower back hurt when I lie down?");
    assertCounts(article, 15, 6, 0);
    assertThat(rejected(article))
        .extracting(Block::position, Block::text, Block::rejectReason)
        .containsExactly(
            tuple(0, "Skip to main content", "navigation"),
            tuple(1, "Why Does My Lower Back Hurt When I Lay Down", "repeated title"),
            tuple(2, "4 minutes, 19 seconds", "reading time"),
            tuple(
                18,
                "Come find help for your injury or chronic condition today!",
                "heading without body"),
            tuple(19, "Get Help at a Location Near You", "location finder"),
            tuple(20, "Find a Location", "location finder"));

    Block sciatica = startingWith(article, "Sciatica —");
    assertThat(sciatica.heading()).isEqualTo("Sciatica");
    assertThat(sciatica.text())
        .contains("The sciatic nerve is the largest nerve in your body")
        .endsWith("can help ease pinching around the sciatic nerve.")
        .doesNotContain("Strains");
    // Items 2 and 3 are separated by a single newline only, yet are passages of their own.
    // A section's heading heads all its passages, not just the first one.
    assertThat(content(article))
        .extracting(Block::heading)
        .containsExactly(
            null,
            null,
            "Why does my lower back hurt when I lie down?",
            "Why does my lower back hurt when I lie down?",
            "Sciatica",
            "Strains, sprains and tears",
            "Osteoarthritis",
            "Spinal disc herniation",
            "What can you do to stop your lower back from hurting when lying down?",
            "Strengthening exercises",
            "Stretching routines",
            "Hands-on therapy",
            "Alliance PTP is ready to help you find top-notch PT for lower back pain while lying down",
            "Alliance PTP is ready to help you find top-notch PT for lower back pain while lying down",
            "Alliance PTP is ready to help you find top-notch PT for lower back pain while lying down");
    assertThat(startingWith(article, "Sciatica —").headingPath())
        .containsExactly("Why does my lower back hurt when I lie down?", "Sciatica");
    assertThat(startingWith(article, "Strengthening exercises —").text())
        .endsWith("to support your lower back’s mobility and posture, even while lying down.");
    assertThat(startingWith(article, "Hands-on therapy —").text())
        .endsWith("via techniques like dry needling");
    assertThat(content(article))
        .allSatisfy(
            block ->
                assertThat(block.text())
                    .doesNotStartWith("•")
                    .doesNotMatch(Pattern.compile("^\\d\\..*", Pattern.DOTALL)));
    assertThat(startingWith(article, "Thirty-nine percent").heading())
        .isEqualTo("Why does my lower back hurt when I lie down?");
  }

  @Test
  void article003() {
    SplitArticle article = split(A003);

    assertThat(article.title()).isEqualTo("Why Does My Back Hurt When I Lay Down?");
    assertCounts(article, 9, 15, 0);
    assertThat(rejected(article))
        .extracting(Block::text, Block::rejectReason)
        .containsExactly(
            tuple("Skip to content", "navigation"),
            tuple(
                "(Ends Tonight) Enjoy 25% OFF EVERYTHING at Checkout! - Black Friday Sale Is LIVE",
                "sale banner"),
            tuple("Back of Steel - Lower Back Strengthening Program", "heading without body"),
            tuple("Why does my back hurt when I lay down - back of steel", "heading without body"),
            tuple(
                "[1] Donnelly, Joseph M.\u00A0Travell, Simons & Simons Myofascial Pain and Dysfunction: the Trigger "
                    + "Point Manual. 3rd ed., Wolters Kluwer Health, 2019.",
                "reference list"),
            tuple(
                "[2]\u00A0Davies, Clair, and Amber Davies.\u00A0The Trigger Point Therapy Workbook: Your Self-Treatment "
                    + "Guide for Pain Relief. 3rd ed., New Harbinger Publications, Inc., 2013.",
                "reference list"),
            tuple("Leave a comment", "comment form"),
            tuple("Our Guarantee", "shop guarantee"),
            tuple("30 Day Money Back Guarantee", "shop guarantee"),
            tuple("Fast Shipping", "shop guarantee"),
            tuple("Fast Tracked Shipping Worldwide", "shop guarantee"),
            tuple("Secure Checkout", "shop guarantee"),
            tuple("SSL Encrypted Checkout Page", "shop guarantee"),
            tuple("24 / 7 Support", "shop guarantee"),
            tuple("Real People Ready To Help You", "shop guarantee"));

    assertThat(startingWith(article, "\"Why does my back hurt when I lay down\" is a").heading())
        .isNull();
    assertThat(startingWith(article, "Back pain may seem complex").heading())
        .isEqualTo("Why Does My Back Hurt When I Lay Down?");
    Block bedRest = startingWith(article, "Studies show, increased bed rest");
    assertThat(bedRest.isContent()).isTrue();
    assertThat(bedRest.heading()).isEqualTo("Why Does My Back Hurt When I Lay Down - What To Do?");
    assertThat(startingWith(article, "Tight muscles are the biggest culprit").heading())
        .isEqualTo("Why Does My Back Hurt When I Lay Down - QL Muscle");
    // Indentation and trailing non-breaking spaces are trimmed; inner spacing is kept verbatim.
    assertThat(startingWith(article, "Check out my program below").text())
        .endsWith("immune to any future pain.");
  }

  @Test
  void article004() {
    SplitArticle article = split(A004);

    assertThat(article.title()).isNull();
    assertCounts(article, 5, 0, 0);
    assertThat(article.blocks().get(0).text())
        .startsWith("Back pain at night can come from a number of different sources.");
    assertThat(article.blocks()).allSatisfy(block -> assertThat(block.heading()).isNull());
    assertThat(article.blocks().get(4).text()).endsWith("so that the pain does not return.");
  }

  @ParameterizedTest
  @ValueSource(strings = {A000, A001, A002, A003, A004})
  void contentIsFreeOfBoilerplate(String file) {
    SplitArticle article = split(file);
    for (Block block : content(article)) {
      assertThat(block.text())
          .doesNotContain(
              "Skip to",
              "% OFF",
              "Money Back",
              "Privacy Policy",
              "©",
              "Find a Location",
              "Leave a");
      assertThat(block.text().length()).isLessThanOrEqualTo(ArticleSplitter.MAX_PASSAGE_CHARS);
      assertThat(block.text()).isEqualTo(block.text().strip()).doesNotContain("\n\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {A000, A001, A002, A003, A004})
  void blocksAreNumberedInOrderAndConsistent(String file) {
    List<Block> blocks = split(file).blocks();
    assertThat(blocks)
        .extracting(Block::position)
        .containsExactlyElementsOf(IntStream.range(0, blocks.size()).boxed().toList());
    assertThat(blocks)
        .allSatisfy(
            block -> {
              assertThat(block.text()).isNotBlank();
              assertThat(block.duplicateOfPosition() != null)
                  .isEqualTo("duplicate".equals(block.rejectReason()));
              if (!block.isContent()) {
                assertThat(block.heading()).isNull();
              }
            });
  }

  /**
   * Every non-blank source line survives somewhere: in the title, a heading path or a block text.
   */
  @ParameterizedTest
  @ValueSource(strings = {A000, A001, A002, A003, A004})
  void nothingIsLost(String file) {
    SplitArticle article = split(file);
    StringBuilder kept =
        new StringBuilder(article.title() == null ? "" : article.title()).append('\n');
    for (Block block : article.blocks()) {
      kept.append(String.join("\n", block.headingPath()))
          .append('\n')
          .append(block.text())
          .append('\n');
    }
    String all = TextNormalizer.normalize(kept.toString());
    for (String line : resource(file).split("\n")) {
      String normalized = TextNormalizer.normalize(line).replaceFirst("^(\\d{1,2}\\.|•) ", "");
      if (!normalized.isEmpty()) {
        assertThat(all).contains(normalized);
      }
    }
  }

  // ---- rules on small inputs ----

  @Test
  void exactDuplicatesPointAtTheFirstCopy() {
    SplitArticle article =
        ArticleSplitter.split(
            """
                Title Here

                It's wise to rest when the pain is "acute" - then move gently.

                Stretching

                It’s wise to rest when the pain is “acute” —\u00A0 then  move gently.
                """);
    assertThat(article.blocks())
        .extracting(
            Block::position, Block::heading, Block::rejectReason, Block::duplicateOfPosition)
        .containsExactly(tuple(0, null, null, null), tuple(1, "Stretching", "duplicate", 0));
  }

  @Test
  void repeatedTitleIsNotAHeading() {
    SplitArticle article =
        ArticleSplitter.split(
            """
                Sleeping With Sciatica

                Sleeping with sciatica

                Lying on your side with a pillow between the knees takes pressure off the nerve.""");
    assertThat(article.title()).isEqualTo("Sleeping With Sciatica");
    assertThat(article.blocks())
        .extracting(Block::heading, Block::text, Block::rejectReason)
        .containsExactly(
            tuple(null, "Sleeping with sciatica", "repeated title"),
            tuple(
                null,
                "Lying on your side with a pillow between the knees takes pressure off the nerve.",
                null));
  }

  @Test
  void headingsWithoutBodyAreKeptAsRejectedBlocks() {
    SplitArticle article =
        ArticleSplitter.split(
            "Title\r\n\r\nFirst\r\n\r\nSecond\r\n \r\nBody text that is a sentence.\r\n\r\nLast");
    assertThat(article.blocks())
        .extracting(Block::heading, Block::text, Block::rejectReason)
        .containsExactly(
            tuple(null, "First", "heading without body"),
            tuple("Second", "Body text that is a sentence.", null),
            tuple(null, "Last", "heading without body"));
  }

  @Test
  void boilerplateNeverBecomesTitleOrHeading() {
    SplitArticle article =
        ArticleSplitter.split(
            """
                Skip to content

                Read more

                Sciatica at Night

                Leave a comment

                Sciatic pain often gets worse when lying down for long periods.""");
    assertThat(article.title()).isEqualTo("Sciatica at Night");
    assertThat(article.blocks())
        .extracting(Block::heading, Block::rejectReason)
        .containsExactly(
            tuple(null, "navigation"),
            tuple(null, "link teaser"),
            tuple(null, "comment form"),
            tuple(null, null));
  }

  @Test
  void shortItemsJoinTheirIntroEvenAcrossBlankLines() {
    SplitArticle article =
        ArticleSplitter.split(
            """
                Title

                Red flags include:

                - fever
                - numbness in the groin

                See a doctor at once if you notice any of them.""");
    assertThat(content(article))
        .extracting(Block::text)
        .containsExactly(
            "Red flags include:\n- fever\n- numbness in the groin",
            "See a doctor at once if you notice any of them.");
  }

  @Test
  void labelsRunTogetherWithTheirValuesAreTextNotHeadings() {
    SplitArticle article =
        ArticleSplitter.split(
            """
                Disc trouble

                Pain relief:Paracetamol and Naproxen

                Known in daily speech as slipped discOr, in short, bulging disc

                Treatment

                Most people recover within six weeks of gentle activity.""");
    assertThat(article.blocks())
        .extracting(Block::heading, Block::text, Block::rejectReason)
        .containsExactly(
            tuple(null, "Pain relief:Paracetamol and Naproxen", null),
            tuple(null, "Known in daily speech as slipped discOr, in short, bulging disc", null),
            tuple("Treatment", "Most people recover within six weeks of gentle activity.", null));
  }

  @Test
  void anIntroEndingInADashAnnouncesItsItems() {
    SplitArticle article =
        ArticleSplitter.split(
            """
                Title
                A few habits protect the lower back over the years-
                Lift with bent knees
                Keep the load close
                Rest
                Short breaks from sitting help more than long ones in bed.
                Stretch
                A gentle stretch each morning eases stiffness in the lower back.
                Sleep
                A medium-firm mattress keeps the spine straight through the night.""");
    assertThat(content(article))
        .extracting(Block::text)
        .first()
        .isEqualTo(
            "A few habits protect the lower back over the years-\n• Lift with bent knees\n• Keep the load close");
  }

  @Test
  void overlongPassagesAreSplitAtSentenceEnds() {
    String text =
        IntStream.rangeClosed(1, 40)
            .mapToObj(
                i ->
                    "Gentle walking on day "
                        + i
                        + " keeps the lumbar muscles supple and feeds the discs.")
            .collect(Collectors.joining(" "));
    SplitArticle article = ArticleSplitter.split("Walking\n\n" + text);
    assertThat(article.blocks())
        .hasSize(3)
        .allSatisfy(
            block -> {
              assertThat(block.isContent()).isTrue();
              assertThat(block.text().length())
                  .isLessThanOrEqualTo(ArticleSplitter.MAX_PASSAGE_CHARS);
              assertThat(block.text()).startsWith("Gentle walking").endsWith("discs.");
            });
    assertThat(article.blocks())
        .extracting(Block::text)
        .containsExactly(
            text.substring(0, text.indexOf(" Gentle walking on day 20")),
            text.substring(
                text.indexOf("Gentle walking on day 20"),
                text.indexOf(" Gentle walking on day 39")),
            text.substring(text.indexOf("Gentle walking on day 39")));
    assertThat(article.title()).isEqualTo("Walking");
  }

  // ---- helpers ----

  private static SplitArticle split(String file) {
    return ArticleSplitter.split(resource(file));
  }

  static String resource(String file) {
    try (InputStream in = ArticleSplitterTest.class.getResourceAsStream("/articles/" + file)) {
      assertThat(in).as(file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertCounts(
      SplitArticle article, int content, int rejected, int duplicates) {
    assertThat(content(article)).as("content blocks").hasSize(content);
    assertThat(rejected(article)).as("rejected blocks").hasSize(rejected);
    assertThat(article.blocks())
        .filteredOn(b -> "duplicate".equals(b.rejectReason()))
        .as("duplicates")
        .hasSize(duplicates);
  }

  private static List<Block> content(SplitArticle article) {
    return article.blocks().stream().filter(Block::isContent).toList();
  }

  private static List<Block> rejected(SplitArticle article) {
    return article.blocks().stream().filter(b -> !b.isContent()).toList();
  }

  private static Block startingWith(SplitArticle article, String prefix) {
    List<Block> matches =
        article.blocks().stream().filter(b -> b.text().startsWith(prefix)).toList();
    assertThat(matches).as("blocks starting with '%s'", prefix).hasSize(1);
    return matches.get(0);
  }
}
