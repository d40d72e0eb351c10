package io.lumbar.importing;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A site's template, learnt by repetition and from editors: which whole blocks recur across the
 * site's articles (headers, menus, newsletter boxes, footers) and what editors decided about them.
 * Every method works in the caller's transaction, so what is learnt stands or falls with the import
 * or edit that taught it.
 */
public final class SiteTemplate {
  public static final String REASON = "site template";
  private static final int MAX_SITE = 255;

  /**
   * A stored copy of a block in another article of the site; {@code edited}: changed since its
   * import (an editor saved it), so its status is an editor's decision that a later import must not
   * undo.
   */
  record Copy(long passageId, long articleId, String status, boolean edited) {}

  private static final String VERDICT =
      "SELECT template FROM site_template WHERE site = ? AND fingerprint = ?";
  private static final String COPIES =
      """
      SELECT b.passage_id, b.article_id, p.status, p.version > 1
        FROM site_blocks b JOIN passages p ON p.id = b.passage_id
       WHERE b.site = ? AND b.fingerprint = ? AND b.article_id <> ?
       ORDER BY b.passage_id
         FOR UPDATE
      """;

  /**
   * The site's blocks in its other articles, with their text and their article's title, newest
   * first and bounded (a large site's template shows in its recent pages), for near repeats.
   */
  private static final String SITE_BLOCKS =
      """
      SELECT b.passage_id, b.article_id, p.status, p.version > 1, p.text, a.title
        FROM site_blocks b JOIN passages p ON p.id = b.passage_id JOIN articles a ON a.id = b.article_id
       WHERE b.site = ? AND b.article_id <> ?
       ORDER BY b.passage_id DESC
       LIMIT 5000
      """;

  private static final String RECORD =
      """
      INSERT IGNORE INTO site_blocks (site, fingerprint, passage_id, article_id) VALUES (?, ?, ?, ?)
      """;
  private static final String TEACH =
      """
      INSERT INTO site_template (site, fingerprint, template, passage_id, decided_by) VALUES (?, ?, ?, ?, ?)
      ON DUPLICATE KEY UPDATE template = VALUES(template), passage_id = VALUES(passage_id),
                              decided_by = VALUES(decided_by), decided_at = CURRENT_TIMESTAMP(3)
      """;
  private static final String PASSAGE_SITE =
      """
      SELECT a.source_url, a.publisher, p.fingerprint
        FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE p.id = ?
      """;

  /**
   * How many other articles of its site hold each block of an article (blocks on none are left
   * out).
   */
  private static final String OTHER_ARTICLES =
      """
      SELECT mine.passage_id, mine.site, COUNT(DISTINCT other.article_id)
        FROM site_blocks mine
        JOIN site_blocks other ON other.site = mine.site AND other.fingerprint = mine.fingerprint
                              AND other.article_id <> mine.article_id
       WHERE mine.article_id = ?
       GROUP BY mine.passage_id, mine.site
      """;

  private SiteTemplate() {}

  /**
   * The site an article belongs to: the host of its URL without "www.", else its publisher,
   * lower-cased with white space collapsed; empty when neither is known (such an article has no
   * site template).
   */
  public static Optional<String> site(String url, String publisher) {
    if (url != null && !url.isBlank()) {
      try {
        String host = new URI(url.strip()).getHost();
        if (host != null && !host.isBlank()) {
          String h = host.toLowerCase(Locale.ROOT);
          return Optional.of(cut(h.startsWith("www.") ? h.substring(4) : h));
        }
      } catch (URISyntaxException e) {
        // Not a URL: the publisher says which site it is, if anything does.
      }
    }
    if (publisher != null && !publisher.isBlank()) {
      return Optional.of(cut(TextNormalizer.normalize(publisher).toLowerCase(Locale.ROOT)));
    }
    return Optional.empty();
  }

  /**
   * Whether a block's repetition says anything about the site. Used headings are not blocks (they
   * head passages), and a heading whose section is empty or a second copy within the page says
   * nothing more.
   */
  static boolean recordable(ArticleSplitter.Block block) {
    String reason = block.rejectReason();
    return !PassageAssembler.HEADING_WITHOUT_BODY.equals(reason)
        && !PassageAssembler.DUPLICATE.equals(reason);
  }

