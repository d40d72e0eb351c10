package io.lumbar.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cause × treatment matrix: how many published passages are tagged with both. The template draws it
 * as SVG; the geometry and colours are computed here so the template stays declarative.
 */
public record HeatMap(List<Axis> causes, List<Axis> treatments, Map<String, Integer> counts, int max) {
  /** A row or column: a tag's slug and name. */
  public record Axis(String slug, String name) {}

  static final int CELL = 22;
  static final int LEFT = 190;
  static final int TOP = 150;

  public int count(Axis cause, Axis treatment) {
    return counts.getOrDefault(cause.slug() + "|" + treatment.slug(), 0);
  }

  public int x(int column) {
    return LEFT + column * CELL;
  }

  public int y(int row) {
    return TOP + row * CELL;
  }

  public int cell() {
    return CELL - 2;
  }

  public int width() {
    return LEFT + treatments.size() * CELL + 10;
  }

  public int height() {
    return TOP + causes.size() * CELL + 10;
  }

  /** White for none, deepening blue for more passages. */
  public String fill(int count) {
    if (count == 0) {
      return "#f4f4f4";
    }
    double share = max == 0 ? 0 : (double) count / max;
    return String.format(Locale.ROOT, "hsl(210, 70%%, %.0f%%)", 88 - share * 55);
  }

  /** Column labels are rotated; this is their anchor. */
  public String labelTransform(int column) {
    return "rotate(-55 " + (x(column) + CELL / 2) + " " + (TOP - 6) + ")";
  }

  public String cellLink(Axis cause, Axis treatment) {
    return "/admin/passages?cause=" + cause.slug() + "&treatment=" + treatment.slug();
  }
}
