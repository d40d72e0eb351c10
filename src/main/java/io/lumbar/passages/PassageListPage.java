package io.lumbar.passages;

import io.lumbar.accounts.User;
import io.lumbar.search.Vocabulary.TagInfo;
import io.lumbar.web.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The editors' passage list with its filters, sort, count and paging. */
public record PassageListPage(
    User user,
    String csrf,
    PassageList.Filter filter,
    String sort,
    List<PassageList.Row> rows,
    long total,
    int offset,
    int limit,
    List<TagInfo> tags)
    implements Page {
  @Override
  public String template() {
    return "passages/list.jte";
  }

  public String value(String s) {
    return s == null ? "" : s;
  }

  public String pageUrl(int newOffset) {
    StringBuilder url = new StringBuilder("/admin/passages?offset=").append(newOffset);
    addFilter(url, filter.status());
    add(url, "sort", sort);
    return url.toString();
  }

  /**
   * The export of exactly this filter (every page, any sort). The list's "any status" is {@code
   * status=any} there, since the export defaults to published passages.
   */
  public String exportUrl(String format) {
    StringBuilder url = new StringBuilder("/api/export?format=").append(format);
    addFilter(url, filter.status() == null ? "any" : filter.status());
    return url.toString();
  }

  public String previousUrl() {
    return offset == 0 ? null : pageUrl(Math.max(0, offset - limit));
  }

  public String nextUrl() {
    return offset + limit >= total ? null : pageUrl(offset + limit);
  }

  public static String excerpt(String text) {
    return text.length() <= 220 ? text : text.substring(0, 219) + "…";
  }

  private void addFilter(StringBuilder url, String status) {
    add(url, "status", status);
    filter
        .fields()
        .forEach(
            (name, value) -> {
              if (!name.equals("status")) {
                add(url, name, value);
              }
            });
  }

  private static void add(StringBuilder url, String name, String value) {
    if (value != null && !value.isEmpty()) {
      url.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