  /**
   * Which blocks sit amid the article's own text: judged content by the page's signals, and so are
   * the blocks right before and after them (a list intro whose items became paragraphs counts as
   * the article's own; a heading without body does not, menus are made of them). Two more openings
   * count as the article's: its lead paragraph, prose with the article after it and nothing of it
   * before (a site opens related articles with the same definition), and the first block of a
   * section under one of the article's own headings with the article going on after it (headings
   * without body, such as a tab label over the heading, are passed over). A site reuses its own
   * paragraphs between articles (a definition, a list of prevention tips) and they then recur amid
   * content; template stands at the page's edges or next to furniture (a promotion beside its
   * "click here", a newsletter box, a byline). Such a block repeated is a duplicate, not template.
   */
  static boolean[] amidContent(List<ArticleSplitter.Block> blocks) {
    return amidContent(blocks, new boolean[blocks.size()]);
  }

  /**
   * As {@link #amidContent(List)}, knowing which blocks recur on the site's other pages ({@code
   * repeated}, by position): a box the site puts on every page is several content-like blocks in a
   * row, so its blocks must not vouch for each other (nor open a section for each other). A single
   * reused paragraph between the article's own blocks, or opening a section of its own, stays amid
   * content.
   */
  static boolean[] amidContent(List<ArticleSplitter.Block> blocks, boolean[] repeated) {
    boolean[] amid = new boolean[blocks.size()];
    boolean contentBefore = false;
    List<String> sectionBefore = null;
    for (int i = 0; i + 1 < blocks.size(); i++) {
      ArticleSplitter.Block block = blocks.get(i);
      boolean content = block.isContent();
      List<String> path = block.headingPath();
      boolean opensSection =
          !path.isEmpty()
              && !path.equals(sectionBefore)
              && own(nextPastEmptyHeadings(blocks, i), repeated);
      amid[i] =
          content
              && (own(blocks.get(i + 1), repeated)
                      && (i > 0 && own(blocks.get(i - 1), repeated)
                          || !contentBefore && isProse(block.text()))
                  || opensSection);
      if (content) {
        contentBefore = true;
        sectionBefore = path;
      }
    }
    return amid;
  }

  /** The article's own text: {@link #ownText} and not found on the site's other pages. */
  private static boolean own(ArticleSplitter.Block block, boolean[] repeated) {
    return ownText(block) && !repeated[block.position()];
  }

  /** The block after {@code i} that is not a heading without body (the last block when all are). */
  private static ArticleSplitter.Block nextPastEmptyHeadings(
      List<ArticleSplitter.Block> blocks, int i) {
    int next = i + 1;
    while (next + 1 < blocks.size()
        && PassageAssembler.HEADING_WITHOUT_BODY.equals(blocks.get(next).rejectReason())) {
      next++;
    }
    return blocks.get(next);
  }

