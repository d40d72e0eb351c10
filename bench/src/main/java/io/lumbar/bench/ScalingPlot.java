package io.lumbar.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How the figures grow with the corpus: three panels over corpus size (log scale): search QPS,
 * search p99 and indexing rate, each for Lumbar, raw Lucene and (for search) MariaDB FULLTEXT.
 */
final class ScalingPlot {
  private static final int PANEL_WIDTH = 320;
  private static final int PANEL_HEIGHT = 260;
  private static final int MARGIN_LEFT = 60;
  private static final int MARGIN_TOP = 40;
  private static final int PLOT_WIDTH = 230;
  private static final int PLOT_HEIGHT = 170;
  private static final String LUMBAR = "#1f77b4";
  private static final String RAW = "#2ca02c";
  private static final String MARIADB = "#d62728";

  /** Lucene alone doing Lumbar's work: Lumbar's query, Lumbar's documents. */
  private static final String LUCENE_ALONE = "#ff7f0e";

  private record Series(String name, String color, ToDoubleFunction<BenchResult> value) {}

  private ScalingPlot() {}

  static String svg(List<BenchResult> results) {
    Svg svg = new Svg(3 * PANEL_WIDTH, PANEL_HEIGHT + 46);
    panel(
        svg,
        0,
        "Search throughput (queries/s)",
        results,
        List.of(
            new Series("Lumbar (HTTP)", LUMBAR, r -> r.search().lumbarHttp().qps()),
            new Series(
                "Lucene alone, Lumbar's query",
                LUCENE_ALONE,
                r -> r.search().luceneLumbarQuery().qps()),
            new Series("raw Lucene", RAW, r -> r.search().rawLucene().qps()),
            new Series("MariaDB FULLTEXT", MARIADB, r -> r.search().mariadbFulltext().qps())));
    panel(
        svg,
        1,
        "Search p99 latency (ms)",
        results,
        List.of(
            new Series("Lumbar (HTTP)", LUMBAR, r -> r.search().lumbarHttp().p99Ms()),
            new Series(
                "Lucene alone, Lumbar's query",
                LUCENE_ALONE,
                r -> r.search().luceneLumbarQuery().p99Ms()),
            new Series("raw Lucene", RAW, r -> r.search().rawLucene().p99Ms()),
            new Series("MariaDB FULLTEXT", MARIADB, r -> r.search().mariadbFulltext().p99Ms())));
    panel(
        svg,
        2,
        "Indexing rate (passages/s)",
        results,
        List.of(
            new Series("Lumbar reindex", LUMBAR, r -> r.indexing().lumbarPassagesPerSecond()),
            new Series(
                "Lucene alone, Lumbar's documents",
                LUCENE_ALONE,
                r -> r.indexing().documentsPassagesPerSecond()),
            new Series("raw Lucene", RAW, r -> r.indexing().rawPassagesPerSecond())));
    double legendY = PANEL_HEIGHT + 15;
    svg.line(20, legendY - 4, 40, legendY - 4, LUMBAR, 2).text(45, legendY, "Lumbar", "start", 12);
    svg.line(110, legendY - 4, 130, legendY - 4, LUCENE_ALONE, 2)
        .text(135, legendY, "Lucene alone, Lumbar's query / documents", "start", 12);
    svg.line(430, legendY - 4, 450, legendY - 4, RAW, 2)
        .text(455, legendY, "raw Lucene, one field", "start", 12);
    svg.line(620, legendY - 4, 640, legendY - 4, MARIADB, 2)
        .text(645, legendY, "MariaDB MATCH ... AGAINST", "start", 12);
    svg.text(
        3 * PANEL_WIDTH - 10, legendY + 16, "x: passages (log scale); y: log scale", "end", 11);
    return svg.toString();
  }

  private static void panel(
      Svg svg, int index, String title, List<BenchResult> results, List<Series> series) {
    double left = index * PANEL_WIDTH + MARGIN_LEFT;
    double top = MARGIN_TOP;
    double bottom = top + PLOT_HEIGHT;
    svg.text(left + PLOT_WIDTH / 2.0, 20, title, "middle", 14);
    double minX = Math.log10(results.stream().mapToInt(r -> r.run().passages()).min().orElse(1));
    double maxX = Math.log10(results.stream().mapToInt(r -> r.run().passages()).max().orElse(10));
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (Series s : series) {
      for (BenchResult r : results) {
        double v = Math.max(1e-3, s.value().applyAsDouble(r));
        minY = Math.min(minY, v);
        maxY = Math.max(maxY, v);
      }
    }
    double lowDecade = Math.floor(Math.log10(minY));
    double highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(maxY)));
    svg.line(left, bottom, left + PLOT_WIDTH, bottom, "#333", 1)
        .line(left, top, left, bottom, "#333", 1);
    for (double decade = lowDecade; decade <= highDecade; decade++) {
      double y = bottom - (decade - lowDecade) / (highDecade - lowDecade) * PLOT_HEIGHT;
      svg.line(left, y, left + PLOT_WIDTH, y, "#ddd", 1)
          .text(left - 5, y + 4, tick(Math.pow(10, decade)), "end", 11);
    }
    for (BenchResult r : results) {
      double x = xOf(r, left, minX, maxX);
      svg.text(x, bottom + 15, tick(r.run().passages()), "middle", 11);
    }
    for (Series s : series) {
      List<double[]> points = new ArrayList<>();
      for (BenchResult r : results) {
        double v = Math.max(1e-3, s.value().applyAsDouble(r));
        double y = bottom - (Math.log10(v) - lowDecade) / (highDecade - lowDecade) * PLOT_HEIGHT;
        points.add(new double[] {xOf(r, left, minX, maxX), y});
      }
      svg.polyline(points, s.color());
    }
  }

  private static double xOf(BenchResult r, double left, double minX, double maxX) {
    double span = maxX - minX;
    return span == 0
        ? left + PLOT_WIDTH / 2.0
        : left + (Math.log10(r.run().passages()) - minX) / span * PLOT_WIDTH;
  }

  private static String tick(double value) {
    if (value >= 1_000_000) {
      return BenchReport.number(value / 1_000_000, 0) + "M";
    }
    if (value >= 1_000) {
      return BenchReport.number(value / 1_000, 0) + "k";
    }
    return value >= 1 ? BenchReport.number(value, 0) : BenchReport.number(value, 3);
  }
}
