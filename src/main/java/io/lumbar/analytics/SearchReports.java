package io.lumbar.analytics;

import io.lumbar.db.Database;
import java.util.List;

/** The search reports for other parts of the console (the dashboard). */
public final class SearchReports {
  private final SearchLogDao searchLog;

  public SearchReports(Database db) {
    this.searchLog = new SearchLogDao(db);
  }

  public List<TopSearch> top(int days, int limit) {
    return searchLog.topSearches(days, limit);
  }

  public List<ZeroResultSearch> zeroResults(int days, int limit) {
    return searchLog.zeroResultSearches(days, limit);
  }
}
