package io.lumbar.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Plain Lucene as a developer would first write it: one text field, one analyzer, BM25, any word
 * may match. The yardstick Lumbar's ranking has to beat.
 */
final class LuceneBaseline implements Ranker {
  private static final String TEXT = "text";

  private final String name;
  private final Analyzer analyzer;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  LuceneBaseline(String name, Analyzer analyzer, List<String> texts) {
    this.name = name;
    this.analyzer = analyzer;
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (String text : texts) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, text, Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.commit();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> top(String query, int k) {
    Query parsed = new QueryBuilder(analyzer).createBooleanQuery(TEXT, query, Occur.SHOULD);
    if (parsed == null) {
      return List.of();
    }
    try {
      StoredFields stored = searcher.storedFields();
      List<String> texts = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(parsed, k).scoreDocs) {
        texts.add(stored.document(hit.doc).get(TEXT));
      }
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
      analyzer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
