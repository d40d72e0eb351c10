package io.lumbar.admin;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;

/** The console's front page: how far curation is, and what happened lately. */
public record DashboardPage(User user, String csrf, DashboardDao.Figures figures) implements Page {
  @Override
  public String template() {
    return "admin/dashboard.jte";
  }
}
