package io.lumbar.indexing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Passage vectors (table passage_vectors, written by the semantic package's embedding worker) as the index reads
 * them: only a current one, computed by the configured model from the passage's heading and text as they are now.
 */
public final class StoredVectors {
  /**
   * SHA-256 of what is embedded, over passages aliased {@code p}: the heading (when not empty) and a line break,
   * then the text; the same text as semantic/TextEmbedder#passageText. CHAR_LENGTH, not = '': the collation pads.
   */
  public static final String EMBEDDED_TEXT_HASH =
      "SHA2(IF(p.heading IS NULL OR CHAR_LENGTH(p.heading) = 0, p.text, CONCAT(p.heading, '\\n', p.text)), 256)";

  /** The current vector of passage {@code p} by the model bound to the one parameter, or NULL: a column for a SELECT. */
  static final String CURRENT_VECTOR_COLUMN = """
      (SELECT v.vector FROM passage_vectors v
        WHERE v.passage_id = p.id AND v.model = ? AND v.text_hash = %s)""".formatted(EMBEDDED_TEXT_HASH);

  private StoredVectors() {}

  static float[] decodeOrNull(byte[] bytes) {
    return bytes == null ? null : VectorBytes.decode(bytes);
  }
}
