package io.lumbar.indexing;

import io.lumbar.indexing.CheckReport.Ids;
import io.lumbar.indexing.IndexSource.SnapshotReader;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * One pass of the consistency check: the published passages of a database snapshot and the index's documents,
 * both read in id order a page at a time and merged, so memory stays flat however many passages there are.
 * With {@link Repairs} every differing document is replaced or deleted as it is found.
 */
final class IndexCheck {
  private static final int DATABASE_BATCH = 1_000;
  private static final int INDEX_PAGE = 10_000;

  /** Where the differences found are written; null for a check that only reports. */
  interface Repairs {
    void replace(IndexedPassage passage) throws IOException;

    void delete(long passageId) throws IOException;
  }

  private final int show;
  private final Set<Long> pending;
  private final Repairs repairs;
  private final Tally missing = new Tally();
  private final Tally stale = new Tally();
  private final Tally extra = new Tally();
  private final Tally duplicated = new Tally();
  private long published;
  private int pendingSkipped;
  private long replaced;
  private long deleted;

  IndexCheck(int show, Set<Long> pending, Repairs repairs) {
    this.show = show;
    this.pending = pending;
    this.repairs = repairs;
  }

  /** A document as the check sees it: its passage id, its content hash, and how many documents share the id. */
  private record Doc(long id, long hash, int copies) {}

  void run(IndexSearcher searcher, SnapshotReader database) throws SQLException {
    DocsInIdOrder docs = new DocsInIdOrder(searcher);
    Doc[] current = {docs.next()};
    database.streamPublished(DATABASE_BATCH, batch -> {
      for (IndexedPassage passage : batch) {
        published++;
        while (current[0] != null && current[0].id() < passage.id()) {
          extraDocument(current[0].id());
          current[0] = docs.next();
        }
        Doc doc = current[0] != null && current[0].id() == passage.id() ? current[0] : null;
        if (doc != null) {
          current[0] = docs.next();
        }
        Tally kind = doc == null ? missing
            : doc.copies() > 1 ? duplicated
            : doc.hash() != PassageDocuments.contentHash(passage) ? stale
            : null;
        if (kind != null && !skippedAsPending(passage.id())) {
          kind.add(passage.id());
          write(() -> repairs.replace(passage));
          replaced += repairs == null ? 0 : 1;
        }
      }
    });
    for (Doc doc = current[0]; doc != null; doc = docs.next()) {
      extraDocument(doc.id());
    }
  }

  private void extraDocument(long id) {
    if (!skippedAsPending(id)) {
      extra.add(id);
      write(() -> repairs.delete(id));
      deleted += repairs == null ? 0 : 1;
    }
  }

  private boolean skippedAsPending(long id) {
    if (pending.contains(id)) {
      pendingSkipped++;
      return true;
    }
    return false;
  }

  private interface Write {
    void run() throws IOException;
  }

  private void write(Write write) {
    if (repairs == null) {
      return;
    }
    try {
      write.run();
    } catch (IOException e) {
      throw new IndexUnavailableException("Cannot write the search index: " + e.getMessage(), e);
    }
  }

  CheckReport report(long indexDocuments, long indexPosition, long databasePosition, int changesApplied) {
    return new CheckReport(published, indexDocuments, indexPosition, databasePosition, changesApplied,
        missing.ids(), stale.ids(), extra.ids(), duplicated.ids(), pendingSkipped);
  }

  long replaced() {
    return replaced;
  }

  long deleted() {
    return deleted;
  }

  /** A count, and the first {@code show} ids counted. */
  private final class Tally {
    private long count;
    private final List<Long> first = new ArrayList<>();

    void add(long id) {
      count++;
      if (first.size() < show) {
        first.add(id);
      }
    }

    Ids ids() {
      return new Ids(count, List.copyOf(first));
    }
  }

  /**
   * The live documents of one searcher's view sorted by passage id, a page at a time; documents sharing an id
   * come out as one {@link Doc} with their count.
   */
  private static final class DocsInIdOrder {
    private static final Sort BY_ID_AND_HASH = new Sort(
        new SortField(PassageFields.ID_SORT, SortField.Type.LONG),
        new SortField(PassageFields.CONTENT_HASH, SortField.Type.LONG));

    private final IndexSearcher searcher;
    private ScoreDoc[] page = new ScoreDoc[0];
    private int next;
    private boolean lastPage;
    private FieldDoc lookahead;

    DocsInIdOrder(IndexSearcher searcher) {
      this.searcher = searcher;
      this.lookahead = nextFieldDoc();
    }

    Doc next() {
      if (lookahead == null) {
        return null;
      }
      FieldDoc first = lookahead;
      int copies = 1;
      while ((lookahead = nextFieldDoc()) != null && id(lookahead) == id(first)) {
        copies++;
      }
      return new Doc(id(first), (Long) first.fields[1], copies);
    }

    private static long id(FieldDoc doc) {
      return (Long) doc.fields[0];
    }

    private FieldDoc nextFieldDoc() {
      if (next == page.length) {
        if (lastPage) {
          return null;
        }
        try {
          ScoreDoc after = page.length == 0 ? null : page[page.length - 1];
          page = searcher.searchAfter(after, new MatchAllDocsQuery(), INDEX_PAGE, BY_ID_AND_HASH).scoreDocs;
        } catch (IOException e) {
          throw new IndexUnavailableException("Cannot read the search index: " + e.getMessage(), e);
        }
        next = 0;
        lastPage = page.length < INDEX_PAGE;
        if (page.length == 0) {
          return null;
        }
      }
      return (FieldDoc) page[next++];
    }
  }
}
