package io.lumbar.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Links into the search page ({@code /?q=…}), so the pages that point at it build them one way. */
public final class SearchLinks {
  /** A results page of this site: what a passage page accepts as its way back. */
  private static final Pattern RESULTS_PAGE = Pattern.compile("/\\?q=[^\\s<>\"']{1,3000}");

  private SearchLinks() {}

  /**
   * The search page for {@code q} with these filters; {@code offset} 0 and the default page size
   * are left out.
   */
  public static String search(
      String q,
      List<String> causes,
      List<String> treatments,
      List<String> articles,
      int offset,
      int limit) {
    StringBuilder url = new StringBuilder("/?q=").append(encode(q));
    causes.forEach(c -> url.append("&cause=").append(encode(c)));
    treatments.forEach(t -> url.append("&treatment=").append(encode(t)));
    articles.forEach(a -> url.append("&article=").append(encode(a)));
    if (offset > 0) {
      url.append("&offset=").append(offset);
    }
    if (limit != SearchRequest.DEFAULT_LIMIT) {
      url.append("&limit=").append(limit);
    }
    return url.toString();
  }

  /**
   * Every passage tagged with this cause or treatment: searched by the tag's name, filtered to the
   * tag.
   */
  public static String tagged(String kind, String slug, String name) {
    boolean cause = kind.equals("cause");
    return search(
        name,
        cause ? List.of(slug) : List.of(),
        cause ? List.of() : List.of(slug),
        List.of(),
        0,
        SearchRequest.DEFAULT_LIMIT);
  }

  /** A passage's page, remembering the results page it was opened from (when there is one). */
  public static String passage(long id, String back) {
    return "/passages/" + id + (back == null ? "" : "?back=" + encode(back));
  }

  /**
   * {@code back} when it is a results page of this site, else null: never a link to elsewhere or a
   * script.
   */
  public static String resultsPageOrNull(String back) {
    return back != null && RESULTS_PAGE.matcher(back).matches() ? back : null;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
