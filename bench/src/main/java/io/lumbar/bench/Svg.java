package io.lumbar.bench;

import java.util.List;
import java.util.Locale;

/** A minimal typed SVG writer: shapes with numeric coordinates, text always escaped. */
final class Svg {
  private final StringBuilder out = new StringBuilder();
  private final int width;
  private final int height;

  Svg(int width, int height) {
    this.width = width;
    this.height = height;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    out.append(
        String.format(
            Locale.ROOT,
            "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
            x1,
            y1,
            x2,
            y2,
            attribute(stroke),
            strokeWidth));
    return this;
  }

  Svg polyline(List<double[]> points, String stroke) {
    StringBuilder coordinates = new StringBuilder();
    for (double[] p : points) {
      coordinates.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
    }
    out.append("  <polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
        .append(attribute(stroke))
        .append("\" points=\"")
        .append(coordinates.toString().strip())
        .append("\"/>\n");
    for (double[] p : points) {
      out.append(
          String.format(
              Locale.ROOT,
              "  <circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
              p[0],
              p[1],
              attribute(stroke)));
    }
    return this;
  }

  Svg text(double x, double y, String text, String anchor, int size) {
    out.append(
            String.format(
                Locale.ROOT,
                "  <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">",
                x,
                y,
                attribute(anchor),
                size))
        .append(escape(text))
        .append("</text>\n");
    return this;
  }

  @Override
  public String toString() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + width
        + "\" height=\""
        + height
        + "\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" font-family=\"sans-serif\">\n"
        + "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        + out
        + "</svg>\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String attribute(String value) {
    return escape(value);
  }
}
