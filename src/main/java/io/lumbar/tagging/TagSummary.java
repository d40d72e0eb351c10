package io.lumbar.tagging;

import java.util.List;

/**
 * A tag as the console shows it: its place in the taxonomy, how many passages carry it, and its
 * links (the treatments of a cause, or the causes of a treatment); {@code warningSign} when a query
 * naming it shows the advice to see a doctor first. Public because the jte templates read it.
 */
public record TagSummary(
    long id,
    String kind,
    String slug,
    String name,
    String description,
    List<String> aliases,
    Ref parent,
    boolean retired,
    int passages,
    List<Ref> links,
    boolean warningSign) {
  /** Another tag, by slug and name. */
  public record Ref(String slug, String name) {}

  public boolean isCause() {
    return kind.equals("cause");
  }

  /** The aliases as the edit form shows them: one per line. */
  public String aliasLines() {
    return String.join("\n", aliases);
  }
}
