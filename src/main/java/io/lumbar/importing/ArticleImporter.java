package io.lumbar.importing;

import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.db.SectionPaths;
import io.lumbar.importing.ArticleSplitter.Block;
import io.lumbar.importing.ArticleSplitter.SplitArticle;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.passages.PassageEditor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports an article: splits it into passages, classifies them (content, boilerplate, duplicate)
 * and stores article, passages, their first revision, an audit entry and the index changes in one
 * transaction, so a half-imported article is never visible. Importing the same text again adds
 * nothing.
 */
public final class ArticleImporter {
  static final int MAX_CHARS = 2_000_000;

  /** A saved page, markup included; pages with inline images or scripts run to a few megabytes. */
  static final int MAX_PAGE_CHARS = 12_000_000;

  /** A passage must fit MariaDB's TEXT column (65,535 bytes). */
  static final int MAX_PASSAGE_BYTES = 65_535;

  /** The sizes of articles.source_url and articles.publisher. */
  static final int MAX_URL = 2048;

  static final int MAX_PUBLISHER = 200;

  private static final String FIND_ARTICLE = "SELECT id, title FROM articles WHERE checksum = ?";
  private static final String INSERT_ARTICLE =
      """
      INSERT INTO articles (title, publisher, published_on, source_name, source_url, original_text, checksum, imported_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_PASSAGE =
      """
      INSERT INTO passages (article_id, position, heading, section_path, text, original_text, fingerprint, duplicate_of,
                            status, reject_reason, created_by, updated_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_REVISION =
      """
      INSERT INTO passage_revisions (passage_id, version, heading, text, status, reject_reason, changed_by)
      SELECT id, version, heading, text, status, reject_reason, ? FROM passages WHERE article_id = ?
      """;

  /** An earlier passage of another article with the same text, which this one duplicates. */
  private static final String FIND_DUPLICATE =
      """
      SELECT id FROM passages
       WHERE fingerprint = ? AND status <> 'rejected' AND article_id <> ?
       ORDER BY id LIMIT 1
      """;

  private final Database db;

  public ArticleImporter(Database db) {
    this.db = db;
  }

  public ImportSummary importArticle(ArticleSource source, String actor) {
    checkProvenance(source.url(), source.publisher(), source.publishedOn());
    // Non-breaking and zero-width spaces are blank too: a page of them is empty, not a page without
    // paragraphs.
    if (TextOutline.trim(source.content()).isEmpty()) {
      throw new ImportException(source.sourceName() + " is empty: there is no text to import");
    }
    if (source.content().indexOf('\0') >= 0) {
      throw new ImportException(source.sourceName() + " is not a text file");
    }
    if (source.content().length() > MAX_PAGE_CHARS) {
      throw new ImportException(
          source.sourceName() + " is too large: at most " + MAX_PAGE_CHARS + " characters");
    }
    SplitArticle split = ArticleSplitter.split(source);
    ArticleSource described = withPageProvenance(source, split.meta());
    String text = source.html() ? pageText(split) : source.content();
    if (text.isBlank()) {
      throw new ImportException(source.sourceName() + " is empty: there is no text to import");
    }
    if (text.length() > MAX_CHARS) {
      throw new ImportException(
          source.sourceName() + " is too large: at most " + MAX_CHARS + " characters of text");
    }
    String checksum = TextNormalizer.fingerprint(text);
    if (split.blocks().isEmpty()) {
      throw new ImportException(source.sourceName() + " has no paragraphs to import");
    }
    PageChecks.check(source.sourceName(), split);
    for (Block block : split.blocks()) {
      if (block.text().getBytes(StandardCharsets.UTF_8).length > MAX_PASSAGE_BYTES) {
        throw new ImportException(
            source.sourceName()
                + " has a paragraph of over "
                + MAX_PASSAGE_BYTES
                + " bytes at position "
                + block.position()
                + "; split it into paragraphs first");
      }
    }
    String title = firstNonBlank(source.title(), split.title(), baseName(source.sourceName()));
    return db.inTransaction(
        c -> {
          Optional<ImportSummary> existing = findExisting(c, checksum, source.sourceName());
          if (existing.isPresent()) {
            return existing.get();
          }
          long articleId = insertArticle(c, described, title, text, checksum, actor);
          String site = SiteTemplate.site(described.url(), described.publisher()).orElse(null);
          ImportSummary summary =
              insertPassages(c, articleId, site, title, source.sourceName(), split.blocks(), actor);
          try (PreparedStatement st = c.prepareStatement(INSERT_REVISION)) {
            st.setString(1, actor);
            st.setLong(2, articleId);
            st.executeUpdate();
          }
          AuditTrail.record(
              c,
              AuditEntry.of(actor, "article.import", "article", articleId)
                  .with("source", source.sourceName())
                  .with("published", summary.published())
                  .with("rejected", summary.rejected())
                  .with("duplicates", summary.duplicates()));
          return summary;
        });
  }

  private static Optional<ImportSummary> findExisting(
      Connection c, String checksum, String sourceName) throws SQLException {
    // Locks the checksum's index range, so two imports of the same text cannot both insert it.
    try (PreparedStatement st = c.prepareStatement(FIND_ARTICLE + " FOR UPDATE")) {
      st.setString(1, checksum);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          return Optional.of(
              new ImportSummary(sourceName, rs.getLong(1), rs.getString(2), true, 0, 0, 0));
        }
      }
    }
    return Optional.empty();
  }

  private static long insertArticle(
      Connection c, ArticleSource source, String title, String text, String checksum, String actor)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(INSERT_ARTICLE, Statement.RETURN_GENERATED_KEYS)) {
      st.setString(1, truncate(title, 500));
      st.setString(2, blankToNull(source.publisher()));
      st.setObject(3, source.publishedOn());
      st.setString(4, truncate(source.sourceName(), 500));
      st.setString(5, blankToNull(source.url()));
      st.setString(6, text);
      st.setString(7, checksum);
      st.setString(8, actor);
      st.executeUpdate();
      try (ResultSet keys = st.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /**
   * Stores the passages; {@code site} (null when unknown) lets repetition judge them: a block
   * already seen in another article of the site is site template, here and in every earlier copy,
   * unless an editor decided otherwise for the site.
   */
  private static ImportSummary insertPassages(
      Connection c,
      long articleId,
      String site,
      String title,
      String sourceName,
      List<Block> blocks,
      String actor)
      throws SQLException {
    Map<Integer, Long> idByPosition = new HashMap<>();
    List<Long> published = new ArrayList<>();
    Set<Long> earlierCopies = new LinkedHashSet<>();
    int rejected = 0;
    int duplicates = 0;
    // Where each block recurs on the site's other pages (an editor's verdict, the same block, or
    // the
    // same box with the other page's topic put in); a block amid the article's own text is a
    // duplicate rather than template, so that is judged once all repeats are known.
    List<SiteTemplate.Known> known =
        site == null ? List.of() : SiteTemplate.known(c, site, articleId);
    Set<String> topic = NearRepeat.topic(title);
    List<Optional<Boolean>> verdicts = new ArrayList<>();
    List<List<SiteTemplate.Copy>> copiesOf = new ArrayList<>();
    boolean[] repeated = new boolean[blocks.size()];
    for (Block block : blocks) {
      Optional<Boolean> verdict = Optional.empty();
      List<SiteTemplate.Copy> copies = List.of();
      if (site != null && SiteTemplate.recordable(block)) {
        String fingerprint = TextNormalizer.fingerprint(block.text());
        verdict = SiteTemplate.verdict(c, site, fingerprint);
        if (verdict.isEmpty()) {
          copies = SiteTemplate.copies(c, site, fingerprint, articleId);
          if (copies.isEmpty()) {
            copies = SiteTemplate.nearCopies(known, block.text(), topic);
          }
        }
      }
      verdicts.add(verdict);
      copiesOf.add(copies);
      repeated[block.position()] = verdict.orElse(false) || !copies.isEmpty();
    }
    boolean[] amidContent = SiteTemplate.amidContent(blocks, repeated);
    try (PreparedStatement insert =
        c.prepareStatement(INSERT_PASSAGE, Statement.RETURN_GENERATED_KEYS)) {
      for (Block block : blocks) {
        String fingerprint = TextNormalizer.fingerprint(block.text());
        Long duplicateOf =
            block.duplicateOfPosition() != null
                ? idByPosition.get(block.duplicateOfPosition())
                : null;
        String reason = block.rejectReason();
        boolean recorded = site != null && SiteTemplate.recordable(block);
        if (recorded) {
          Optional<Boolean> verdict = verdicts.get(block.position());
          List<SiteTemplate.Copy> copies =
              amidContent[block.position()] ? List.of() : copiesOf.get(block.position());
          if (verdict.orElse(!copies.isEmpty()) && reason == null) {
            reason = SiteTemplate.REASON;
          }
          copies.stream()
              .filter(copy -> !"rejected".equals(copy.status()) && !copy.edited())
              .forEach(copy -> earlierCopies.add(copy.passageId()));
        }
        if (reason == null) {
          duplicateOf = findDuplicateElsewhere(c, fingerprint, articleId);
          if (duplicateOf != null) {
            reason = "duplicate";
          }
        }
        insert.setLong(1, articleId);
        insert.setInt(2, block.position());
        List<String> path = block.headingPath();
        insert.setString(3, block.heading() == null ? null : truncate(block.heading(), 500));
        insert.setString(4, SectionPaths.toColumn(ancestors(path, block.heading())));
        insert.setString(5, block.text());
        insert.setString(6, block.text());
        insert.setString(7, fingerprint);
        if (duplicateOf == null) {
          insert.setNull(8, java.sql.Types.BIGINT);
        } else {
          insert.setLong(8, duplicateOf);
        }
        insert.setString(9, reason == null ? "published" : "rejected");
        insert.setString(10, reason);
        insert.setString(11, actor);
        insert.setString(12, actor);
        insert.executeUpdate();
        long id;
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        idByPosition.put(block.position(), id);
        if (recorded) {
          SiteTemplate.record(c, site, fingerprint, id, articleId);
        }
        if (reason == null) {
          published.add(id);
        } else if (duplicateOf != null) {
          duplicates++;
        } else {
          rejected++;
        }
      }
    }
    ChangeLog.append(c, published);
    for (long copy : earlierCopies) {
      PassageEditor.reject(
          c,
          copy,
          SiteTemplate.REASON,
          actor,
          Map.of("site", site, "recurs_in_article", articleId));
    }
    return new ImportSummary(
        sourceName, articleId, title, false, published.size(), rejected, duplicates);
  }

  /**
   * The headings above the block's own: its path without the last element, which is the heading.
   * Each is cut to the heading column's size, so a path reads the same wherever it is shown.
   */
  private static List<String> ancestors(List<String> path, String heading) {
    List<String> above =
        heading == null || path.isEmpty() ? path : path.subList(0, path.size() - 1);
    return above.stream().map(h -> truncate(h, 500)).toList();
  }

  /**
   * Provenance is optional, but what is given must be usable: an absolute http(s) URL (a link
   * editors and readers will follow), a publisher that fits its column, a publication date that is
   * not in the future.
   */
  /**
   * What the editor gave wins; what the page states about itself (canonical URL, site name,
   * publication date) fills the gaps. A page value that fails the editor's checks is left out
   * rather than refusing the page.
   */
  private static ArticleSource withPageProvenance(ArticleSource source, PageMeta page) {
    String url =
        source.url() != null
            ? source.url()
            : valid(page.url(), () -> checkProvenance(page.url(), null, null));
    String publisher =
        source.publisher() != null && !source.publisher().isBlank()
            ? source.publisher()
            : valid(page.publisher(), () -> checkProvenance(null, page.publisher(), null));
    LocalDate published = source.publishedOn();
    if (published == null && page.published() != null) {
      try {
        LocalDate date = ArticleSource.parseDate(page.published());
        checkProvenance(null, null, date);
        published = date;
      } catch (ImportException e) {
        published = null;
      }
    }
    return new ArticleSource(
        source.sourceName(),
        source.content(),
        source.html(),
        source.title(),
        publisher,
        url,
        published);
  }

  private static String valid(String value, Runnable check) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      check.run();
      return value.strip();
    } catch (ImportException e) {
      return null;
    }
  }

  public static void checkProvenance(
      String sourceUrl, String sourcePublisher, LocalDate publishedOn) {
    String url = blankToNull(sourceUrl);
    if (url != null) {
      if (url.length() > MAX_URL) {
        throw new ImportException("The source URL is too long: at most " + MAX_URL + " characters");
      }
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new ImportException(
            "The source URL '" + url + "' is not a valid URL: " + e.getReason());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getHost().isBlank()) {
        throw new ImportException(
            "The source URL '" + url + "' must be an absolute http:// or https:// address");
      }
    }
    String publisher = blankToNull(sourcePublisher);
    if (publisher != null && publisher.length() > MAX_PUBLISHER) {
      throw new ImportException(
          "The publisher is too long: at most " + MAX_PUBLISHER + " characters");
    }
    // A day's grace: "today" where the publisher is may be tomorrow here.
    if (publishedOn != null && publishedOn.isAfter(LocalDate.now().plusDays(1))) {
      throw new ImportException("The publication date " + publishedOn + " is in the future");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Long findDuplicateElsewhere(Connection c, String fingerprint, long articleId)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(FIND_DUPLICATE)) {
      st.setString(1, fingerprint);
      st.setLong(2, articleId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** The page's text as read: its title and every block, one paragraph each. */
  private static String pageText(SplitArticle split) {
    StringBuilder text = new StringBuilder(split.title() == null ? "" : split.title());
    for (Block block : split.blocks()) {
      text.append(text.isEmpty() ? "" : "\n\n").append(block.text());
    }
    return text.toString();
  }

  private static String firstNonBlank(String... candidates) {
    for (String s : candidates) {
      if (s != null && !s.isBlank()) {
        return s.strip();
      }
    }
    return "Untitled";
  }

  private static String baseName(String sourceName) {
    String name = sourceName.replaceAll(".*[/\\\\]", "");
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
