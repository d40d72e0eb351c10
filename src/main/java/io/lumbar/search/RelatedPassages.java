package io.lumbar.search;

import io.lumbar.db.NotFoundException;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageDocuments;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.indexing.TagRef;
import io.lumbar.search.SearchResponse.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * {@code /api/passages/{id}/related}: passages that share the most telling words and the same tags
 * (more-like-this).
 */
public final class RelatedPassages {
  public record Related(long id, List<Hit> related) {}

  private final PassageIndex index;
  private final Supplier<Vocabulary> vocabulary;

  public RelatedPassages(PassageIndex index, Supplier<Vocabulary> vocabulary) {
    this.index = index;
    this.vocabulary = vocabulary;
  }

  public Related find(long passageId, int limit) {
    IndexSearcher searcher = index.acquire();
    try {
      TopDocs self =
          searcher.search(new TermQuery(new Term(PassageFields.ID, Long.toString(passageId))), 1);
      if (self.scoreDocs.length == 0) {
        throw new NotFoundException("Published passage", passageId);
      }
      int doc = self.scoreDocs[0].doc;
      StoredFields stored = searcher.storedFields();
      IndexedPassage source = PassageDocuments.fromDocument(stored.document(doc));

      MoreLikeThis mlt = SimilarText.moreLikeThis(searcher.getIndexReader(), vocabulary.get());
      BooleanQuery.Builder query = new BooleanQuery.Builder().add(mlt.like(doc), Occur.SHOULD);
      addTags(query, PassageFields.CAUSE, source.causes());
      addTags(query, PassageFields.TREATMENT, source.treatments());
      query.add(
          new TermQuery(new Term(PassageFields.ID, Long.toString(passageId))), Occur.MUST_NOT);

      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
        IndexedPassage p = PassageDocuments.fromDocument(stored.document(hit.doc));
        hits.add(Hit.of(p, Snippets.leading(p.text(), 240), hit.score));
      }
      return new Related(passageId, hits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  private static void addTags(BooleanQuery.Builder query, String field, List<TagRef> tags) {
    for (TagRef tag : tags) {
      Query tagged = new ConstantScoreQuery(new TermQuery(new Term(field, tag.slug())));
      query.add(new BoostQuery(tagged, SymptomQuery.TAG_WEIGHT), Occur.SHOULD);
    }
  }
}
