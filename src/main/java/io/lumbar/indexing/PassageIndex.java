package io.lumbar.indexing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of published passages. The only owner of the {@link IndexWriter} and the
 * {@link SearcherManager}: writers go through {@link #replace}/{@link #delete}, readers through
 * {@link #acquire}. The commit carries the change-log position the index reflects, so a restart
 * knows where to resume.
 */
public final class PassageIndex implements AutoCloseable {
  static final String POSITION_KEY = "lumbar.changeLogPosition";
  static final String SCHEMA_KEY = "lumbar.schemaVersion";
  /**
   * BM25 with a low k1: passages are short, so a word's second and third mention say little more than the
   * first (measured with {@code lumbar eval}: k1 0.6 beat the default 1.2 on both query sets).
   */
  static final Similarity SIMILARITY = new BM25Similarity(0.6f, 0.75f);
  private static final double RAM_BUFFER_MB = 64;
  /** A rebuild flushes less often with a larger buffer; at most a quarter of the heap, so a small heap still copes. */
  private static final double REBUILD_RAM_BUFFER_MB = Math.max(RAM_BUFFER_MB,
      Math.min(256, Runtime.getRuntime().maxMemory() / 4.0 / (1024 * 1024)));

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private final String schema;

  private PassageIndex(Directory directory, IndexWriter writer, String analysisId) throws IOException {
    this.schema = PassageFields.SCHEMA_VERSION + "/" + analysisId;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(SIMILARITY);
        return searcher;
      }
    });
  }

  /** Opens the index in {@code dir}, creating it when absent. */
  public static PassageIndex open(Path dir, Analyzer analyzer) {
    return open(dir, analyzer, "");
  }

  /**
   * Opens the index in {@code dir}; {@code analysisId} names the analysis the documents are indexed with
   * (e.g. a checksum of the stop words), so an index built with other analysis is known to need a rebuild.
   */
  public static PassageIndex open(Path dir, Analyzer analyzer, String analysisId) {
    Directory directory = null;
    try {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      return new PassageIndex(directory, new IndexWriter(directory, writerConfig(analyzer)), analysisId);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new IndexUnavailableException("Cannot open the search index in " + dir.toAbsolutePath() + ": " + reason(e), e);
    }
  }

  /** What went wrong with the folder, in words; Java's own messages are often just the path. */
  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException exists) {
      return exists.getFile() + " is a file, not a folder";
    }
    if (e instanceof AccessDeniedException denied) {
      return "no permission to write " + denied.getFile();
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A throw-away index in memory, for relevance evaluation and benchmarks beside a live server. */
  public static PassageIndex inMemory(Analyzer analyzer) {
    Directory directory = new ByteBuffersDirectory();
    try {
      return new PassageIndex(directory, new IndexWriter(directory, writerConfig(analyzer)), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IndexWriterConfig writerConfig(Analyzer analyzer) {
    return new IndexWriterConfig(analyzer)
        .setSimilarity(SIMILARITY)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(RAM_BUFFER_MB)
        // Only explicit commits carry a change-log position; a crash or failed rebuild must not save half work.
        .setCommitOnClose(false);
  }

  private static void closeQuietly(Directory directory) {
    if (directory != null) {
      try {
        directory.close();
      } catch (IOException suppressed) {
        // Already failing to open; the first error is the one to report.
      }
    }
  }

  /** The change-log position of the last commit; 0 for a new index. */
  public long committedPosition() {
    String position = commitData(POSITION_KEY);
    return position == null ? 0 : Long.parseLong(position);
  }

  /** False for a new index and for one written with other fields or analysis (stop words...): it must be rebuilt. */
  public boolean hasCurrentSchema() {
    return schema.equals(commitData(SCHEMA_KEY));
  }

  private String commitData(String key) {
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Adds the passage, or replaces the document with the same id. */
  void replace(IndexedPassage passage) throws IOException {
    writer.updateDocument(new Term(PassageFields.ID, Long.toString(passage.id())), PassageDocuments.toDocument(passage));
  }

  /** Adds a passage known not to be in the index (a rebuild after {@link #deleteAll}); safe from several threads. */
  void add(IndexedPassage passage) throws IOException {
    writer.addDocument(PassageDocuments.toDocument(passage));
  }

  /** A bigger buffer while rebuilding: fewer, larger segments to flush and merge. */
  void useRebuildBuffer(boolean rebuilding) {
    writer.getConfig().setRAMBufferSizeMB(rebuilding ? REBUILD_RAM_BUFFER_MB : RAM_BUFFER_MB);
  }

  void delete(long passageId) throws IOException {
    writer.deleteDocuments(new Term(PassageFields.ID, Long.toString(passageId)));
  }

  void deleteAll() throws IOException {
    writer.deleteAll();
  }

  /** Makes everything written so far durable, together with the change-log position it reflects. */
  void commit(long position) throws IOException {
    writer.setLiveCommitData(Map.of(
        POSITION_KEY, Long.toString(position),
        SCHEMA_KEY, schema).entrySet());
    writer.commit();
  }

  /** Discards everything since the last commit and closes the writer; the index stays as last committed. */
  void rollback() {
    try {
      writer.rollback();
    } catch (IOException e) {
      throw new IndexUnavailableException("Cannot roll back the search index: " + e.getMessage(), e);
    }
  }

  /** Makes everything written so far visible to new searches (near-real-time, no fsync). */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Told before and after each refresh, e.g. to time it. */
  void addRefreshListener(ReferenceManager.RefreshListener listener) {
    searchers.addListener(listener);
  }

  /** A searcher over the latest refreshed view; hand it back with {@link #release}. */
  public IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Number of passages searchable right now. */
  public int size() {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  /** Bytes of the index files, including files of commits not yet cleaned up. */
  long bytesOnDisk() throws IOException {
    long total = 0;
    for (String file : directory.listAll()) {
      try {
        total += directory.fileLength(file);
      } catch (NoSuchFileException | FileNotFoundException e) {
        // Merged away between listing and measuring: no longer part of the index.
      }
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    if (writer.isOpen()) {
      writer.close();
    }
    directory.close();
  }
}
