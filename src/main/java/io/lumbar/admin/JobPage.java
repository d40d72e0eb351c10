package io.lumbar.admin;

import io.lumbar.accounts.User;
import io.lumbar.web.Page;

/** A long operation's progress; the page refreshes itself (or admin.js polls) while it runs. */
public record JobPage(User user, String csrf, Jobs.Job job) implements Page {
  @Override
  public String template() {
    return "admin/job.jte";
  }
}
