package io.lumbar.indexing;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/** The Lucene fields of a passage document; each field's purpose is said once, here. */
public final class PassageFields {
  /**
   * Bump whenever a field is added, removed or analysed differently: an index with another version
   * is rebuilt from the database on start.
   */
  static final int SCHEMA_VERSION = 9;

  /** Passage id as a keyword: the key documents are replaced and deleted by. Stored. */
  public static final String ID = "id";

  /** Passage id as a doc value: the tie-breaker that keeps paging stable between equal scores. */
  public static final String ID_SORT = "id_sort";

  /**
   * 64 bits of a SHA-256 over everything the document is built from, as a doc value: the
   * consistency check compares it with the same hash of the passage as the database has it now.
   */
  public static final String CONTENT_HASH = "content_hash";

  /**
   * Full passage text, analysed for search, stored for the response, with offsets for highlighting.
   */
  public static final String TEXT = "text";

  /**
   * The passage text again, lower-cased and accent-folded but not stemmed, not stored: exact word
   * forms rank above stemmed ones, and its terms are the vocabulary for spelling corrections and
   * completions.
   */
  public static final String TEXT_EXACT = "text_exact";

  /**
   * Each pair of adjacent words of the text field ("sleep on", "on back"), as one term at the first
   * word's position, without norms: phrases are answered here (search/PairPhraseQuery), reading a
   * few rare pairs instead of common words' long position lists ("back" is in most passages); they
   * are scored with the text field's statistics, as a phrase of the text field is.
   */
  public static final String TEXT_PAIRS = "text_pairs";

  /**
   * The passage's heading path, analysed, one value per heading, outermost first: matches here
   * count a little more, and a passage under "Sciatica › Treatment" is found by "sciatica" too,
   * since the section it sits in is what it is about. Only the passage's own heading (the last
   * value) is stored; the ones above it are in {@link #SECTION_PATH}.
   */
  public static final String HEADING = "heading";

  /**
   * The headings above the passage's own, outermost first, one stored value each, for the response.
   */
  public static final String SECTION_PATH = "section_path";

  /** Article id as a keyword for filtering, and stored for the response. */
  public static final String ARTICLE_ID = "article_id";

  /** Article title, stored only, for the response. */
  public static final String ARTICLE_TITLE = "article_title";

  /**
   * The absolute http(s) URL the article was taken from, stored only, for the response; absent when
   * unknown.
   */
  public static final String ARTICLE_URL = "article_url";

  /** The article's publisher, stored only, for the response; absent when unknown. */
  public static final String ARTICLE_PUBLISHER = "article_publisher";

  /**
   * The article's publication date as YYYY-MM-DD, stored only, for the response; absent when
   * unknown.
   */
  public static final String ARTICLE_PUBLISHED = "article_published";

  /** Position of the passage in its article, stored only. */
  public static final String POSITION = "position";

  /** Cause slugs as keywords (filters, tag boosts) with doc values (facet counts). */
  public static final String CAUSE = "cause";

  /** Treatment slugs as keywords (filters, tag boosts) with doc values (facet counts). */
  public static final String TREATMENT = "treatment";

  /**
   * How much the passage is about each of its tags: one feature per tag slug, worth 1/√(number of
   * tags), so a passage on one topic outranks a summary that lists ten when a query names the
   * topic.
   */
  public static final String TAG_FOCUS = "tag_focus";

  /**
   * The passage's sentence embedding (semantic search), unit length, so dot product is cosine
   * similarity: an HNSW graph for nearest neighbours, in the scalar-quantized format (see
   * PassageIndex). Only passages with a stored vector have one; the others are found by their words
   * alone.
   */
  public static final String VECTOR = "vector";

  /**
   * Stored "slug|name" pairs for causes and treatments; kept apart from the keyword fields above.
   */
  public static final String CAUSE_STORED = "cause_stored";

  public static final String TREATMENT_STORED = "treatment_stored";

  /** Analysed, stored text with positions and offsets, so the highlighter needs no re-analysis. */
  static final FieldType STORED_TEXT_WITH_OFFSETS = storedTextWithOffsets();

  /**
   * The same, not stored: a heading above the passage's own, matched in {@link #HEADING} but stored
   * apart.
   */
  static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  /** Terms and frequencies only: enough to score and to list the vocabulary. */
  static final FieldType UNSTORED_TERMS = unstoredTerms();

  /**
   * Terms with frequencies and positions, no norms: where pairs line up into phrases, and how
   * often.
   */
  static final FieldType PAIR_POSITIONS = pairPositions();

  private PassageFields() {}

  private static FieldType pairPositions() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static FieldType unstoredTerms() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType(STORED_TEXT_WITH_OFFSETS);
    type.setStored(false);
    type.freeze();
    return type;
  }

  private static FieldType storedTextWithOffsets() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
