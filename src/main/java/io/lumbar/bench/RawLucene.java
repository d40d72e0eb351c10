package io.lumbar.bench;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Lucene with nothing of Lumbar around it: the limit Lumbar is measured against. Indexing adds one analysed
 * text field per passage, with Lumbar's analyzer, from texts already in memory, on as many threads as Lumbar's
 * reindex uses; searching asks the text field of Lumbar's own index with a plain OR of the analysed words and
 * reads the stored text of the top ten, as the API returns them.
 */
final class RawLucene {
  private RawLucene() {}

  /** Indexes {@code texts} into a new index in {@code dir} and commits; returns the nanoseconds it took. */
  static long index(List<String> texts, Analyzer analyzer, Path dir, int threads) {
    long started = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(256);
    try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
      AtomicInteger next = new AtomicInteger();
      Thread[] workers = new Thread[threads];
      IOException[] failure = {null};
      for (int t = 0; t < threads; t++) {
        workers[t] = Thread.ofPlatform().name("raw-indexer-" + t).start(() -> {
          try {
            for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
              Document doc = new Document();
              doc.add(new TextField(PassageFields.TEXT, texts.get(i), Field.Store.YES));
              writer.addDocument(doc);
            }
          } catch (IOException e) {
            failure[0] = e;
          }
        });
      }
      for (Thread worker : workers) {
        worker.join();
      }
      if (failure[0] != null) {
        throw failure[0];
      }
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - started;
  }

  /** Searches the text field of the index in {@code dir}, which a running Lumbar may be writing meanwhile. */
  static final class Searcher implements LoadRunner.Searcher, AutoCloseable {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryBuilder queries;

    Searcher(Path dir, Analyzer analyzer) {
      try {
        directory = FSDirectory.open(dir);
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        queries = new QueryBuilder(analyzer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public long search(String text) throws IOException {
      Query query = queries.createBooleanQuery(PassageFields.TEXT, text, Occur.SHOULD);
      if (query == null) {
        return 0;
      }
      ScoreDoc[] hits = searcher.search(query, 10).scoreDocs;
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : hits) {
        stored.document(hit.doc);
      }
      return hits.length;
    }

    @Override
    public void close() throws IOException {
      reader.close();
      directory.close();
    }
  }
}
