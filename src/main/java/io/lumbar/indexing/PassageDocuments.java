package io.lumbar.indexing;

import io.lumbar.indexing.IndexedPassage.Provenance;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Maps passages to Lucene documents and back. */
public final class PassageDocuments {
  private PassageDocuments() {}

  /** The one document a passage becomes, in the rebuild and when a change is replayed. */
  public static Document toDocument(IndexedPassage p) {
    Document doc = new Document();
    doc.add(new StringField(PassageFields.ID, Long.toString(p.id()), Field.Store.YES));
    doc.add(new NumericDocValuesField(PassageFields.ID_SORT, p.id()));
    doc.add(new NumericDocValuesField(PassageFields.CONTENT_HASH, contentHash(p)));
    doc.add(
        new PassageTextField(PassageFields.TEXT, p.text(), PassageFields.STORED_TEXT_WITH_OFFSETS));
    doc.add(new PassageTextField(PassageFields.TEXT_EXACT, p.text(), PassageFields.UNSTORED_TERMS));
    doc.add(new PassageTextField(PassageFields.TEXT_PAIRS, p.text(), PassageFields.PAIR_POSITIONS));
    // Outermost first, so the analysed values read as the path does; only the passage's own heading
    // is stored here.
    for (String above : p.sectionPath()) {
      doc.add(new Field(PassageFields.HEADING, above, PassageFields.TEXT_WITH_OFFSETS));
      doc.add(new StoredField(PassageFields.SECTION_PATH, above));
    }
    if (p.heading() != null) {
      doc.add(
          new Field(PassageFields.HEADING, p.heading(), PassageFields.STORED_TEXT_WITH_OFFSETS));
    }
    doc.add(
        new StringField(PassageFields.ARTICLE_ID, Long.toString(p.articleId()), Field.Store.YES));
    doc.add(new StoredField(PassageFields.ARTICLE_TITLE, p.articleTitle()));
    addStored(doc, PassageFields.ARTICLE_URL, p.source().url());
    addStored(doc, PassageFields.ARTICLE_PUBLISHER, p.source().publisher());
    addStored(
        doc,
        PassageFields.ARTICLE_PUBLISHED,
        p.source().published() == null ? null : p.source().published().toString());
    doc.add(new StoredField(PassageFields.POSITION, p.position()));
    addTags(doc, PassageFields.CAUSE, PassageFields.CAUSE_STORED, p.causes());
    addTags(doc, PassageFields.TREATMENT, PassageFields.TREATMENT_STORED, p.treatments());
    int tags = p.causes().size() + p.treatments().size();
    for (TagRef tag : concat(p.causes(), p.treatments())) {
      doc.add(new FeatureField(PassageFields.TAG_FOCUS, tag.slug(), (float) (1 / Math.sqrt(tags))));
    }
    if (p.vector() != null) {
      doc.add(
          new KnnFloatVectorField(
              PassageFields.VECTOR, p.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  /**
   * A field of the passage text, analysed once for all three when the writer's analyzer can, else
   * per field.
   */
  private static final class PassageTextField extends Field {
    PassageTextField(String name, String text, FieldType type) {
      super(name, text, type);
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      return analyzer instanceof OnePassTextAnalyzer onePass
          ? onePass.textTokens(name(), stringValue(), reuse)
          : super.tokenStream(analyzer, reuse);
    }
  }

  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("Every JVM has SHA-256", e);
            }
          });

  /**
   * A fingerprint of every value the document is built from (length-prefixed, so no two passages
   * share an encoding); equal hashes mean the indexed copy is current. One digest per thread: a
   * rebuild hashes every passage.
   */
  static long contentHash(IndexedPassage p) {
    MessageDigest sha = SHA_256.get();
    sha.reset();
    hash(sha, Long.toString(p.id()));
    hash(sha, Long.toString(p.articleId()));
    hash(sha, String.valueOf(p.articleTitle()));
    hash(sha, p.heading() == null ? "\0" : "h" + p.heading());
    hash(sha, "above");
    p.sectionPath().forEach(above -> hash(sha, above));
    hash(sha, "source");
    hash(sha, p.source().url() == null ? "\0" : "u" + p.source().url());
    hash(sha, p.source().publisher() == null ? "\0" : "p" + p.source().publisher());
    hash(sha, p.source().published() == null ? "\0" : "d" + p.source().published());
    hash(sha, p.text());
    hash(sha, Integer.toString(p.position()));
    hash(sha, "causes");
    p.causes().forEach(tag -> hash(sha, tag.slug() + "|" + tag.name()));
    hash(sha, "treatments");
    p.treatments().forEach(tag -> hash(sha, tag.slug() + "|" + tag.name()));
    if (p.vector() != null) {
      sha.update(VectorBytes.encode(p.vector()));
    }
    return ByteBuffer.wrap(sha.digest()).getLong();
  }

  private static void hash(MessageDigest sha, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    sha.update(bytes);
  }

  private static void addStored(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
  }

  private static void addTags(
      Document doc, String keywordField, String storedField, List<TagRef> tags) {
    for (TagRef tag : tags) {
      doc.add(new KeywordField(keywordField, tag.slug(), Field.Store.NO));
      doc.add(new StoredField(storedField, tag.slug() + "|" + tag.name()));
    }
  }

  private static List<TagRef> concat(List<TagRef> a, List<TagRef> b) {
    List<TagRef> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Reads back what {@link #toDocument} stored. */
  public static IndexedPassage fromDocument(Document doc) {
    IndexableField position = doc.getField(PassageFields.POSITION);
    String published = doc.get(PassageFields.ARTICLE_PUBLISHED);
    return new IndexedPassage(
        Long.parseLong(doc.get(PassageFields.ID)),
        Long.parseLong(doc.get(PassageFields.ARTICLE_ID)),
        doc.get(PassageFields.ARTICLE_TITLE),
        doc.get(PassageFields.HEADING),
        doc.get(PassageFields.TEXT),
        position == null ? 0 : position.numericValue().intValue(),
        tags(TagRef.CAUSE, doc.getValues(PassageFields.CAUSE_STORED)),
        tags(TagRef.TREATMENT, doc.getValues(PassageFields.TREATMENT_STORED)),
        List.of(doc.getValues(PassageFields.SECTION_PATH)),
        new Provenance(
            doc.get(PassageFields.ARTICLE_URL),
            doc.get(PassageFields.ARTICLE_PUBLISHER),
            published == null ? null : LocalDate.parse(published)),
        // The vector is indexed for nearest-neighbour search, not stored: hits never carry it.
        null);
  }

  private static List<TagRef> tags(String kind, String[] stored) {
    List<TagRef> tags = new ArrayList<>(stored.length);
    for (String pair : stored) {
      int bar = pair.indexOf('|');
      tags.add(new TagRef(kind, pair.substring(0, bar), pair.substring(bar + 1)));
    }
    return tags;
  }
}
