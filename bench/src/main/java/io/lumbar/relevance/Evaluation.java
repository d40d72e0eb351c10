package io.lumbar.relevance;

import io.lumbar.relevance.Judge.Score;
import io.lumbar.relevance.QuerySet.JudgedQuery;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Scores rankers on a query set and prints the figures. */
final class Evaluation {
  /** One ranker's scores, query by query, and the time each search took. */
  record Result(String ranker, List<Score> scores, long[] latencyNanos) {
    double ndcg() {
      return scores.stream().mapToDouble(Score::ndcg).average().orElse(0);
    }

    double mrr() {
      return scores.stream().mapToDouble(Score::reciprocalRank).average().orElse(0);
    }

    double percentileMillis(double p) {
      if (latencyNanos.length == 0) {
        return 0;
      }
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  private Evaluation() {}

  /**
   * Untimed passes of each ranker for this long, all of them before any is timed: a running server
   * is warm, and the rankers share most of the search path, so warming each just before its own
   * timing left the first-timed one paying for compiling code the later ones then found compiled
   * (its p99 read 9–12 ms against 3.2 ms for the same search timed later).
   */
  static final long WARM_UP_NANOS = 3_000_000_000L;

  /** Scores every query once with {@code ranker}; not timed. */
  static Result run(Ranker ranker, QuerySet set) {
    return run(List.of(ranker), set, 0).getFirst();
  }

  /**
   * Scores every query once with each ranker; then, for timing only, warms every ranker up and runs
   * the whole set {@code timedRounds} more times with each, one ranker after the other.
   */
  static List<Result> run(List<? extends Ranker> rankers, QuerySet set, int timedRounds) {
    List<List<Score>> scores = new ArrayList<>();
    for (Ranker ranker : rankers) {
      List<Score> mine = new ArrayList<>();
      for (JudgedQuery query : set.queries()) {
        mine.add(Judge.score(ranker.top(query.q(), Judge.K), query.needles()));
      }
      scores.add(mine);
    }
    if (timedRounds > 0) {
      for (Ranker ranker : rankers) {
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUntil) {
          set.queries().forEach(query -> ranker.top(query.q(), Judge.K));
        }
      }
    }
    List<Result> results = new ArrayList<>();
    for (int r = 0; r < rankers.size(); r++) {
      Ranker ranker = rankers.get(r);
      long[] latencies = new long[timedRounds * set.queries().size()];
      int i = 0;
      for (int round = 0; round < timedRounds; round++) {
        for (JudgedQuery query : set.queries()) {
          long started = System.nanoTime();
          ranker.top(query.q(), Judge.K);
          latencies[i++] = System.nanoTime() - started;
        }
      }
      results.add(new Result(ranker.name(), scores.get(r), latencies));
    }
    return results;
  }

  /** Exactly score.py's output for one ranker, so the two can be compared line by line. */
  static void printLikeScorePy(PrintWriter out, QuerySet set, Result result) {
    for (int i = 0; i < set.queries().size(); i++) {
      Score s = result.scores().get(i);
      out.println(
          String.format(
              Locale.ROOT,
              "%5s %5s  %s",
              fixed(s.ndcg(), 2),
              fixed(s.reciprocalRank(), 2),
              set.queries().get(i).q()));
    }
    out.println(
        String.format(
            Locale.ROOT,
            "queries=%d ndcg@10=%s mrr@10=%s",
            set.queries().size(),
            fixed(result.ndcg(), 3),
            fixed(result.mrr(), 3)));
  }

  /** Rankers side by side: nDCG@10 and MRR@10 per query, then the means and search latency. */
  static void printTable(PrintWriter out, QuerySet set, List<Result> results) {
    StringBuilder header = new StringBuilder();
    for (Result r : results) {
      header.append(String.format(Locale.ROOT, "%-18s", abbreviate(r.ranker(), 17)));
    }
    out.println(header + "query");
    StringBuilder sub = new StringBuilder();
    results.forEach(r -> sub.append(String.format(Locale.ROOT, "%-18s", "ndcg  mrr")));
    out.println(sub);
    for (int i = 0; i < set.queries().size(); i++) {
      StringBuilder line = new StringBuilder();
      for (Result r : results) {
        Score s = r.scores().get(i);
        line.append(
            String.format(
                Locale.ROOT, "%4s  %4s      ", fixed(s.ndcg(), 2), fixed(s.reciprocalRank(), 2)));
      }
      out.println(line + set.queries().get(i).q());
    }
    out.println();
    out.println(
        String.format(
            Locale.ROOT,
            "%-18s %8s %8s %9s %9s",
            "ranker",
            "nDCG@10",
            "MRR@10",
            "p50 ms",
            "p99 ms"));
    for (Result r : results) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-18s %8s %8s %9.2f %9.2f",
              r.ranker(),
              fixed(r.ndcg(), 3),
              fixed(r.mrr(), 3),
              r.percentileMillis(50),
              r.percentileMillis(99)));
    }
    out.println(
        String.format(
            Locale.ROOT,
            "queries=%d; latency over %d timed searches per ranker, in process",
            set.queries().size(),
            results.isEmpty() ? 0 : results.getFirst().latencyNanos().length));
    List<String> splits = set.splits();
    if (splits.size() > 1) {
      out.println();
      out.println(
          String.format(
              Locale.ROOT,
              "%-18s %-8s %8s %8s %8s",
              "ranker",
              "split",
              "queries",
              "nDCG@10",
              "MRR@10"));
      for (Result r : results) {
        for (String split : splits) {
          double ndcg = 0;
          double rr = 0;
          int n = 0;
          for (int i = 0; i < set.queries().size(); i++) {
            String own = set.queries().get(i).split();
            if (split.equals(own == null ? "none" : own)) {
              ndcg += r.scores().get(i).ndcg();
              rr += r.scores().get(i).reciprocalRank();
              n++;
            }
          }
          out.println(
              String.format(
                  Locale.ROOT,
                  "%-18s %-8s %8d %8s %8s",
                  r.ranker(),
                  split,
                  n,
                  fixed(ndcg / n, 3),
                  fixed(rr / n, 3)));
        }
      }
    }
  }

  /**
   * Rounds the exact binary value, as Python's format does; Java's {@code %.3f} rounds half up from
   * the shortest decimal form and would print 0.773 where score.py prints 0.772.
   */
  static String fixed(double value, int digits) {
    return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
