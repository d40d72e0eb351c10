package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets for a page of hits: up to two fragments of about 160 characters around the densest
 * matches, HTML escaped, with only the words the query matched (synonyms and corrections included)
 * marked. Lucene's unified highlighter picks and formats the fragments; where matches and sentence
 * boundaries come from, and how fragments are scored, is made cheaper ({@link PageOffsets}, {@link
 * CachedBreakIterator}, {@link PageScorer}) without changing a snippet.
 */
final class PageSnippets {
  private static final int FRAGMENTS = 2;

  /** Fragments aim at this many characters around the densest cluster of matches. */
  private static final int FRAGMENT_CHARS = 160;

  /**
   * The snippet of each passage of {@code page} (null where the text field has no match), from
   * {@code texts} by document id, as already read for the hits, so stored fields are read once.
   */
  String[] highlight(
      IndexSearcher searcher,
      Analyzer analyzer,
      Query highlight,
      ScoreDoc[] page,
      Map<Integer, String> texts)
      throws IOException {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        sentences(), FRAGMENT_CHARS, 0.5f));
    builder.withScorer(new PageScorer());
    TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    return new PageHighlighter(builder, texts)
        .highlight(PassageFields.TEXT, highlight, docs, FRAGMENTS);
  }

  private static BreakIterator sentences() {
    return new CachedBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT));
  }

  /**
   * Highlights the texts of the page as already read for the hits, so each hit's stored fields are
   * read once, with {@link PageOffsets} for the matches when asked to and the query allows.
   */
  private static final class PageHighlighter extends UnifiedHighlighter {
    private final Map<Integer, String> texts;

    PageHighlighter(Builder builder, Map<Integer, String> texts) {
      super(builder);
      this.texts = texts;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        values.add(new CharSequence[] {texts.get(doc)});
      }
      return values;
    }

    /**
     * The text field is indexed alike in every segment: one segment says how, without merging all
     * segments' field infos.
     */
    @Override
    protected FieldInfo getFieldInfo(String field) {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
        if (info != null) {
          return info;
        }
      }
      return null;
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(
        OffsetSource offsetSource, UHComponents components) {
      if (offsetSource == OffsetSource.POSTINGS) {
        PageOffsets offsets = PageOffsets.of(components, searcher);
        if (offsets != null) {
          return offsets;
        }
      }
      return super.getOffsetStrategy(offsetSource, components);
    }
  }
}
