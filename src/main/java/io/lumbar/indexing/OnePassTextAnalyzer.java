package io.lumbar.indexing;

import org.apache.lucene.analysis.TokenStream;

/**
 * An index analyzer that reads a passage's text once for the three fields indexing it ({@link
 * PassageFields#TEXT}, {@link PassageFields#TEXT_EXACT}, {@link PassageFields#TEXT_PAIRS}) instead
 * of once per field. The streams must hold exactly the tokens the analyzer gives each field by
 * itself. A passage's streams are taken and read one after another on one thread, as {@code
 * IndexWriter} reads a document's fields.
 */
public interface OnePassTextAnalyzer {
  /**
   * The tokens of {@code field}, one of the three, for {@code text}; {@code reuse} as in {@code
   * Field.tokenStream}.
   */
  TokenStream textTokens(String field, String text, TokenStream reuse);
}
