package io.lumbar.indexing;

import static io.lumbar.indexing.IndexFixture.passage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index folder holds generations and a pointer to the live one; a swap is atomic for searches.
 */
class PassageIndexGenerationsTest {
  @TempDir Path dir;

  @Test
  void a_new_folder_starts_with_the_first_generation_and_a_pointer_to_it() throws Exception {
    try (PassageIndex index = PassageIndex.open(dir, new StandardAnalyzer())) {
      assertThat(index.liveGeneration()).isEqualTo("gen-1");
    }
    assertThat(Files.readString(dir.resolve(PassageIndex.POINTER)).strip()).isEqualTo("gen-1");
  }

  @Test
  void searchers_taken_before_a_swap_keep_their_view_until_released() throws Exception {
    try (PassageIndex index = PassageIndex.open(dir, new StandardAnalyzer())) {
      index.replace(passage(1, "alpha"));
      index.commit(3);
      index.refresh();
      var before = index.acquire();

      IndexGeneration next = index.newGeneration();
      next.replace(passage(2, "beta"));
      next.replace(passage(3, "gamma"));
      next.commit(5);
      index.swapTo(next);

      assertThat(before.getIndexReader().numDocs()).isEqualTo(1);
      assertThat(before.storedFields().document(0).get(PassageFields.TEXT)).isEqualTo("alpha");
      index.release(before);
      assertThat(index.size()).isEqualTo(2);
      assertThat(index.committedPosition()).isEqualTo(5);
      assertThat(index.liveGeneration()).isEqualTo("gen-2");
      assertThat(generations()).containsExactly("gen-2");
    }
    try (PassageIndex reopened = PassageIndex.open(dir, new StandardAnalyzer())) {
      assertThat(reopened.liveGeneration()).isEqualTo("gen-2");
      assertThat(reopened.size()).isEqualTo(2);
    }
  }

  @Test
  void a_discarded_generation_leaves_nothing_behind() throws Exception {
    try (PassageIndex index = PassageIndex.open(dir, new StandardAnalyzer())) {
      IndexGeneration next = index.newGeneration();
      next.replace(passage(2, "beta"));
      index.discard(next);
      assertThat(generations()).containsExactly("gen-1");
    }
  }

  @Test
  void generations_the_pointer_does_not_name_are_deleted_on_open() throws Exception {
    try (PassageIndex index = PassageIndex.open(dir, new StandardAnalyzer())) {
      index.commit(1);
    }
    Files.createDirectories(dir.resolve("gen-7"));
    Files.writeString(dir.resolve("gen-7").resolve("_0.cfs"), "half-built");
    try (PassageIndex index = PassageIndex.open(dir, new StandardAnalyzer())) {
      assertThat(index.liveGeneration()).isEqualTo("gen-1");
      assertThat(generations()).containsExactly("gen-1");
      // Numbers go on past any folder seen, so a new generation never reuses a name.
      IndexGeneration next = index.newGeneration();
      assertThat(next.name()).isEqualTo("gen-8");
      index.discard(next);
    }
  }

  @Test
  void an_index_in_the_old_layout_is_opened_as_it_is_and_moves_to_generations_on_its_first_rebuild()
      throws Exception {
    try (var directory = FSDirectory.open(dir);
        var writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.addDocument(PassageDocuments.toDocument(passage(1, "alpha")));
      writer.setLiveCommitData(Map.of(PassageIndex.POSITION_KEY, "7").entrySet());
      writer.commit();
    }
    try (PassageIndex index = PassageIndex.open(dir, new StandardAnalyzer())) {
      assertThat(index.liveGeneration()).isEmpty();
      assertThat(index.committedPosition()).isEqualTo(7);
      assertThat(index.size()).isEqualTo(1);

      IndexGeneration next = index.newGeneration();
      next.replace(passage(2, "beta"));
      next.commit(9);
      index.swapTo(next);

      assertThat(index.liveGeneration()).isEqualTo("gen-1");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no Lucene files left in the folder itself")
          .allMatch(
              name ->
                  name.equals("gen-1")
                      || name.equals(PassageIndex.POINTER)
                      || name.endsWith(".lock"));
    }
    try (PassageIndex reopened = PassageIndex.open(dir, new StandardAnalyzer())) {
      assertThat(reopened.committedPosition()).isEqualTo(9);
      assertThat(reopened.size()).isEqualTo(1);
    }
  }

  @Test
  void a_second_opener_of_the_same_folder_is_refused() throws Exception {
    try (PassageIndex index = PassageIndex.open(dir, new StandardAnalyzer())) {
      assertThatThrownBy(() -> PassageIndex.open(dir, new StandardAnalyzer()))
          .isInstanceOf(IndexUnavailableException.class)
          .hasMessageStartingWith("Cannot open the search index in ");
      assertThat(index.liveGeneration()).isEqualTo("gen-1");
    }
  }

  private java.util.List<String> generations() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }
}
