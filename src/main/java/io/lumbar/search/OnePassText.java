package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * A passage text analysed once for the text, text_exact and text_pairs fields. The text field's
 * chain runs with a tap after the stop filter, where a word still has its exact form: each word's
 * stem (text), exact form (text_exact), and the stems two by two (text_pairs, spelled as the pair
 * analyzer's ShingleFilter spells them) are replayed from what one pass recorded. Each thread keeps
 * the words of the last text it analysed.
 */
final class OnePassText {
  private static final ThreadLocal<Words> WORDS = ThreadLocal.withInitial(Words::new);
  private static final byte[] PAIR_SEPARATOR =
      Analysis.PAIR_SEPARATOR.getBytes(StandardCharsets.UTF_8);
  private static final byte[] PAIR_FILLER = Analysis.PAIR_FILLER.getBytes(StandardCharsets.UTF_8);

  private OnePassText() {}

  private enum Kind {
    STEMS,
    EXACT,
    PAIRS
  }

  /**
   * The tokens of {@code field} for {@code text}: see {@link
   * io.lumbar.indexing.OnePassTextAnalyzer}.
   */
  static TokenStream tokens(String field, String text, TokenStream reuse) {
    Kind kind =
        switch (field) {
          case PassageFields.TEXT -> Kind.STEMS;
          case PassageFields.TEXT_EXACT -> Kind.EXACT;
          case PassageFields.TEXT_PAIRS -> Kind.PAIRS;
          default ->
              throw new IllegalArgumentException("Not a field of the passage text: " + field);
        };
    Replay stream = reuse instanceof Replay r && r.kind == kind ? r : new Replay(kind);
    stream.bind(WORDS.get(), text);
    return stream;
  }

  /** What one pass over a text recorded, word by word, as UTF-8 terms in one byte pool. */
  private static final class Words {
    private final StandardTokenizer source = new StandardTokenizer();
    private final ExactTap tap = new ExactTap(Analysis.exactWords(source), this);
    private final TokenStream chain = Analysis.stems(tap);
    private final CharTermAttribute stem = chain.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = chain.addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment =
        chain.addAttribute(PositionIncrementAttribute.class);

    /**
     * The text analysed, compared by identity: the three fields of a passage hold the same string.
     */
    private String text;

    private int count;
    private byte[] bytes = new byte[4096];
    private int used;
    private int[] stemStart = new int[128];
    private int[] stemLength = new int[128];
    private int[] exactStart = new int[128];
    private int[] exactLength = new int[128];
    private int[] exactIncrement = new int[128];
    private int[] stemIncrement = new int[128];
    private int[] startOffset = new int[128];
    private int[] endOffset = new int[128];
    private int endIncrement;
    private int finalOffset;

    void analyse(String value) throws IOException {
      if (value == text) {
        return;
      }
      text = null;
      count = 0;
      used = 0;
      source.setReader(new StringReader(value));
      try (chain) {
        chain.reset();
        while (chain.incrementToken()) {
          stemStart[count] = used;
          stemLength[count] = append(stem);
          stemIncrement[count] = increment.getPositionIncrement();
          startOffset[count] = offset.startOffset();
          endOffset[count] = offset.endOffset();
          count++;
        }
        chain.end();
        endIncrement = increment.getPositionIncrement();
        finalOffset = offset.endOffset();
      }
      text = value;
    }

    /** Called by the tap as each word passes it, before it is stemmed. */
    void exactWord(CharTermAttribute word, int positionIncrement) {
      if (count == stemStart.length) {
        int size = ArrayUtil.oversize(count + 1, Integer.BYTES);
        stemStart = ArrayUtil.growExact(stemStart, size);
        stemLength = ArrayUtil.growExact(stemLength, size);
        exactStart = ArrayUtil.growExact(exactStart, size);
        exactLength = ArrayUtil.growExact(exactLength, size);
        exactIncrement = ArrayUtil.growExact(exactIncrement, size);
        stemIncrement = ArrayUtil.growExact(stemIncrement, size);
        startOffset = ArrayUtil.growExact(startOffset, size);
        endOffset = ArrayUtil.growExact(endOffset, size);
      }
      exactStart[count] = used;
      exactLength[count] = append(word);
      exactIncrement[count] = positionIncrement;
    }

    /**
     * Appends {@code word} as UTF-8, as {@code CharTermAttribute} turns it into a term; returns its
     * length.
     */
    private int append(CharTermAttribute word) {
      bytes = ArrayUtil.grow(bytes, used + UnicodeUtil.maxUTF8Length(word.length()));
      int end = UnicodeUtil.UTF16toUTF8(word, 0, word.length(), bytes, used);
      int length = end - used;
      used = end;
      return length;
    }
  }

  /** Hands each word to {@link Words} as it passes, unchanged. */
  private static final class ExactTap extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final Words words;

    ExactTap(TokenStream in, Words words) {
      super(in);
      this.words = words;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      words.exactWord(term, increment.getPositionIncrement());
      return true;
    }
  }

  /**
   * One field's tokens, replayed from the words of its thread's last analysis. Each token sets
   * every attribute the indexer reads, so attributes are not cleared in between (clearing them was
   * most of the replay's cost).
   */
  private static final class Replay extends TokenStream {
    // First, so it is the term the indexer reads (the other attributes' implementation has a term
    // too).
    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final Kind kind;
    private final BytesRef bytes = new BytesRef();
    private byte[] pair = new byte[64];
    private Words words;
    private String text;
    private int next;

    Replay(Kind kind) {
      this.kind = kind;
    }

    void bind(Words words, String text) {
      this.words = words;
      this.text = text;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      words.analyse(text);
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (words.text != text) {
        throw new IllegalStateException(
            "Another text was analysed on this thread while this one's tokens were read");
      }
      int i = next;
      if (kind == Kind.PAIRS) {
        return pair(i);
      }
      if (i >= words.count) {
        return false;
      }
      if (kind == Kind.STEMS) {
        setTerm(words.bytes, words.stemStart[i], words.stemLength[i]);
        increment.setPositionIncrement(words.stemIncrement[i]);
      } else {
        setTerm(words.bytes, words.exactStart[i], words.exactLength[i]);
        increment.setPositionIncrement(words.exactIncrement[i]);
      }
      offset.setOffset(words.startOffset[i], words.endOffset[i]);
      next++;
      return true;
    }

    /**
     * Stems {@code i} and {@code i + 1}; after the last stem, the filler when stop words ended the
     * text (the shingles' end position increment), as ShingleFilter pairs them.
     */
    private boolean pair(int i) {
      int endOffset;
      int secondStart;
      int secondLength;
      byte[] second;
      if (i + 1 < words.count) {
        second = words.bytes;
        secondStart = words.stemStart[i + 1];
        secondLength = words.stemLength[i + 1];
        endOffset = words.endOffset[i + 1];
      } else if (i + 1 == words.count && words.endIncrement > 0) {
        second = PAIR_FILLER;
        secondStart = 0;
        secondLength = PAIR_FILLER.length;
        endOffset = words.finalOffset;
      } else {
        return false;
      }
      int firstLength = words.stemLength[i];
      int length = firstLength + PAIR_SEPARATOR.length + secondLength;
      pair = ArrayUtil.grow(pair, length);
      System.arraycopy(words.bytes, words.stemStart[i], pair, 0, firstLength);
      System.arraycopy(PAIR_SEPARATOR, 0, pair, firstLength, PAIR_SEPARATOR.length);
      System.arraycopy(
          second, secondStart, pair, firstLength + PAIR_SEPARATOR.length, secondLength);
      setTerm(pair, 0, length);
      increment.setPositionIncrement(1);
      offset.setOffset(words.startOffset[i], endOffset);
      next++;
      return true;
    }

    private void setTerm(byte[] source, int start, int length) {
      bytes.bytes = source;
      bytes.offset = start;
      bytes.length = length;
      term.setBytesRef(bytes);
    }

    @Override
    public void end() throws IOException {
      super.end();
      increment.setPositionIncrement(words.endIncrement);
      offset.setOffset(words.finalOffset, words.finalOffset);
    }
  }
}
