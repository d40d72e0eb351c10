package io.lumbar.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.BundledCorpus;
import io.lumbar.search.LiveVocabulary;
import io.lumbar.semantic.EmbeddingWorker;
import io.lumbar.semantic.PassageVectors;
import io.lumbar.semantic.TextEmbedder;
import io.lumbar.tagging.BundledTaxonomy;
import java.util.Optional;

/**
 * The bundled articles and taxonomy in a throwaway database, every passage embedded by the real
 * model, with the live search vocabulary: what tests of ranking with semantic search on start from.
 */
public record BundledCorpusWithVectors(
    TestDatabase db, LiveVocabulary vocabulary, TextEmbedder model) implements AutoCloseable {
  public static BundledCorpusWithVectors create(ObjectMapper json) {
    TestDatabase db = TestDatabase.create();
    ArticleImporter importer = new ArticleImporter(db.database());
    BundledCorpus.articles(json).forEach(article -> importer.importArticle(article, "test"));
    BundledTaxonomy.applyIfNoTags(db.database(), json, "test");
    LiveVocabulary vocabulary = LiveVocabulary.start(db.database(), json);
    TextEmbedder model = TextEmbedder.load(Optional.empty());
    new EmbeddingWorker(model, new PassageVectors(db.database(), model.name())).drain();
    return new BundledCorpusWithVectors(db, vocabulary, model);
  }

  @Override
  public void close() throws Exception {
    vocabulary.close();
    db.close();
  }
}
