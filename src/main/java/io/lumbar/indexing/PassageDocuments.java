package io.lumbar.indexing;

import io.lumbar.indexing.IndexedPassage.TagRef;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;

/** Maps passages to Lucene documents and back. */
public final class PassageDocuments {
  private PassageDocuments() {}

  static Document toDocument(IndexedPassage p) {
    Document doc = new Document();
    doc.add(new StringField(PassageFields.ID, Long.toString(p.id()), Field.Store.YES));
    doc.add(new NumericDocValuesField(PassageFields.ID_SORT, p.id()));
    doc.add(new Field(PassageFields.TEXT, p.text(), PassageFields.STORED_TEXT_WITH_OFFSETS));
    doc.add(new Field(PassageFields.TEXT_EXACT, p.text(), PassageFields.UNSTORED_TERMS));
    if (p.heading() != null) {
      doc.add(new Field(PassageFields.HEADING, p.heading(), PassageFields.STORED_TEXT_WITH_OFFSETS));
    }
    doc.add(new StringField(PassageFields.ARTICLE_ID, Long.toString(p.articleId()), Field.Store.YES));
    doc.add(new StoredField(PassageFields.ARTICLE_TITLE, p.articleTitle()));
    doc.add(new StoredField(PassageFields.POSITION, p.position()));
    addTags(doc, PassageFields.CAUSE, PassageFields.CAUSE_STORED, p.causes());
    addTags(doc, PassageFields.TREATMENT, PassageFields.TREATMENT_STORED, p.treatments());
    int tags = p.causes().size() + p.treatments().size();
    for (TagRef tag : concat(p.causes(), p.treatments())) {
      doc.add(new FeatureField(PassageFields.TAG_FOCUS, tag.slug(), (float) (1 / Math.sqrt(tags))));
    }
    return doc;
  }

  private static void addTags(Document doc, String keywordField, String storedField, List<TagRef> tags) {
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
    return new IndexedPassage(
        Long.parseLong(doc.get(PassageFields.ID)),
        Long.parseLong(doc.get(PassageFields.ARTICLE_ID)),
        doc.get(PassageFields.ARTICLE_TITLE),
        doc.get(PassageFields.HEADING),
        doc.get(PassageFields.TEXT),
        position == null ? 0 : position.numericValue().intValue(),
        tags(doc.getValues(PassageFields.CAUSE_STORED)),
        tags(doc.getValues(PassageFields.TREATMENT_STORED)));
  }

  private static List<TagRef> tags(String[] stored) {
    List<TagRef> tags = new ArrayList<>(stored.length);
    for (String pair : stored) {
      int bar = pair.indexOf('|');
      tags.add(new TagRef(pair.substring(0, bar), pair.substring(bar + 1)));
    }
    return tags;
  }
}
