package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written with other fields or other analysis (stop words) is known to need a rebuild. */
class IndexSchemaTest {
  @TempDir Path dir;

  @Test
  void the_commit_remembers_the_schema_and_analysis_it_was_written_with() throws Exception {
    try (PassageIndex index = PassageIndex.open(dir, new StandardAnalyzer(), "stopwords-1")) {
      assertThat(index.hasCurrentSchema()).as("a new index").isFalse();
      index.commit(0);
      assertThat(index.hasCurrentSchema()).isTrue();
    }
    try (PassageIndex same = PassageIndex.open(dir, new StandardAnalyzer(), "stopwords-1")) {
      assertThat(same.hasCurrentSchema()).isTrue();
    }
    try (PassageIndex edited = PassageIndex.open(dir, new StandardAnalyzer(), "stopwords-2")) {
      assertThat(edited.hasCurrentSchema()).as("after editing the stop words").isFalse();
    }
  }
}
