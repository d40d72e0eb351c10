package io.lumbar.admin;

import java.util.List;
import java.util.Map;

/**
 * The cause × treatment matrix: how many published passages are tagged with both. The dashboard
 * draws it as a table (row and column headers for screen readers, a link per non-empty cell); the
 * shade of a cell is one of {@link #LEVELS} steps, computed here so the template stays declarative.
 */
public record HeatMap(
    List<Axis> causes, List<Axis> treatments, Map<String, Integer> counts, int max) {
  /** A row or column: a tag's slug and name. */
  public record Axis(String slug, String name) {}

  /**
   * Shades of a non-empty cell, light to dark (the stylesheet's heat-1 … heat-5); heat-0 is an
   * empty cell.
   */
  public static final int LEVELS = 5;

  public int count(Axis cause, Axis treatment) {
    return counts.getOrDefault(cause.slug() + "|" + treatment.slug(), 0);
  }

  /**
   * 0 for none, else 1 … {@link #LEVELS} by the share of the largest count (so the largest is
   * always darkest).
   */
  public int level(int count) {
    if (count <= 0 || max <= 0) {
      return 0;
    }
    return Math.max(1, (int) Math.ceil((double) count * LEVELS / max));
  }

  /** What a cell says to a screen reader and in its tooltip: "Sciatica × Massage: 3 passages". */
  public String label(Axis cause, Axis treatment) {
    int n = count(cause, treatment);
    return cause.name() + " × " + treatment.name() + ": " + n + (n == 1 ? " passage" : " passages");
  }

  public String cellLink(Axis cause, Axis treatment) {
    return "/admin/passages?cause=" + cause.slug() + "&treatment=" + treatment.slug();
  }
}
