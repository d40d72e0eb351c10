package io.lumbar.bench;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Lucene with nothing of Lumbar around it: the limit Lumbar is measured against. Indexing adds one
 * analysed text field per passage, with Lumbar's analyzer, from texts already in memory, on as many
 * threads as Lumbar's reindex uses; searching asks Lumbar's own index for the top ten and reads
 * their stored text, as the API returns them, with a plain OR of the analysed words in the text
 * field ({@link Searcher#plainOr}) and Lucene's default BM25, or with the query Lumbar itself would
 * run and Lumbar's BM25.
 */
final class RawLucene {
  private RawLucene() {}

  /**
   * Indexes {@code texts} into a new index in {@code dir} and commits; returns the nanoseconds it
   * took.
   */
  static long index(List<String> texts, Analyzer analyzer, Path dir, int threads) {
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(256);
    return LuceneAlone.index(
        dir,
        config,
        texts.size(),
        i -> {
          Document doc = new Document();
          doc.add(new TextField(PassageFields.TEXT, texts.get(i), Field.Store.YES));
          return doc;
        },
        threads);
  }

  /**
   * Turns a query text into a Lucene query over {@code reader}; null when nothing is searchable.
   */
  @FunctionalInterface
  interface Planner {
    Query plan(String text, IndexReader reader);
  }

  /** Searches the index in {@code dir}, which a running Lumbar may be writing meanwhile. */
  static final class Searcher implements LoadRunner.Searcher, AutoCloseable {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Planner planner;

    Searcher(Path dir, Planner planner, Similarity similarity) {
      this.planner = planner;
      try {
        directory = FSDirectory.open(dir);
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Any analysed word of the query in the text field, scored by BM25: what a hand-rolled Lucene
     * search does.
     */
    static Planner plainOr(Analyzer analyzer) {
      QueryBuilder queries = new QueryBuilder(analyzer);
      return (text, reader) -> queries.createBooleanQuery(PassageFields.TEXT, text, Occur.SHOULD);
    }

    @Override
    public long search(String text) throws IOException {
      Query query = planner.plan(text, reader);
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
