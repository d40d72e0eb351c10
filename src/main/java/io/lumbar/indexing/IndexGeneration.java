package io.lumbar.indexing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;

/**
 * One complete Lucene index: its folder ({@code gen-<n>/} under the index folder, or none in
 * memory), directory and writer. The live generation answers searches; a rebuild writes a new one
 * beside it, and {@link PassageIndex} swaps to it once it has caught up.
 */
final class IndexGeneration implements IndexWrites {
  private final String name;
  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final String schema;

  IndexGeneration(String name, Path dir, Directory directory, IndexWriter writer, String schema) {
    this.name = name;
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.schema = schema;
  }

  /**
   * The folder name the pointer file holds; empty for the old layout (files directly in the index
   * folder).
   */
  String name() {
    return name;
  }

  /** The folder, or null in memory. */
  Path dir() {
    return dir;
  }

  IndexWriter writer() {
    return writer;
  }

  String commitData(String key) {
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public void replace(IndexedPassage passage) throws IOException {
    writer.updateDocument(
        new Term(PassageFields.ID, Long.toString(passage.id())),
        PassageDocuments.toDocument(passage));
  }

  /** Adds a passage known not to be in this generation; safe from several threads. */
  void add(IndexedPassage passage) throws IOException {
    writer.addDocument(PassageDocuments.toDocument(passage));
  }

  /** Writes one in-memory buffer as a segment on the calling thread; false when none is left. */
  boolean flushNextBuffer() throws IOException {
    return writer.flushNextBuffer();
  }

  @Override
  public void delete(long passageId) throws IOException {
    writer.deleteDocuments(new Term(PassageFields.ID, Long.toString(passageId)));
  }

  @Override
  public void commit(long position, String followed) throws IOException {
    writer.setLiveCommitData(
        Map.of(
                PassageIndex.POSITION_KEY, Long.toString(position),
                PassageIndex.FOLLOWED_KEY, followed,
                PassageIndex.SCHEMA_KEY, schema)
            .entrySet());
    writer.commit();
  }

  /** Not searched until swapped in; the swap opens its searchers. */
  @Override
  public void refresh() {}

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

  /** Drops everything since the last commit and closes; what stays on disk is up to the caller. */
  void rollbackAndClose() {
    try {
      if (writer.isOpen()) {
        writer.rollback();
      }
    } catch (IOException | RuntimeException e) {
      // Already giving this generation up; the folder is deleted next.
    }
    try {
      directory.close();
    } catch (IOException e) {
      // Same.
    }
  }

  /** Closes without committing (commit-on-close is off): work since the last commit is dropped. */
  void close() throws IOException {
    try {
      if (writer.isOpen()) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
