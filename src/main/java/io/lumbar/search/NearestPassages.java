package io.lumbar.search;

import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageDocuments;
import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.TagRef;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The passages most like a given one, among those editors have tagged: what tag suggestions vote
 * with. The lexical implementation ({@link LexicalNeighbours}) compares words; one comparing
 * passage vectors (a KNN query filtered by {@link #taggedOtherThan}) can take its place without the
 * suggestions changing.
 */
public interface NearestPassages {
  /**
   * A similar passage: {@code similarity} in [0, 1] (1: as alike as the passage is to itself), and
   * its cause and treatment slugs.
   */
  record Neighbour(long id, double similarity, List<String> tags) {}

  /**
   * The {@code k} tagged passages most similar to passage {@code passageId}, most similar first,
   * never the passage itself. {@code heading} (may be null) and {@code text} are the passage's,
   * given also for a passage search does not hold (pending, rejected).
   */
  List<Neighbour> nearestTagged(long passageId, String heading, String text, int k);

  /**
   * Indexed passages with at least one cause or treatment, except this one: the filter of any
   * implementation.
   */
  static Query taggedOtherThan(long passageId) {
    Query tagged =
        new BooleanQuery.Builder()
            .add(new FieldExistsQuery(PassageFields.CAUSE), Occur.SHOULD)
            .add(new FieldExistsQuery(PassageFields.TREATMENT), Occur.SHOULD)
            .build();
    return new BooleanQuery.Builder()
        .add(tagged, Occur.FILTER)
        .add(new TermQuery(new Term(PassageFields.ID, Long.toString(passageId))), Occur.MUST_NOT)
        .build();
  }

  /** The indexed passage {@code doc} as a neighbour with its tags. */
  static Neighbour neighbour(StoredFields stored, int doc, double similarity) throws IOException {
    IndexedPassage p = PassageDocuments.fromDocument(stored.document(doc));
    List<String> tags =
        Stream.concat(p.causes().stream(), p.treatments().stream()).map(TagRef::slug).toList();
    return new Neighbour(p.id(), similarity, tags);
  }
}
