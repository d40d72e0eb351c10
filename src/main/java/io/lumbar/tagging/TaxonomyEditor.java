package io.lumbar.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.changes.ChangeSets;
import io.lumbar.db.DataAccessException;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.tagging.TagSummary.Ref;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Changes to the taxonomy's structure and wording. Every write is one transaction with an audit
 * entry and, when the index stores something that changed (a tag's name, or which live tags a
 * passage has), an index change for every affected passage, so search follows within a second.
 */
final class TaxonomyEditor {
  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_ALIASES = 20;
  static final int MAX_ALIAS = 100;
  static final Set<String> KINDS = Set.of("cause", "treatment");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  /**
   * What a merge did: passages newly tagged with the target, passages that already had it, and its
   * change set.
   */
  record MergeReport(int moved, int already, long changeSet) {}

  /** A new tag as typed in the create form; slug and parent may be blank. */
  record NewTag(
      String kind, String name, String slug, String description, String aliases, String parent) {}

  /** A tag as the writes need it, read under a row lock. */
  private record Row(
      long id,
      String kind,
      String slug,
      String name,
      List<String> aliases,
      Long parentId,
      boolean retired) {}

  private static final String LIST =
      """
      SELECT t.id, t.kind, t.slug, t.name, t.description, t.aliases, p.slug, p.name, t.retired_at IS NOT NULL,
             (SELECT COUNT(*) FROM passage_tags pt WHERE pt.tag_id = t.id), t.warning_sign
        FROM tags t LEFT JOIN tags p ON p.id = t.parent_id
       ORDER BY t.kind, t.retired_at IS NOT NULL, t.name
      """;
  private static final String LINKS =
      """
      SELECT c.id, c.slug, c.name, tr.id, tr.slug, tr.name
        FROM tag_links l JOIN tags c ON c.id = l.cause_id JOIN tags tr ON tr.id = l.treatment_id
       ORDER BY c.name, tr.name
      """;
  private static final String ROW =
      """
      SELECT id, kind, slug, name, aliases, parent_id, retired_at IS NOT NULL FROM tags WHERE slug = ? FOR UPDATE
      """;
  private static final String PARENT_OF =
      """
      SELECT parent_id FROM tags WHERE id = ?
      """;
  private static final String NAME_TAKEN =
      """
      SELECT EXISTS (SELECT 1 FROM tags WHERE kind = ? AND name = ? AND id <> ?)
      """;
  private static final String SLUG_TAKEN =
      """
      SELECT EXISTS (SELECT 1 FROM tags WHERE slug = ?)
      """;
  private static final String INSERT =
      """
      INSERT INTO tags (kind, slug, name, description, aliases, parent_id) VALUES (?, ?, ?, ?, ?, ?)
      """;
  private static final String DESCRIBE =
      """
      UPDATE tags SET description = ?, aliases = ? WHERE id = ?
      """;
  private static final String SET_ALIASES =
      """
      UPDATE tags SET aliases = ? WHERE id = ?
      """;

  private static final String SET_WARNING_SIGN =
      """
      UPDATE tags SET warning_sign = ? WHERE id = ? AND warning_sign <> ?
      """;
  private static final String RENAME =
      """
      UPDATE tags SET name = ? WHERE id = ?
      """;
  private static final String SET_PARENT =
      """
      UPDATE tags SET parent_id = ? WHERE id = ?
      """;
  private static final String RETIRE =
      """
      UPDATE tags SET retired_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND retired_at IS NULL
      """;
  private static final String RESTORE =
      """
      UPDATE tags SET retired_at = NULL WHERE id = ?
      """;
  private static final String PASSAGES_OF =
      """
      SELECT passage_id FROM passage_tags WHERE tag_id = ? ORDER BY passage_id
      """;
  private static final String CHILDREN_OF =
      """
      SELECT id FROM tags WHERE parent_id = ? ORDER BY id
      """;

  /**
   * For a merge's confirmation: the source's passages that also have the target, its links, its
   * children.
   */
  private static final String MERGE_COUNTS =
      """
      SELECT (SELECT COUNT(*) FROM passage_tags s JOIN passage_tags t ON t.passage_id = s.passage_id AND t.tag_id = ?
               WHERE s.tag_id = ?),
             (SELECT COUNT(*) FROM tag_links WHERE cause_id = ? OR treatment_id = ?),
             (SELECT COUNT(*) FROM tags WHERE parent_id = ?)
      """;

