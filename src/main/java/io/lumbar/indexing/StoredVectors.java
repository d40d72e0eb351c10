package io.lumbar.indexing;

/**
 * Passage vectors (table passage_vectors, written by the semantic package's embedding worker) as
 * the index reads them: only a current one, computed by the configured model from the passage's
 * heading and text as they are now.
 */
public final class StoredVectors {
  /**
   * SHA-256 of what a passage's vector is computed from, over passages aliased {@code p}: its
   * article's title, its section path, its heading and its text, one line each (a missing heading
   * as an empty line), so an edit of any of them makes the vector stale.
   * semantic/TextEmbedder#passageText composes the embedded text from the same four; this hash only
   * has to change whenever that text may.
   */
  public static final String EMBEDDED_TEXT_HASH =
      """
      SHA2(CONCAT_WS('\\n', (SELECT a.title FROM articles a WHERE a.id = p.article_id), p.section_path,
                     IFNULL(p.heading, ''), p.text), 256)""";

  /**
   * The current vector of passage {@code p} by the model bound to the one parameter, or NULL: a
   * column for a SELECT.
   */
  static final String CURRENT_VECTOR_COLUMN =
      """
      (SELECT v.vector FROM passage_vectors v
        WHERE v.passage_id = p.id AND v.model = ? AND v.text_hash = %s)"""
          .formatted(EMBEDDED_TEXT_HASH);

  private StoredVectors() {}

  static float[] decodeOrNull(byte[] bytes) {
    return bytes == null ? null : VectorBytes.decode(bytes);
  }
}
