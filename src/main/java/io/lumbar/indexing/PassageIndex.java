package io.lumbar.indexing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of published passages. The only owner of the {@link IndexWriter}s and {@link
 * SearcherManager}s: writers go through {@link #replace}/{@link #delete}, readers through {@link
 * #acquire}. The commit carries the change-log position the index reflects, so a restart knows
 * where to resume.
 *
 * <p>On disk the index folder holds generations, {@code gen-<n>/}, and a pointer file {@value
 * #POINTER} naming the live one. A rebuild writes a new generation beside the live one, which keeps
 * answering and taking edits, then {@link #swapTo} replaces the pointer atomically (temp file +
 * atomic move), switches searches over and deletes the old generation. On open, generations the
 * pointer does not name (a rebuild cut short by a crash) are deleted. A folder in the old layout
 * (Lucene files directly in it, no pointer) is opened as it is; its first rebuild moves it to the
 * new layout.
 */
public final class PassageIndex implements IndexWrites, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PassageIndex.class);
  static final String POSITION_KEY = "lumbar.changeLogPosition";
  static final String SCHEMA_KEY = "lumbar.schemaVersion";

  /**
   * The change-log follower's state above the position: what a restart goes on from (see
   * IndexFollower).
   */
  static final String FOLLOWED_KEY = "lumbar.changeLogFollowed";

  /** The file naming the live generation folder. */
  static final String POINTER = "live-generation";

  private static final String POINTER_TEMP = POINTER + ".tmp";

  /**
   * Held while open, so a second process neither writes the index nor deletes another's half-built
   * generation.
   */
  private static final String FOLDER_LOCK = "lumbar-index.lock";

  private static final Pattern GENERATION = Pattern.compile("gen-(\\d+)");

  /**
   * BM25 with a low k1: passages are short, so a word's second and third mention say little more
   * than the first (measured with {@code lumbar eval}: k1 0.6 beat the default 1.2 on both query
   * sets).
   */
  public static final Similarity SIMILARITY = new BM25Similarity(0.6f, 0.75f);

  private static final double RAM_BUFFER_MB = 64;

  /**
   * A rebuild flushes less often with a larger buffer; at most a quarter of the heap, so a small
   * heap still copes.
   */
  private static final double REBUILD_RAM_BUFFER_MB =
      Math.max(
          RAM_BUFFER_MB, Math.min(256, Runtime.getRuntime().maxMemory() / 4.0 / (1024 * 1024)));

  /** One generation with the searchers over it; replaced as a whole by a swap. */
  private record Live(IndexGeneration generation, SearcherManager searchers) {}

  private final Path root;
  private final Directory rootDirectory;
  private final Lock folderLock;
  private final Analyzer analyzer;
  private final String schema;
  private final List<ReferenceManager.RefreshListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Live live;
  private int lastGenerationNumber;

  private PassageIndex(
      Path root, Directory rootDirectory, Lock folderLock, Analyzer analyzer, String analysisId) {
    this.root = root;
    this.rootDirectory = rootDirectory;
    this.folderLock = folderLock;
    this.analyzer = analyzer;
    this.schema = PassageFields.SCHEMA_VERSION + "/" + analysisId;
  }

  /** Opens the index in {@code dir}, creating it when absent. */
  public static PassageIndex open(Path dir, Analyzer analyzer) {
    return open(dir, analyzer, "");
  }

  /**
   * Opens the index in {@code dir}; {@code analysisId} names the analysis the documents are indexed
   * with (e.g. a checksum of the stop words), so an index built with other analysis is known to
   * need a rebuild.
   */
  public static PassageIndex open(Path dir, Analyzer analyzer, String analysisId) {
    Directory rootDirectory = null;
    Lock lock = null;
    try {
      Files.createDirectories(dir);
      rootDirectory = FSDirectory.open(dir);
      lock = rootDirectory.obtainLock(FOLDER_LOCK);
      PassageIndex index = new PassageIndex(dir, rootDirectory, lock, analyzer, analysisId);
      index.openLive();
      return index;
    } catch (IOException e) {
      closeQuietly(lock);
      closeQuietly(rootDirectory);
      throw new IndexUnavailableException(
          "Cannot open the search index in " + dir.toAbsolutePath() + ": " + reason(e), e);
    }
  }

  /**
   * The folder holding the live generation's Lucene files, for tools that read the index without
   * Lumbar (a running server may swap generations meanwhile): {@code dir} itself in the old layout.
   */
  public static Path liveFolder(Path dir) {
    try {
      Path pointer = dir.resolve(POINTER);
      return Files.exists(pointer)
          ? dir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip())
          : dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void openLive() throws IOException {
    String pointed = readPointer();
    lastGenerationNumber = highestGenerationNumber();
    IndexGeneration generation;
    if (pointed != null) {
      generation =
          openGeneration(
              pointed,
              writerConfig(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND, RAM_BUFFER_MB));
    } else if (DirectoryReader.indexExists(rootDirectory)) {
      Directory directory = FSDirectory.open(root);
      try {
        generation =
            new IndexGeneration(
                "",
                root,
                directory,
                new IndexWriter(
                    directory,
                    writerConfig(analyzer, IndexWriterConfig.OpenMode.APPEND, RAM_BUFFER_MB)),
                schema);
      } catch (IOException e) {
        directory.close();
        throw e;
      }
    } else {
      generation =
          openGeneration(
              "gen-" + (++lastGenerationNumber),
              writerConfig(analyzer, IndexWriterConfig.OpenMode.CREATE, RAM_BUFFER_MB));
      writePointer(generation.name());
    }
    try {
      live = withSearchers(generation);
    } catch (IOException e) {
      generation.close();
      throw e;
    }
    deleteLeftovers(generation);
  }

  private IndexGeneration openGeneration(String name, IndexWriterConfig config) throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    try {
      return new IndexGeneration(name, dir, directory, new IndexWriter(directory, config), schema);
    } catch (IOException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * A new, empty generation beside the live one, for a rebuild; hand it to {@link #swapTo} once
   * complete, or to {@link #discard}. Searches and edits keep going to the live generation
   * meanwhile.
   */
  IndexGeneration newGeneration() {
    try {
      String name;
      synchronized (this) {
        name = "gen-" + (++lastGenerationNumber);
      }
      deleteTree(root.resolve(name));
      return openGeneration(name, rebuildWriterConfig(analyzer));
    } catch (IOException e) {
      throw new IndexUnavailableException(
          "Cannot create a new search index generation in " + root + ": " + reason(e), e);
    }
  }

  /**
   * Makes {@code next} (committed) the live generation: new searches see it at once, searches
   * already holding a searcher of the old one finish on it. Then the old generation is closed and
   * deleted.
   */
  void swapTo(IndexGeneration next) throws IOException {
    next.writer().getConfig().setRAMBufferSizeMB(RAM_BUFFER_MB);
    Live fresh = withSearchers(next);
    try {
      writePointer(next.name());
    } catch (IOException e) {
      fresh.searchers().close();
      throw e;
    }
    Live old = live;
    live = fresh;
    retire(old.generation(), old.searchers());
  }

  /** Gives up a generation that will not be swapped in: drops its work and deletes its folder. */
  void discard(IndexGeneration generation) {
    generation.rollbackAndClose();
    if (generation.dir() != null && !generation.name().isEmpty()) {
      try {
        deleteTree(generation.dir());
      } catch (IOException e) {
        log.warn(
            "Could not delete the unfinished index generation {}: {}; it is deleted on the next start",
            generation.dir(),
            e.getMessage());
      }
    }
  }

  private void retire(IndexGeneration old, SearcherManager searchers) {
    try {
      searchers.close();
      old.close();
      if (old.name().isEmpty()) {
        deleteOldLayoutFiles();
      } else {
        // Searches still holding a reader keep their open files (POSIX); the files go when they let
        // go.
        deleteTree(old.dir());
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Could not delete the previous index generation {}: {}; it is deleted on the next start",
          old.dir(),
          e.getMessage());
    }
  }

  private Live withSearchers(IndexGeneration generation) throws IOException {
    SearcherManager searchers =
        new SearcherManager(
            generation.writer(),
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(SIMILARITY);
                return searcher;
              }
            });
    listeners.forEach(searchers::addListener);
    return new Live(generation, searchers);
  }

  private String readPointer() throws IOException {
    Path pointer = root.resolve(POINTER);
    if (!Files.exists(pointer)) {
      return null;
    }
    String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    if (!GENERATION.matcher(name).matches()) {
      throw new IOException(
          pointer + " should name a generation folder such as gen-1, not '" + name + "'");
    }
    return name;
  }

  /**
   * Written beside, then moved over the old pointer: a crash leaves the old or the new name, never
   * half of one.
   */
  private void writePointer(String name) throws IOException {
    Path temp = root.resolve(POINTER_TEMP);
    try (var channel =
        java.nio.channels.FileChannel.open(
            temp,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
            java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    }
    Files.move(temp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE);
    rootDirectory.syncMetaData();
  }

  private int highestGenerationNumber() throws IOException {
    int highest = 0;
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        var matcher = GENERATION.matcher(child.getFileName().toString());
        if (matcher.matches()) {
          highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
      }
    }
    return highest;
  }

  /**
   * Generations a rebuild left behind (crash, kill), and old-layout files once the layout has moved
   * on.
   */
  private void deleteLeftovers(IndexGeneration current) throws IOException {
    Files.deleteIfExists(root.resolve(POINTER_TEMP));
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (Files.isDirectory(child)
            && GENERATION.matcher(name).matches()
            && !name.equals(current.name())) {
          log.info("Deleting {}: an index generation left by a rebuild that did not finish", child);
          deleteTree(child);
        }
      }
    }
    if (!current.name().isEmpty()) {
      deleteOldLayoutFiles();
    }
  }

  private void deleteOldLayoutFiles() throws IOException {
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (Files.isRegularFile(child)
            && (name.startsWith(IndexFileNames.SEGMENTS)
                || name.equals(IndexWriter.WRITE_LOCK_NAME)
                || name.equals(IndexFileNames.PENDING_SEGMENTS)
                || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches())) {
          Files.deleteIfExists(child);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
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

  /** A rebuild's writer settings: a new index, with a larger buffer than a follower's writes. */
  public static IndexWriterConfig rebuildWriterConfig(Analyzer analyzer) {
    return writerConfig(analyzer, IndexWriterConfig.OpenMode.CREATE, REBUILD_RAM_BUFFER_MB);
  }

  /**
   * Passage vectors in Lucene's scalar-quantized HNSW format: searched as bytes, about a quarter of
   * the memory of floats (the floats stay on disk for re-scoring); see BENCHMARKS.md for what it
   * cost in quality.
   */
  private static final KnnVectorsFormat VECTOR_FORMAT =
      new Lucene104HnswScalarQuantizedVectorsFormat();

  private static final Codec CODEC =
      new Lucene104Codec() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return VECTOR_FORMAT;
        }
      };

  private static IndexWriterConfig writerConfig(
      Analyzer analyzer, IndexWriterConfig.OpenMode mode, double bufferMb) {
    return new IndexWriterConfig(analyzer)
        .setCodec(CODEC)
        .setSimilarity(SIMILARITY)
        .setOpenMode(mode)
        .setRAMBufferSizeMB(bufferMb)
        // Only explicit commits carry a change-log position; a crash or failed rebuild must not
        // save half work.
        .setCommitOnClose(false);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception suppressed) {
        // Already failing to open; the first error is the one to report.
      }
    }
  }

  /** The folder name of the live generation ({@code gen-<n>}); empty in the old layout. */
  String liveGeneration() {
    return live.generation().name();
  }

  /** The change-log position of the last commit; 0 for a new index. */
  public long committedPosition() {
    String position = live.generation().commitData(POSITION_KEY);
    return position == null ? 0 : Long.parseLong(position);
  }

  /** The follower's state committed with {@link #committedPosition()}; empty when none was. */
  String committedFollowed() {
    String followed = live.generation().commitData(FOLLOWED_KEY);
    return followed == null ? "" : followed;
  }

  /**
   * False for a new index and for one written with other fields or analysis (stop words...): it
   * must be rebuilt.
   */
  public boolean hasCurrentSchema() {
    return schema.equals(live.generation().commitData(SCHEMA_KEY));
  }

  @Override
  public void replace(IndexedPassage passage) throws IOException {
    live.generation().replace(passage);
  }

  @Override
  public void delete(long passageId) throws IOException {
    live.generation().delete(passageId);
  }

  @Override
  public void commit(long position, String followed) throws IOException {
    live.generation().commit(position, followed);
  }

  /** Makes everything written so far visible to new searches (near-real-time, no fsync). */
  @Override
  public void refresh() throws IOException {
    live.searchers().maybeRefreshBlocking();
  }

  /**
   * Told before and after each refresh, e.g. to time it; also by the generations swapped in later.
   */
  void addRefreshListener(ReferenceManager.RefreshListener listener) {
    listeners.add(listener);
    live.searchers().addListener(listener);
  }

  /** A searcher over the latest refreshed view; hand it back with {@link #release}. */
  public IndexSearcher acquire() {
    while (true) {
      Live current = live;
      try {
        return current.searchers().acquire();
      } catch (AlreadyClosedException e) {
        if (live == current) {
          throw e;
        }
        // Swapped between reading the live generation and acquiring from it: take the new one.
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Works for searchers of a generation swapped out meanwhile: what SearcherManager.release does,
   * without it.
   */
  public void release(IndexSearcher searcher) {
    try {
      searcher.getIndexReader().decRef();
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

  /** Bytes of the live generation's files, including files of commits not yet cleaned up. */
  long bytesOnDisk() throws IOException {
    return live.generation().bytesOnDisk();
  }

  @Override
  public void close() throws IOException {
    Live current = live;
    try {
      if (current != null) {
        current.searchers().close();
        current.generation().close();
      }
    } finally {
      closeQuietly(folderLock);
      closeQuietly(rootDirectory);
    }
  }
}
