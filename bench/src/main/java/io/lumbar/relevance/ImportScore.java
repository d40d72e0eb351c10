package io.lumbar.relevance;

import io.lumbar.importing.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well an import kept an article's content and dropped its page furniture, against the
 * article's labels. A labelled block counts as published when at least half of its text (by
 * sentence) is found in the article's published passages. Counts add up, so articles, splits and
 * the whole corpus are scored alike.
 */
record ImportScore(
    int contentPublished,
    int contentRejected,
    int boilerplatePublished,
    int boilerplateRejected,
    int headable,
    int headed) {

  /**
   * A stored passage of the article: its status, text, heading path and reject reason (null when
   * published).
   */
  record Passage(boolean published, String text, List<String> headingPath, String reason) {
    Passage(boolean published, String text, List<String> headingPath) {
      this(published, text, headingPath, null);
    }
  }

  /**
   * A labelled block the import got wrong: content not published or boilerplate published, with the
   * reason of the stored passage holding most of it ("published" for boilerplate published, "not
   * stored" when none holds it).
   */
  record Mistake(String label, String text, String verdict) {}

  static final ImportScore ZERO = new ImportScore(0, 0, 0, 0, 0, 0);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern PIECE_END = Pattern.compile("\\n|(?<=[.!?:;])\\s+");

  static ImportScore of(List<ImportLabels.Label> labels, List<Passage> passages) {
    StringBuilder published = new StringBuilder(" ");
    List<String> passageKeys = new ArrayList<>();
    for (Passage passage : passages) {
      String searchable = searchable(passage.text());
      passageKeys.add(searchable);
      if (passage.published()) {
        published.append(searchable);
      }
    }
    String publishedText = published.toString();
    int cp = 0, cr = 0, bp = 0, br = 0, headable = 0, headed = 0;
    String heading = null;
    for (ImportLabels.Label label : labels) {
      if ("heading".equals(label.label())) {
        heading = label.text();
        continue;
      }
      boolean content = "content".equals(label.label());
      if (!content && !"boilerplate".equals(label.label())) {
        continue;
      }
      boolean isPublished = foundShare(label.text(), publishedText) >= 0.5;
      if (content && isPublished) {
        cp++;
        if (heading != null) {
          headable++;
          if (headedBy(label.text(), heading, passages, passageKeys)) {
            headed++;
          }
        }
      } else if (content) {
        cr++;
      } else if (isPublished) {
        bp++;
      } else {
        br++;
      }
    }
    return new ImportScore(cp, cr, bp, br, headable, headed);
  }

  /**
   * Every labelled block the import got wrong, in reading order: what to look at when improving the
   * import.
   */
  static List<Mistake> mistakes(List<ImportLabels.Label> labels, List<Passage> passages) {
    List<String> keys = passages.stream().map(p -> searchable(p.text())).toList();
    StringBuilder published = new StringBuilder(" ");
    for (int i = 0; i < passages.size(); i++) {
      if (passages.get(i).published()) {
        published.append(keys.get(i));
      }
    }
    List<Mistake> mistakes = new ArrayList<>();
    for (ImportLabels.Label label : labels) {
      boolean content = "content".equals(label.label());
      if (!content && !"boilerplate".equals(label.label())) {
        continue;
      }
      boolean isPublished = foundShare(label.text(), published.toString()) >= 0.5;
      if (content == isPublished) {
        continue;
      }
      int best = -1;
      double bestShare = 0;
      for (int i = 0; i < passages.size(); i++) {
        double share =
            passages.get(i).published() == isPublished ? foundShare(label.text(), keys.get(i)) : 0;
        if (share > bestShare) {
          bestShare = share;
          best = i;
        }
      }
      String verdict =
          best < 0 ? "not stored" : isPublished ? "published" : passages.get(best).reason();
      mistakes.add(new Mistake(label.label(), label.text(), verdict));
    }
    return mistakes;
  }

  ImportScore plus(ImportScore o) {
    return new ImportScore(
        contentPublished + o.contentPublished,
        contentRejected + o.contentRejected,
        boilerplatePublished + o.boilerplatePublished,
        boilerplateRejected + o.boilerplateRejected,
        headable + o.headable,
        headed + o.headed);
  }

  double precision() {
    return ratio(contentPublished, contentPublished + boilerplatePublished);
  }

  double recall() {
    return ratio(contentPublished, contentPublished + contentRejected);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** 0 when there is no labelled boilerplate (nothing of it was published). */
  double boilerplatePublishedShare() {
    return boilerplate() == 0 ? 0 : ratio(boilerplatePublished, boilerplate());
  }

  /** 0 when there is no labelled content. */
  double contentRejectedShare() {
    return content() == 0 ? 0 : ratio(contentRejected, content());
  }

  double headedShare() {
    return headable == 0 ? 1 : ratio(headed, headable);
  }

  int content() {
    return contentPublished + contentRejected;
  }

  int boilerplate() {
    return boilerplatePublished + boilerplateRejected;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? (a == 0 ? 1 : 0) : (double) a / b;
  }

  /**
   * Share of the block's text, by pieces (lines, sentences), found in {@code text}. A piece of one
   * or two words ("AGE", "1. STRAIN") counts only where it stands as a whole line or sentence:
   * inside another sentence it is the same words, not the same block.
   */
  static double foundShare(String block, String text) {
    int total = 0;
    int found = 0;
    for (String piece : PIECE_END.split(block)) {
      String key = key(piece);
      if (key.isEmpty()) {
        continue;
      }
      total += key.length();
      boolean whole = text.contains("| " + key + " |") || text.startsWith(" " + key + " |");
      boolean inside =
          key.indexOf(' ') != key.lastIndexOf(' ')
              && (text.contains(" " + key + " ") || text.contains(" " + key + " |"));
      if (whole || inside) {
        found += key.length();
      }
    }
    return total == 0 ? 1 : (double) found / total;
  }

  /**
   * Whether the passage holding most of the block carries its labelled heading in its heading path.
   */
  private static boolean headedBy(
      String block, String heading, List<Passage> passages, List<String> keys) {
    String headingKey = key(heading);
    int best = -1;
    double bestShare = 0;
    for (int i = 0; i < passages.size(); i++) {
      if (!passages.get(i).published()) {
        continue;
      }
      double share = foundShare(block, keys.get(i));
      if (share > bestShare) {
        bestShare = share;
        best = i;
      }
    }
    if (best < 0) {
      return false;
    }
    return passages.get(best).headingPath().stream()
        .anyMatch(
            h -> {
              String k = key(h);
              return k.equals(headingKey)
                  || (!k.isEmpty() && (k.contains(headingKey) || headingKey.contains(k)));
            });
  }

  /**
   * The passage's key, then each of its lines and sentences as a whole piece between bars, for
   * foundShare.
   */
  private static String searchable(String passage) {
    StringBuilder text = new StringBuilder(" ").append(key(passage)).append(" | ");
    for (String piece : PIECE_END.split(passage)) {
      text.append("| ").append(key(piece)).append(" | ");
    }
    return text.toString();
  }

  /** Lower-case words joined by single spaces: what "the same text" means here. */
  static String key(String text) {
    Matcher m = WORD.matcher(TextNormalizer.normalize(text).toLowerCase(Locale.ROOT));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(m.group());
    }
    return out.toString();
  }
}
