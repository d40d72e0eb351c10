package io.lumbar.importing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTML page's own title: its first h1 outside the page's header and navigation, else og:title or
 * &lt;title&gt; without the " | Site name" tail that pages append.
 */
final class PageTitle {
  private static final Pattern SEPARATOR = Pattern.compile("\\s+[|–—·»:-]\\s+|\\s+::\\s+");
  // A tail of this many words or fewer after the last separator is the site's name.
  private static final int MAX_SITE_WORDS = 4;

  private PageTitle() {}

  static String choose(String h1, String ogTitle, String titleTag, String siteName) {
    // A page's h1 is its own title, unless it is the site's name (a logo in the header).
    if (h1 != null && !h1.isBlank() && (siteName == null || !key(h1).equals(key(siteName)))) {
      return h1.strip();
    }
    String stated = firstNonBlank(ogTitle, titleTag);
    return stated == null ? null : withoutSiteName(stated, siteName);
  }

  /**
   * "Sciatica at night | Example Health" → "Sciatica at night", by the site's name or the
   * separator's shape.
   */
  static String withoutSiteName(String title, String siteName) {
    String t = title.strip();
    var m = SEPARATOR.matcher(t);
    int lastStart = -1;
    int lastEnd = -1;
    while (m.find()) {
      lastStart = m.start();
      lastEnd = m.end();
    }
    if (lastStart <= 0) {
      return t;
    }
    String head = t.substring(0, lastStart).strip();
    String tail = t.substring(lastEnd).strip();
    boolean named = siteName != null && key(tail).equals(key(siteName));
    boolean shaped =
        Words.of(tail).size() <= MAX_SITE_WORDS
            && Words.of(head).size() >= 3
            && !t.substring(lastStart, lastEnd).strip().equals(":");
    return named ? withoutSiteName(head, siteName) : shaped ? head : t;
  }

  private static List<String> lower(String s) {
    return Words.of(s.toLowerCase(Locale.ROOT));
  }

  private static String key(String s) {
    return String.join("", lower(s));
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    return b != null && !b.isBlank() ? b.strip() : null;
  }
}
