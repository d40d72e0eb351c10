package io.lumbar.indexing;

import io.lumbar.indexing.CheckReport.Ids;
import io.lumbar.indexing.IndexSource.SnapshotReader;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IntroSorter;

/**
 * One pass of the consistency check: the published passages of a database snapshot (streamed) and
 * the index's documents, both in id order, merged in one pass. With {@link Repairs} every differing
 * document is replaced or deleted as it is found.
 */
final class IndexCheck {
  private static final int DATABASE_BATCH = 1_000;

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

  /**
   * A document as the check sees it: its passage id, its content hash, and how many documents share
   * the id.
   */
  private record Doc(long id, long hash, int copies) {}

  void run(IndexSearcher searcher, SnapshotReader database) throws SQLException {
    DocsInIdOrder docs = new DocsInIdOrder(searcher);
    Doc[] current = {docs.next()};
    database.streamPublished(
        DATABASE_BATCH,
        batch -> {
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
            Tally kind =
                doc == null
                    ? missing
                    : doc.copies() > 1
                        ? duplicated
                        : doc.hash() != PassageDocuments.contentHash(passage) ? stale : null;
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

  CheckReport report(
      long indexDocuments, long indexPosition, long databasePosition, int changesApplied) {
    return new CheckReport(
        published,
        indexDocuments,
        indexPosition,
        databasePosition,
        changesApplied,
        missing.ids(),
        stale.ids(),
        extra.ids(),
        duplicated.ids(),
        pendingSkipped);
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
   * The live documents of one searcher's view in passage id order; documents sharing an id come out
   * as one {@link Doc} with their count. Each segment's (id, hash) pairs are read from doc values
   * and sorted once, then the segments are merged: linear in the index size. (Paging with a sorted
   * search read the whole index again for every page, quadratic at a million passages.) Memory: 16
   * bytes per document of the index.
   */
  private static final class DocsInIdOrder {
    private final PriorityQueue<Segment> segments =
        new PriorityQueue<>(Comparator.comparingLong(Segment::id).thenComparingLong(Segment::hash));

    DocsInIdOrder(IndexSearcher searcher) {
      try {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          Segment segment = Segment.read(leaf.reader());
          if (segment.size > 0) {
            segments.add(segment);
          }
        }
      } catch (IOException e) {
        throw new IndexUnavailableException("Cannot read the search index: " + e.getMessage(), e);
      }
    }

    Doc next() {
      Segment head = segments.poll();
      if (head == null) {
        return null;
      }
      long id = head.id();
      long hash = head.hash();
      int copies = 1;
      advance(head);
      while (!segments.isEmpty() && segments.peek().id() == id) {
        copies++;
        advance(segments.poll());
      }
      return new Doc(id, hash, copies);
    }

    private void advance(Segment segment) {
      if (++segment.next < segment.size) {
        segments.add(segment);
      }
    }
  }

  /**
   * One segment's live documents as parallel arrays sorted by id, then hash, and a cursor over
   * them.
   */
  private static final class Segment {
    private final long[] ids;
    private final long[] hashes;
    private final int size;
    private int next;

    private Segment(long[] ids, long[] hashes, int size) {
      this.ids = ids;
      this.hashes = hashes;
      this.size = size;
    }

    long id() {
      return ids[next];
    }

    long hash() {
      return hashes[next];
    }

    static Segment read(LeafReader reader) throws IOException {
      long[] ids = new long[reader.numDocs()];
      long[] hashes = new long[ids.length];
      NumericDocValues idValues = DocValues.getNumeric(reader, PassageFields.ID_SORT);
      NumericDocValues hashValues = DocValues.getNumeric(reader, PassageFields.CONTENT_HASH);
      Bits live = reader.getLiveDocs();
      int size = 0;
      for (int doc = 0; doc < reader.maxDoc() && size < ids.length; doc++) {
        if ((live == null || live.get(doc)) && idValues.advanceExact(doc)) {
          ids[size] = idValues.longValue();
          hashes[size] = hashValues.advanceExact(doc) ? hashValues.longValue() : 0;
          size++;
        }
      }
      int count = size;
      new IntroSorter() {
        private long pivotId;
        private long pivotHash;

        @Override
        protected void swap(int i, int j) {
          long id = ids[i];
          ids[i] = ids[j];
          ids[j] = id;
          long hash = hashes[i];
          hashes[i] = hashes[j];
          hashes[j] = hash;
        }

        @Override
        protected int compare(int i, int j) {
          int byId = Long.compare(ids[i], ids[j]);
          return byId != 0 ? byId : Long.compare(hashes[i], hashes[j]);
        }

        @Override
        protected void setPivot(int i) {
          pivotId = ids[i];
          pivotHash = hashes[i];
        }

        @Override
        protected int comparePivot(int j) {
          int byId = Long.compare(pivotId, ids[j]);
          return byId != 0 ? byId : Long.compare(pivotHash, hashes[j]);
        }
      }.sort(0, count);
      return new Segment(ids, hashes, count);
    }
  }
}
