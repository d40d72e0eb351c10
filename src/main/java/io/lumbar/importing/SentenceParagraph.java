package io.lumbar.importing;

/**
 * A paragraph of whole sentences: it ends as a sentence does, has a least number of words, enough
 * of them function words, and few of them in links. Three signals read this shape, each with its
 * own thresholds: a card's sentence outside the extracted column ({@link BlockClassifier}), a
 * list's intro the extractor dropped from the article ({@link EnclosedBlock}), and short advice
 * that shows where the article's prose ends ({@link LinkList}).
 *
 * @param minWords the least number of words in the whole paragraph
 * @param minStopWords the least share of function words ("the", "of", "and") among its words
 * @param linkShareBelow its share of text in links must be below this; {@link #NO_LINKS} for none
 * @param colonEnds whether a paragraph ending in ':' (a list's intro) counts as ending a sentence
 */
record SentenceParagraph(
    int minWords, double minStopWords, double linkShareBelow, boolean colonEnds) {
  /** No text at all in links. */
  static final double NO_LINKS = Double.MIN_VALUE;

  boolean test(OutlineBlock block) {
    String text = block.text().strip();
    return block.kind() == OutlineBlock.Kind.PARAGRAPH
        && block.linkShare() < linkShareBelow
        && (text.endsWith(".") || colonEnds && text.endsWith(":"))
        && Words.of(text).size() >= minWords
        && Words.stopWordShare(text) >= minStopWords;
  }
}