  private static final String COPY_PASSAGE_TAGS =
      """
      INSERT IGNORE INTO passage_tags (passage_id, tag_id, tagged_by)
      SELECT passage_id, ?, ? FROM passage_tags WHERE tag_id = ?
      """;
  private static final String DELETE_PASSAGE_TAGS =
      """
      DELETE FROM passage_tags WHERE tag_id = ?
      """;
  private static final String COPY_CAUSE_LINKS =
      """
      INSERT IGNORE INTO tag_links (cause_id, treatment_id, created_by)
      SELECT ?, treatment_id, created_by FROM tag_links WHERE cause_id = ?
      """;
  private static final String COPY_TREATMENT_LINKS =
      """
      INSERT IGNORE INTO tag_links (cause_id, treatment_id, created_by)
      SELECT cause_id, ?, created_by FROM tag_links WHERE treatment_id = ?
      """;
  private static final String DELETE_LINKS =
      """
      DELETE FROM tag_links WHERE cause_id = ? OR treatment_id = ?
      """;
  private static final String MOVE_CHILDREN =
      """
      UPDATE tags SET parent_id = IF(id = ?, NULL, ?) WHERE parent_id = ?
      """;
  private static final String LINK =
      """
      INSERT IGNORE INTO tag_links (cause_id, treatment_id, created_by) VALUES (?, ?, ?)
      """;
  private static final String UNLINK =
      """
      DELETE FROM tag_links WHERE cause_id = ? AND treatment_id = ?
      """;

  private final Database db;
  private final ObjectMapper json = Json.mapper();

  TaxonomyEditor(Database db) {
    this.db = db;
  }

