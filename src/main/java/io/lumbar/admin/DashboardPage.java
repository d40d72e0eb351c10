package io.lumbar.admin;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;

/** The console's front page: how far curation is, and what happened lately. */
public record DashboardPage(
    User user,
    String csrf,
    DashboardDao.Figures figures,
    java.util.List<io.lumbar.analytics.TopSearch> topSearches,
    java.util.List<io.lumbar.analytics.ZeroResultSearch> zeroResultSearches)
    implements Page {
  /** The passage list searching for what people searched. */
  public static String listUrl(String query) {
    return "/admin/passages?q="
        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String template() {
    return "admin/dashboard.jte";
  }
}
