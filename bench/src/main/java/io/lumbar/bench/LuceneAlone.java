package io.lumbar.bench;

import io.lumbar.db.Database;
import io.lumbar.indexing.IndexFollower;
import io.lumbar.indexing.IndexSource;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageDocuments;
import io.lumbar.indexing.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * For the benchmark: Lucene with nothing of Lumbar's pipeline around it, doing Lumbar's work (its
 * documents, its ranking), so the benchmark can tell what the pipeline costs from what the
 * documents and queries cost.
 */
final class LuceneAlone {
  private LuceneAlone() {}

  /** Every published passage as a rebuild reads it, in id order, into memory. */
  static List<IndexedPassage> readPublished(Database db) {
    List<IndexedPassage> passages = new ArrayList<>();
    new IndexSource(db, null).streamAllPublished(IndexFollower.REBUILD_BATCH, passages::addAll);
    return passages;
  }

  /**
   * Untagged passages of these texts: enough to compile a rebuild's document path before anything
   * is timed.
   */
  static List<IndexedPassage> untagged(List<String> texts) {
    List<IndexedPassage> passages = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      passages.add(
          new IndexedPassage(
              i + 1,
              1,
              "",
              null,
              texts.get(i),
              i,
              List.of(),
              List.of(),
              List.of(),
              IndexedPassage.Provenance.UNKNOWN,
              null));
    }
    return passages;
  }

  /**
   * Times Lucene alone adding exactly the documents a rebuild adds for {@code passages}, with the
   * rebuild's writer settings, on {@code threads} threads, into a new index in {@code dir}, and
   * committing; returns the nanoseconds. With the passages already in memory, this is what a
   * rebuild from MariaDB could reach at best; the difference is what streaming rows, batching and
   * handing them to the threads cost.
   */
  static long onLumbarDocuments(
      List<IndexedPassage> passages, Analyzer analyzer, Path dir, int threads) {
    return index(
        dir,
        PassageIndex.rebuildWriterConfig(analyzer),
        passages.size(),
        i -> PassageDocuments.toDocument(passages.get(i)),
        threads);
  }

  /** The ranking Lumbar's searches use, for Lucene alone running Lumbar's query. */
  static Similarity similarity() {
    return PassageIndex.SIMILARITY;
  }

  /**
   * Lucene alone adding documents 0 to {@code count - 1} on {@code threads} threads into a new
   * index in {@code dir}, then committing; returns the nanoseconds it took.
   */
  static long index(
      Path dir, IndexWriterConfig config, int count, IntFunction<Document> document, int threads) {
    long started = System.nanoTime();
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config)) {
      AtomicInteger next = new AtomicInteger();
      List<Thread> workers = new ArrayList<>();
      Throwable[] failure = {null};
      for (int t = 0; t < threads; t++) {
        workers.add(
            Thread.ofPlatform()
                .name("lucene-alone-" + t)
                .start(
                    () -> {
                      try {
                        for (int i = next.getAndIncrement();
                            i < count;
                            i = next.getAndIncrement()) {
                          writer.addDocument(document.apply(i));
                        }
                      } catch (Throwable e) {
                        // Out of memory included: a lane that lost documents must not report a
                        // rate.
                        failure[0] = e;
                      }
                    }));
      }
      for (Thread worker : workers) {
        worker.join();
      }
      if (failure[0] != null) {
        throw new IllegalStateException(
            "Lucene alone failed to index: " + failure[0].getMessage(), failure[0]);
      }
      writer.commit();
      if (writer.getDocStats().numDocs != count) {
        throw new IllegalStateException(
            "Lucene alone indexed " + writer.getDocStats().numDocs + " documents of " + count);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - started;
  }
}