  /** Every tag, retired ones too: causes first, then treatments, live before retired, by name. */
  List<TagSummary> list() {
    return db.read(
        c -> {
          Map<Long, List<Ref>> links = new HashMap<>();
          try (PreparedStatement st = c.prepareStatement(LINKS);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              links
                  .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                  .add(new Ref(rs.getString(5), rs.getString(6)));
              links
                  .computeIfAbsent(rs.getLong(4), id -> new ArrayList<>())
                  .add(new Ref(rs.getString(2), rs.getString(3)));
            }
          }
          List<TagSummary> tags = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(LIST);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              long id = rs.getLong(1);
              String parentSlug = rs.getString(7);
              tags.add(
                  new TagSummary(
                      id,
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      readAliases(rs.getString(6)),
                      parentSlug == null ? null : new Ref(parentSlug, rs.getString(8)),
                      rs.getBoolean(9),
                      rs.getInt(10),
                      links.getOrDefault(id, List.of()),
                      rs.getBoolean(11)));
            }
          }
          return tags;
        });
  }

  TagSummary find(String slug) {
    return list().stream()
        .filter(t -> t.slug().equals(slug))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Tag", slug));
  }

  /** Creates a tag; returns its slug (derived from the name unless given). */
  String create(NewTag tag, String actor) {
    String kind = tag.kind() == null ? "" : tag.kind().strip();
    if (!KINDS.contains(kind)) {
      throw new BadRequestException("'kind' must be cause or treatment");
    }
    String name = name(tag.name());
    String slug = isBlank(tag.slug()) ? slugOf(name) : tag.slug().strip();
    if (slug.length() > MAX_NAME || !SLUG.matcher(slug).matches()) {
      throw new BadRequestException(
          "A slug is lower-case letters and digits joined by single hyphens, at most "
              + MAX_NAME
              + " characters");
    }
    String description = description(tag.description());
    List<String> aliases = aliases(tag.aliases());
    return db.inTransaction(
        c -> {
          requireFreeName(c, kind, name, 0);
          if (exists(c, SLUG_TAKEN, slug)) {
            throw new BadRequestException("The slug '" + slug + "' is taken; choose another slug");
          }
          Long parentId = null;
          if (!isBlank(tag.parent())) {
            Row parent = row(c, tag.parent().strip());
            requireParent(c, kind, 0, parent);
            parentId = parent.id();
          }
          long id;
          try (PreparedStatement st = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, kind);
            st.setString(2, slug);
            st.setString(3, name);
            st.setString(4, description);
            st.setString(5, write(aliases));
            st.setObject(6, parentId);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          } catch (SQLIntegrityConstraintViolationException e) {
            // Someone took the slug between the check and the insert.
            throw new BadRequestException("The slug '" + slug + "' is taken; choose another slug");
          }
          AuditTrail.record(
              c,
              tagChange(actor, "tag.create", id)
                  .with("kind", kind)
                  .with("slug", slug)
                  .with("name", name));
          return slug;
        });
  }

  /**
   * Description and lay aliases: the wording editors keep up; search reads aliases from the
   * vocabulary.
   */
  void describe(String slug, String description, String aliasLines, String actor) {
    String text = description(description);
    List<String> aliases = aliases(aliasLines);
    db.inTransaction(
        c -> {
          Row tag = row(c, slug);
          update(c, DESCRIBE, text, write(aliases), tag.id());
          AuditTrail.record(
              c,
              tagChange(actor, "tag.describe", tag.id())
                  .with("slug", slug)
                  .with("aliases", aliases));
          return null;
        });
  }

  /**
   * Marks the tag as a warning sign, or no longer: a query naming it then shows the advice to see a
   * doctor above the results (see search's WarningSigns). The index does not store the flag;
   * search's vocabulary reloads it.
   */
  void setWarningSign(String slug, boolean warningSign, String actor) {
    db.inTransaction(
        c -> {
          Row tag = row(c, slug);
          if (update(c, SET_WARNING_SIGN, warningSign, tag.id(), warningSign) > 0) {
            AuditTrail.record(
                c,
                tagChange(actor, "tag.warning-sign", tag.id())
                    .with("slug", slug)
                    .with("warningSign", warningSign));
          }
          return null;
        });
  }

  /**
   * A new name; the slug (and so every link to the tag) stays. The index stores names: tagged
   * passages are re-indexed.
   */
  void rename(String slug, String newName, String actor) {
    String name = name(newName);
    db.inTransaction(
        c -> {
          Row tag = row(c, slug);
          requireFreeName(c, tag.kind(), name, tag.id());
          update(c, RENAME, name, tag.id());
          AuditTrail.record(
              c,
              tagChange(actor, "tag.rename", tag.id())
                  .with("slug", slug)
                  .with("from", tag.name())
                  .with("to", name));
          ChangeLog.append(c, passagesOf(c, tag.id()));
          return null;
        });
  }

  /** Sets or (with a blank parent) clears the parent; the index does not store parents. */
  void setParent(String slug, String parentSlug, String actor) {
    db.inTransaction(
        c -> {
          Row tag = row(c, slug);
          Row parent = isBlank(parentSlug) ? null : row(c, parentSlug.strip());
          if (parent != null) {
            requireParent(c, tag.kind(), tag.id(), parent);
          }
          update(c, SET_PARENT, parent == null ? null : parent.id(), tag.id());
          AuditTrail.record(
              c,
              tagChange(actor, "tag.parent", tag.id())
                  .with("slug", slug)
                  .with("parent", parent == null ? null : parent.slug()));
          return null;
        });
  }

  /**
   * Retires (or restores) a tag: search and the tag list leave it out; its passages keep the row
   * for a restore. A retirement is a change set, so it can be undone; answers its id (0 for a
   * restore or when nothing changed).
   */
  long retire(String slug, boolean retire, String actor) {
    return db.inTransaction(
        c -> {
          Row tag = row(c, slug);
          if (tag.retired() == retire) {
            return 0L;
          }
          ChangeSets.Watch watch =
              retire ? ChangeSets.watch(c, List.of(), List.of(tag.id())) : null;
          update(c, retire ? RETIRE : RESTORE, tag.id());
          List<Long> passages = passagesOf(c, tag.id());
          long changeSet =
              watch == null
                  ? 0
                  : watch.record(
                      c,
                      actor,
                      "tag.retire",
                      "retired " + tag.name() + ", which " + passages(passages.size()) + " had");
          AuditEntry entry =
              tagChange(actor, retire ? "tag.retire" : "tag.restore", tag.id()).with("slug", slug);
          AuditTrail.record(c, changeSet > 0 ? entry.with("change_set", changeSet) : entry);
          ChangeLog.append(c, passages);
          return changeSet;
        });
  }

  /** What retiring the tag would change, for its confirmation. */
  List<String> retirePreview(String slug) {
    return db.read(
        c -> {
          Row tag = row(c, slug);
          if (tag.retired()) {
            throw new BadRequestException(tag.name() + " is retired already");
          }
          return List.of(
              "Retires " + tag.name() + ": search, its filters and the tag lists leave it out.",
              "Hides "
                  + tag.name()
                  + " on "
                  + passages(passagesOf(c, tag.id()).size())
                  + " (their tag rows stay, for a restore).");
        });
  }

  /** What merging would change, for its confirmation; refused as {@link #merge} refuses. */
  List<String> mergePreview(String sourceSlug, String targetSlug) {
    return db.read(
        c -> {
          Row source = row(c, sourceSlug);
          Row target = requireMergeable(c, source, targetSlug);
          int passages = passagesOf(c, source.id()).size();
          long already;
          long links;
          long children;
          try (PreparedStatement st = c.prepareStatement(MERGE_COUNTS)) {
            st.setLong(1, target.id());
            st.setLong(2, source.id());
            st.setLong(3, source.id());
            st.setLong(4, source.id());
            st.setLong(5, source.id());
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              already = rs.getLong(1);
              links = rs.getLong(2);
              children = rs.getLong(3);
            }
          }
          return List.of(
              "Removes " + source.name() + " from " + passages(passages) + ".",
              "Adds "
                  + target.name()
                  + " to "
                  + passages(passages - already)
                  + " ("
                  + already
                  + " have it already).",
              "Moves "
                  + links
                  + " link"
                  + (links == 1 ? "" : "s")
                  + " and "
                  + children
                  + " child tag"
                  + (children == 1 ? "" : "s")
                  + " to "
                  + target.name()
                  + ", and adds "
                  + source.name()
                  + " and its aliases to its aliases.",
              "Retires " + source.name() + ".");
        });
  }

  private static String passages(long n) {
    return n + (n == 1 ? " passage" : " passages");
  }

  /**
   * Folds {@code sourceSlug} into {@code targetSlug}: its passages, links and children follow, its
   * name and aliases become the target's aliases (so people's words still find the passages), and
   * it is retired.
   */
  MergeReport merge(String sourceSlug, String targetSlug, String actor) {
    return db.inTransaction(
        c -> {
          Row source = row(c, sourceSlug);
          Row target = requireMergeable(c, source, targetSlug);
          List<Long> passages = passagesOf(c, source.id());
          List<Long> tags = new ArrayList<>(List.of(source.id(), target.id()));
          tags.addAll(idsOf(c, CHILDREN_OF, source.id()));
          ChangeSets.Watch watch = ChangeSets.watch(c, passages, tags);
          int moved = update(c, COPY_PASSAGE_TAGS, target.id(), actor, source.id());
          update(c, DELETE_PASSAGE_TAGS, source.id());
          update(c, COPY_CAUSE_LINKS, target.id(), source.id());
          update(c, COPY_TREATMENT_LINKS, target.id(), source.id());
          update(c, DELETE_LINKS, source.id(), source.id());
          update(c, MOVE_CHILDREN, target.id(), target.id(), source.id());
          update(c, SET_ALIASES, write(mergedAliases(source, target)), target.id());
          update(c, RETIRE, source.id());
          long changeSet =
              watch.record(
                  c,
                  actor,
                  "tag.merge",
                  "merged "
                      + source.name()
                      + " into "
                      + target.name()
                      + ": "
                      + passages(moved)
                      + " moved, "
                      + (passages.size() - moved)
                      + " had it already");
          MergeReport report = new MergeReport(moved, passages.size() - moved, changeSet);
          AuditTrail.record(
              c,
              tagChange(actor, "tag.merge", source.id())
                  .with("slug", source.slug())
                  .with("into", target.slug())
                  .with("moved", report.moved())
                  .with("already", report.already())
                  .with("change_set", changeSet));
          ChangeLog.append(c, passages);
          return report;
        });
  }

  /**
   * Links a cause to a treatment the corpus supports (or removes the link); either side may be
   * given first.
   */
  void link(String slug, String otherSlug, boolean link, String actor) {
    if (isBlank(otherSlug)) {
      throw new BadRequestException("Choose the tag to link");
    }
    db.inTransaction(
        c -> {
          Row one = row(c, slug);
          Row other = row(c, otherSlug.strip());
          if (one.kind().equals(other.kind())) {
            throw new BadRequestException("Links go from a cause to a treatment");
          }
          Row cause = one.kind().equals("cause") ? one : other;
          Row treatment = cause == one ? other : one;
          int changed =
              link
                  ? update(c, LINK, cause.id(), treatment.id(), actor)
                  : update(c, UNLINK, cause.id(), treatment.id());
          if (changed > 0) {
            AuditTrail.record(
                c,
                tagChange(actor, link ? "tag.link" : "tag.unlink", cause.id())
                    .with("cause", cause.slug())
                    .with("treatment", treatment.slug()));
          }
          return null;
        });
  }

  /**
   * Aliases from the form: one per line, trimmed, lower-cased, deduplicated; blank lines dropped.
   */
  static List<String> aliases(String lines) {
    Set<String> aliases = new LinkedHashSet<>();
    for (String line : (lines == null ? "" : lines).split("\\R")) {
      String alias = line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (alias.length() > MAX_ALIAS) {
        throw new BadRequestException(
            "An alias has at most " + MAX_ALIAS + " characters: " + alias.substring(0, 40) + "…");
      }
      if (!alias.isEmpty()) {
        aliases.add(alias);
      }
    }
    if (aliases.size() > MAX_ALIASES) {
      throw new BadRequestException(
          "A tag has at most " + MAX_ALIASES + " aliases, got " + aliases.size());
    }
    return List.copyOf(aliases);
  }

  /**
   * A URL-safe slug from a name: accents folded, lower case, runs of anything else become one
   * hyphen.
   */
  static String slugOf(String name) {
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (slug.isEmpty()) {
      throw new BadRequestException(
          "The name needs a letter or digit for its slug; or give a slug");
    }
    return slug;
  }

  private static String name(String raw) {
    String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      throw new BadRequestException("A tag needs a name");
    }
    if (name.length() > MAX_NAME) {
      throw new BadRequestException("A name has at most " + MAX_NAME + " characters");
    }
    return name;
  }

  private static String description(String raw) {
    if (isBlank(raw)) {
      return null;
    }
    String description = raw.strip();
    if (description.length() > MAX_DESCRIPTION) {
      throw new BadRequestException("A description has at most " + MAX_DESCRIPTION + " characters");
    }
    return description;
  }

  /**
   * The target's aliases, then the source's name and aliases, without repeats or the target's own
   * name.
   */
  private static List<String> mergedAliases(Row source, Row target) {
    Set<String> merged = new LinkedHashSet<>(target.aliases());
    merged.add(source.name().toLowerCase(Locale.ROOT));
    merged.addAll(source.aliases());
    merged.remove(target.name().toLowerCase(Locale.ROOT));
    return List.copyOf(merged);
  }

  private static void requireFreeName(Connection c, String kind, String name, long exceptId)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(NAME_TAKEN)) {
      st.setString(1, kind);
      st.setString(2, name);
      st.setLong(3, exceptId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          throw new BadRequestException("There is already a " + kind + " named '" + name + "'");
        }
      }
    }
  }

  /** A parent is a live tag of the same kind that is neither the tag itself nor below it. */
  private static void requireParent(Connection c, String kind, long tagId, Row parent)
      throws SQLException {
    if (!parent.kind().equals(kind)) {
      throw new BadRequestException(
          "A "
              + kind
              + "'s parent must be a "
              + kind
              + "; "
              + parent.name()
              + " is a "
              + parent.kind());
    }
    if (parent.retired()) {
      throw new BadRequestException(parent.name() + " is retired and cannot be a parent");
    }
    Long up = parent.id();
    for (int depth = 0; up != null && depth < 100; depth++) {
      if (up == tagId) {
        throw new BadRequestException("A tag cannot be its own parent or sit below itself");
      }
      try (PreparedStatement st = c.prepareStatement(PARENT_OF)) {
        st.setLong(1, up);
        try (ResultSet rs = st.executeQuery()) {
          up = rs.next() ? rs.getObject(1, Long.class) : null;
        }
      }
    }
  }

  private Row row(Connection c, String slug) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ROW)) {
      st.setString(1, slug);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Tag", slug);
        }
        return new Row(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            readAliases(rs.getString(5)),
            rs.getObject(6, Long.class),
            rs.getBoolean(7));
      }
    }
  }

  /** The merge target, when {@code source} may merge into it: another live tag of the same kind. */
  private Row requireMergeable(Connection c, Row source, String targetSlug) throws SQLException {
    if (isBlank(targetSlug)) {
      throw new BadRequestException("Choose the tag to merge into");
    }
    Row target = row(c, targetSlug.strip());
    if (source.id() == target.id()) {
      throw new BadRequestException("A tag cannot be merged into itself");
    }
    if (!source.kind().equals(target.kind())) {
      throw new BadRequestException(
          "Only tags of one kind merge: "
              + source.name()
              + " is a "
              + source.kind()
              + ", "
              + target.name()
              + " a "
              + target.kind());
    }
    if (source.retired() || target.retired()) {
      throw new BadRequestException(
          "Both tags must be live to merge; restore the retired one first");
    }
    return target;
  }

  private static List<Long> passagesOf(Connection c, long tagId) throws SQLException {
    return idsOf(c, PASSAGES_OF, tagId);
  }

  private static List<Long> idsOf(Connection c, String sql, long tagId) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, tagId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, value);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        st.setObject(i + 1, values[i]);
      }
      return st.executeUpdate();
    }
  }

  /** A change to a tag, recorded in the change's transaction so both commit or neither. */
  private static AuditEntry tagChange(String actor, String action, long tagId) {
    return AuditEntry.of(actor, action, "tag", tagId);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> readAliases(String raw) {
    try {
      return raw == null ? List.of() : json.readValue(raw, STRINGS);
    } catch (JsonProcessingException e) {
      throw new DataAccessException("Tag aliases are not a JSON list: " + raw, e);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
