package io.lumbar.indexing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Adds batches of passages to the index on several threads while the caller reads the next batch
 * from the database: analysis is the expensive part of indexing, and {@code IndexWriter} takes
 * documents from many threads at once. After a failure the threads keep draining the queue without
 * indexing, so the reader never blocks; the failure is thrown to the caller on its next {@link
 * #submit} or at {@link #finish}.
 */
final class ParallelIndexer implements AutoCloseable {
  /** Compared by identity: tells a thread there are no more batches. */
  private static final List<IndexedPassage> END = new ArrayList<>();

  private final IndexGeneration index;
  private final BlockingQueue<List<IndexedPassage>> queue;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger indexed = new AtomicInteger();
  private volatile Exception failure;
  private boolean finished;

  ParallelIndexer(IndexGeneration index, int threadCount) {
    this.index = index;
    this.queue = new ArrayBlockingQueue<>(2 * threadCount);
    for (int i = 0; i < threadCount; i++) {
      threads.add(Thread.ofPlatform().name("index-rebuild-" + i).daemon().start(this::work));
    }
  }

  private void work() {
    try {
      for (List<IndexedPassage> batch = queue.take(); batch != END; batch = queue.take()) {
        if (failure != null) {
          continue;
        }
        try {
          for (IndexedPassage passage : batch) {
            index.add(passage);
          }
          indexed.addAndGet(batch.size());
        } catch (IOException | RuntimeException e) {
          failure = e;
        }
      }
      // What is still buffered is flushed here, one buffer per thread at once, rather than by the
      // commit alone.
      while (failure == null && index.flushNextBuffer()) {
        // Next buffer.
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void submit(List<IndexedPassage> batch) {
    throwIfFailed();
    put(batch);
  }

  /** Passages added so far. */
  int indexed() {
    return indexed.get();
  }

  /** Waits for every submitted batch to be added; returns how many passages were. */
  int finish() {
    stop();
    throwIfFailed();
    return indexed.get();
  }

  private void stop() {
    if (finished) {
      return;
    }
    finished = true;
    for (int i = 0; i < threads.size(); i++) {
      put(END);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IndexUnavailableException("Interrupted while rebuilding the search index", e);
      }
    }
  }

  private void put(List<IndexedPassage> batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.forEach(Thread::interrupt);
      throw new IndexUnavailableException("Interrupted while rebuilding the search index", e);
    }
  }

  private void throwIfFailed() {
    Exception e = failure;
    if (e != null) {
      throw new IndexUnavailableException("Cannot write the search index: " + e.getMessage(), e);
    }
  }

  /**
   * Stops the threads after a failure elsewhere (reading the database); a no-op after {@link
   * #finish}.
   */
  @Override
  public void close() {
    stop();
  }
}
