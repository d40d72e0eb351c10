package io.lumbar.search;

import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Editors' search synonyms in MariaDB, one Solr-format rule per row, checked before they are saved.
 * Every node picks changes up within a second ({@link LiveVocabulary}); call {@link
 * LiveVocabulary#reloadNow()} after a change to use it on this node's very next search.
 */
public final class SynonymRules {
  /** One stored rule. */
  public record Rule(long id, String rule, String updatedBy) {}

  private static final String LIST =
      """
      SELECT id, rule, updated_by FROM synonym_rules ORDER BY id
      """;
  private static final String INSERT =
      """
      INSERT INTO synonym_rules (rule, created_by, updated_by) VALUES (?, ?, ?)
      """;
  private static final String UPDATE =
      """
      UPDATE synonym_rules SET rule = ?, updated_by = ? WHERE id = ?
      """;
  private static final String DELETE =
      """
      DELETE FROM synonym_rules WHERE id = ?
      """;
  private static final String RULE =
      """
      SELECT rule FROM synonym_rules WHERE id = ? FOR UPDATE
      """;
  static final int MAX_RULE_LENGTH = 1000;

  private final Database db;

  public SynonymRules(Database db) {
    this.db = db;
  }

  public List<Rule> list() {
    return db.read(
        c -> {
          List<Rule> rules = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(LIST);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              rules.add(new Rule(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
          }
          return rules;
        });
  }

  /**
   * Checks and saves a rule; {@link IllegalArgumentException} says what is wrong with a bad one.
   */
  public Rule add(String rule, String actor) {
    String checked = check(rule);
    return db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, checked);
            st.setString(2, actor);
            st.setString(3, actor);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
              keys.next();
              Rule added = new Rule(keys.getLong(1), checked, actor);
              audit(c, actor, "synonym.add", added.id(), checked);
              return added;
            }
          }
        });
  }

  public Rule update(long id, String rule, String actor) {
    String checked = check(rule);
    return db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(UPDATE)) {
            st.setString(1, checked);
            st.setString(2, actor);
            st.setLong(3, id);
            if (st.executeUpdate() == 0) {
              throw new NotFoundException("Synonym rule", id);
            }
            audit(c, actor, "synonym.change", id, checked);
            return new Rule(id, checked, actor);
          }
        });
  }

  public void delete(long id, String actor) {
    db.inTransaction(
        c -> {
          String removed;
          try (PreparedStatement st = c.prepareStatement(RULE)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Synonym rule", id);
              }
              removed = rs.getString(1);
            }
          }
          try (PreparedStatement st = c.prepareStatement(DELETE)) {
            st.setLong(1, id);
            st.executeUpdate();
          }
          audit(c, actor, "synonym.remove", id, removed);
          return null;
        });
  }

  /**
   * Who changed which rule, in the same transaction as the change; the rule text is kept for
   * removals too.
   */
  private static void audit(
      java.sql.Connection c, String actor, String action, long id, String rule)
      throws java.sql.SQLException {
    AuditTrail.record(c, AuditEntry.of(actor, action, "synonym", id).with("rule", rule));
  }

  private static String check(String rule) {
    if (rule != null && rule.length() > MAX_RULE_LENGTH) {
      throw new IllegalArgumentException(
          "A synonym rule is at most " + MAX_RULE_LENGTH + " characters");
    }
    Analysis.checkSynonymRule(rule);
    return rule.strip();
  }
}
