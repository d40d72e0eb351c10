package io.lumbar.relevance;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of {@code shared/eval/score.py}, step for step, so the two report the same figures: a
 * result is relevant when its folded text holds a needle no higher result matched and it is at most
 * 1500 characters long; nDCG@10 over the needles and MRR@10.
 */
final class Judge {
  static final int K = 10;
  static final int MAX_LEN = 1500;
  // Python's \s on str is Unicode-aware; so is (?U) here.
  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
  private static final String[][] FOLD = {
    {"\u2019", "'"},
    {"\u2018", "'"},
    {"\u201c", "\""},
    {"\u201d", "\""},
    {"\u2013", "-"},
    {"\u2014", "-"},
    {"\u00a0", " "}
  };

  record Score(double ndcg, double reciprocalRank) {}

  private Judge() {}

  static String norm(String s) {
    for (String[] fold : FOLD) {
      s = s.replace(fold[0], fold[1]);
    }
    return WHITESPACE.matcher(s).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
  }

  /** {@code texts}: the ranked results' full texts, best first. */
  static Score score(List<String> texts, List<String> needles) {
    List<String> wanted = needles.stream().map(Judge::norm).toList();
    Set<String> found = new HashSet<>();
    double dcg = 0;
    double rr = 0;
    int rank = 0;
    for (String raw : texts.subList(0, Math.min(K, texts.size()))) {
      rank++;
      String text = norm(raw);
      // Python's len() counts code points.
      if (text.codePointCount(0, text.length()) > MAX_LEN) {
        continue;
      }
      List<String> fresh =
          wanted.stream().filter(n -> text.contains(n) && !found.contains(n)).toList();
      if (!fresh.isEmpty()) {
        found.addAll(fresh);
        dcg += 1 / log2(rank + 1);
        rr = rr == 0 ? 1.0 / rank : rr;
      }
    }
    double ideal = 0;
    for (int r = 1; r <= Math.min(wanted.size(), K); r++) {
      ideal += 1 / log2(r + 1);
    }
    return new Score(dcg / ideal, rr);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
