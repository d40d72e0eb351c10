package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.web.UnknownFilterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Checks a search's filters against what can be searched: causes and treatments of the taxonomy (by
 * kind), and articles with published passages in the index. Without the database, like search
 * itself.
 */
public final class SearchFilters {
  /** Article ids are listed in the answer up to this many; beyond, only where to find them. */
  static final int MAX_LISTED_ARTICLES = 50;

  static final String TAGS_ARE_AT = "/api/tags";
  static final String ARTICLES_ARE_AT = "the articleId of search results";

  private final PassageIndex index;
  private final Supplier<Vocabulary> vocabulary;

  public SearchFilters(PassageIndex index, Supplier<Vocabulary> vocabulary) {
    this.index = index;
    this.vocabulary = vocabulary;
  }

  /**
   * Throws {@link UnknownFilterException} for the first kind of filter with a value that names
   * nothing.
   */
  public void check(SearchRequest request) {
    checkTags("cause", request.causes());
    checkTags("treatment", request.treatments());
    checkArticles(request.articles());
  }

  private void checkTags(String kind, List<String> slugs) {
    if (slugs.isEmpty()) {
      return;
    }
    List<String> valid =
        vocabulary.get().allTags().stream()
            .filter(t -> t.kind().equals(kind))
            .map(Vocabulary.TagInfo::slug)
            .sorted()
            .toList();
    List<String> unknown = slugs.stream().filter(slug -> !valid.contains(slug)).toList();
    if (!unknown.isEmpty()) {
      throw new UnknownFilterException(kind, unknown, valid, TAGS_ARE_AT);
    }
  }

  private void checkArticles(List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    IndexSearcher searcher = index.acquire();
    try {
      List<String> unknown = new ArrayList<>();
      for (String id : ids) {
        if (!id.matches("[1-9][0-9]{0,17}")
            || searcher.count(new TermQuery(new Term(PassageFields.ARTICLE_ID, id))) == 0) {
          unknown.add(id);
        }
      }
      if (!unknown.isEmpty()) {
        List<String> listed = searchableArticles(searcher);
        throw new UnknownFilterException(
            "article", unknown, listed, listed == null ? ARTICLES_ARE_AT : null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /**
   * Ids of the articles with live passages in numeric order, or null when there are too many to
   * list.
   */
  private static List<String> searchableArticles(IndexSearcher searcher) throws IOException {
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PassageFields.ARTICLE_ID);
    List<Long> ids = new ArrayList<>();
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        String id = term.utf8ToString();
        // A term can outlive its passages until segments merge.
        if (searcher.count(new TermQuery(new Term(PassageFields.ARTICLE_ID, id))) > 0) {
          if (ids.size() == MAX_LISTED_ARTICLES) {
            return null;
          }
          ids.add(Long.parseLong(id));
        }
      }
    }
    return ids.stream().sorted().map(String::valueOf).toList();
  }
}
