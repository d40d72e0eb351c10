package io.lumbar.scratch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch folders for the measuring commands (an index rebuilt for one evaluation, a benchmark's
 * raw Lucene index): deleted with everything in them once the run is done.
 */
public final class ScratchFolder {
  private ScratchFolder() {}

  /**
   * A new empty folder in the system's temporary directory, its name starting with {@code prefix}.
   */
  public static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
