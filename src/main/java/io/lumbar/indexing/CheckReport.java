package io.lumbar.indexing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What the consistency check found: the index compared with the published passages of one database
 * snapshot, and the change-log position the index reflects compared with the database's.
 *
 * @param publishedPassages published passages in the database
 * @param indexDocuments documents in the index
 * @param indexPosition the last change-log id the index reflects (after catching up)
 * @param databasePosition the last change-log id in the database
 * @param changesApplied changes the index caught up with before comparing, as a starting server
 *     would
 * @param missing published passages without a document
 * @param stale documents whose content differs from the passage as the database has it
 * @param extra documents for passages that are not published or no longer exist
 * @param duplicated passages with more than one document
 * @param pending passages skipped because a change to them is still on its way to the index
 */
public record CheckReport(
    long publishedPassages,
    long indexDocuments,
    long indexPosition,
    long databasePosition,
    int changesApplied,
    Ids missing,
    Ids stale,
    Ids extra,
    Ids duplicated,
    int pending) {

  /** How many ids differ in one way, and the first few of them in id order. */
  public record Ids(long count, List<Long> first) {}

  /**
   * The index claims changes the database does not have (e.g. the database was restored from a
   * backup).
   */
  @JsonProperty
  public boolean positionAhead() {
    return indexPosition > databasePosition;
  }

  @JsonProperty
  public long differences() {
    return missing.count() + stale.count() + extra.count() + duplicated.count();
  }

  @JsonProperty
  public boolean consistent() {
    return differences() == 0 && !positionAhead();
  }

  /** The report as the {@code check} command prints it. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("published passages: " + publishedPassages + ", index documents: " + indexDocuments);
    lines.add(
        "change log: index at "
            + indexPosition
            + ", database at "
            + databasePosition
            + (positionAhead() ? " (index ahead of the database)" : "")
            + (changesApplied > 0
                ? ", " + changesApplied + " changes applied before checking"
                : ""));
    lines.add(line("missing", missing));
    lines.add(line("stale", stale));
    lines.add(line("extra", extra));
    lines.add(line("duplicated", duplicated));
    if (pending > 0) {
      lines.add("skipped: " + pending + " passages changed while checking");
    }
    lines.add(
        consistent()
            ? "result: consistent"
            : "result: "
                + differences()
                + " differences"
                + (positionAhead() ? " and the change-log position" : ""));
    return lines;
  }

  private static String line(String what, Ids ids) {
    return what + ": " + ids.count() + (ids.first().isEmpty() ? "" : " " + ids.first());
  }

  /**
   * The outcome of {@code check --repair}: what was found, what was written, and the check run
   * again.
   */
  public record Repair(CheckReport before, long replaced, long deleted, CheckReport after) {
    public List<String> lines() {
      List<String> lines = new ArrayList<>(before.lines());
      lines.add("repaired: " + replaced + " documents replaced, " + deleted + " deleted");
      after.lines().forEach(line -> lines.add("after repair: " + line));
      return lines;
    }
  }
}