  /**
   * Sentences of some length: the article's lead paragraph when nothing of the article precedes it.
   */
  private static boolean isProse(String text) {
    return Words.of(text).size() >= 20 && ".!?".indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  private static boolean ownText(ArticleSplitter.Block block) {
    String reason = block.rejectReason();
    return reason == null
        || PassageAssembler.LIST_INTRO_WITHOUT_ITEMS.equals(reason)
        || PassageAssembler.DUPLICATE.equals(reason);
  }

  /**
   * What an editor decided about the block for the site: true template, false not template, empty
   * undecided.
   */
  static Optional<Boolean> verdict(Connection c, String site, String fingerprint)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(VERDICT)) {
      st.setString(1, site);
      st.setString(2, fingerprint);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
      }
    }
  }

  /**
   * The block's copies in the site's other articles, locked, so that a concurrent edit waits for
   * the import.
   */
  static List<Copy> copies(Connection c, String site, String fingerprint, long articleId)
      throws SQLException {
    List<Copy> copies = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(COPIES)) {
      st.setString(1, site);
      st.setString(2, fingerprint);
      st.setLong(3, articleId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          copies.add(new Copy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
        }
      }
    }
    return copies;
  }

  /** A block of another article of the site, as near repeats compare it. */
  record Known(Copy copy, Set<String> shingles) {}

  /**
   * The site's blocks in its other articles that are long enough to be compared as near repeats,
   * each with its shingles (its article's title words masked).
   */
  static List<Known> known(Connection c, String site, long articleId) throws SQLException {
    List<Known> known = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(SITE_BLOCKS)) {
      st.setString(1, site);
      st.setLong(2, articleId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Set<String> shingles =
              NearRepeat.shingles(rs.getString(5), NearRepeat.topic(rs.getString(6)));
          if (!shingles.isEmpty()) {
            known.add(
                new Known(
                    new Copy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)),
                    shingles));
          }
        }
      }
    }
    return known;
  }

  /**
   * The site's blocks that are the same box as {@code text} with another page's topic put in (see
   * {@link NearRepeat}).
   */
  static List<Copy> nearCopies(List<Known> known, String text, Set<String> topic) {
    Set<String> shingles = NearRepeat.shingles(text, topic);
    return known.stream()
        .filter(k -> NearRepeat.same(shingles, k.shingles()))
        .map(Known::copy)
        .toList();
  }

  static void record(Connection c, String site, String fingerprint, long passageId, long articleId)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(RECORD)) {
      st.setString(1, site);
      st.setString(2, fingerprint);
      st.setLong(3, passageId);
      st.setLong(4, articleId);
      st.executeUpdate();
    }
  }

  /**
   * An editor's verdict on a passage's block for its article's site: later imports from the site
   * reject it ({@code template}) or keep it. Nothing is learnt for an article without URL or
   * publisher.
   */
  public static void teach(Connection c, long passageId, boolean template, String actor)
      throws SQLException {
    Optional<SiteBlock> block = siteBlock(c, passageId);
    if (block.isEmpty()) {
      return;
    }
    try (PreparedStatement st = c.prepareStatement(TEACH)) {
      st.setString(1, block.get().site());
      st.setString(2, block.get().fingerprint());
      st.setBoolean(3, template);
      st.setLong(4, passageId);
      st.setString(5, actor);
      st.executeUpdate();
    }
  }

  /**
   * An editor's decision teaches the site's template: rejecting a passage makes its block template
   * for the article's site (later imports from the site reject it, whatever the reason given),
   * publishing one that was rejected as template makes it not template (later imports keep it). The
   * passages' editor calls it on every save ({@code passages/EditorDecisions}).
   */
  public static void learn(
      Connection c, long id, String statusBefore, String reasonBefore, String status, String actor)
      throws SQLException {
    boolean wasRejected = "rejected".equals(statusBefore);
    if (!wasRejected && "rejected".equals(status)) {
      teach(c, id, true, actor);
    } else if (wasRejected
        && "published".equals(status)
        && (REASON.equals(reasonBefore) || taughtTemplate(c, id))) {
      teach(c, id, false, actor);
    }
  }

  /** Whether an editor made the passage's block template for its site. */
  public static boolean taughtTemplate(Connection c, long passageId) throws SQLException {
    Optional<SiteBlock> block = siteBlock(c, passageId);
    return block.isPresent()
        && verdict(c, block.get().site(), block.get().fingerprint()).orElse(false);
  }

  private record SiteBlock(String site, String fingerprint) {}

  /** The passage's site and fingerprint, if its article has a site. */
  private static Optional<SiteBlock> siteBlock(Connection c, long passageId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(PASSAGE_SITE)) {
      st.setLong(1, passageId);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String fingerprint = rs.getString(3);
        return site(rs.getString(1), rs.getString(2)).map(site -> new SiteBlock(site, fingerprint));
      }
    }
  }

  /**
   * Where an article's blocks recur: passage id → (site, number of other articles of the site
   * holding it).
   */
  static Map<Long, Recurrence> recurrences(Connection c, long articleId) throws SQLException {
    Map<Long, Recurrence> found = new HashMap<>();
    try (PreparedStatement st = c.prepareStatement(OTHER_ARTICLES)) {
      st.setLong(1, articleId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getLong(1), new Recurrence(rs.getString(2), rs.getInt(3)));
        }
      }
    }
    return found;
  }

  /** A block that also stands on {@code otherArticles} other articles of {@code site}. */
  record Recurrence(String site, int otherArticles) {}

  private static String cut(String site) {
    return site.length() <= MAX_SITE ? site : site.substring(0, MAX_SITE);
  }
}
