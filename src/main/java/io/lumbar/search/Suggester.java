package io.lumbar.search;

import io.lumbar.indexing.PassageFields;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.search.TagMatcher.TagTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * As-you-type completions for {@code /api/suggest}: tag names and lay aliases that start with what was typed,
 * then passage words that complete the last, unfinished word, most frequent first.
 */
public final class Suggester {
  /** Only so many vocabulary words are weighed per request, so a one-letter prefix stays cheap on a big index. */
  private static final int MAX_TERMS_SCANNED = 2_000;
  private static final int MIN_WORD_PREFIX = 2;
  private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** One completion: the whole text to put in the box, and where it came from. */
  public record Suggestion(String text, String source, String tag) {}

  public record Suggestions(String query, List<Suggestion> suggestions) {}

  private final PassageIndex index;
  private final Supplier<Vocabulary> vocabulary;

  public Suggester(PassageIndex index, Supplier<Vocabulary> vocabulary) {
    this.index = index;
    this.vocabulary = vocabulary;
  }

  public Suggestions suggest(String typed, int limit) {
    String folded = fold(typed);
    Map<String, Suggestion> found = new LinkedHashMap<>();
    if (!folded.isEmpty()) {
      tagCompletions(folded, limit, found);
      wordCompletions(folded, limit, found);
    }
    return new Suggestions(typed, List.copyOf(found.values()));
  }

  private void tagCompletions(String folded, int limit, Map<String, Suggestion> found) {
    for (TagTerms tag : vocabulary.get().tags().all()) {
      List<String> forms = new ArrayList<>();
      forms.add(tag.name());
      forms.addAll(tag.aliases());
      for (String form : forms) {
        if (found.size() < limit && fold(form).startsWith(folded)) {
          found.putIfAbsent(fold(form), new Suggestion(form.toLowerCase(Locale.ROOT), tag.kind(), tag.slug()));
        }
      }
    }
  }

  /** Completes the last word with the index's vocabulary; earlier words are kept as typed. */
  private void wordCompletions(String folded, int limit, Map<String, Suggestion> found) {
    if (folded.endsWith(" ") || found.size() >= limit) {
      return;
    }
    int lastSpace = folded.lastIndexOf(' ');
    String head = folded.substring(0, lastSpace + 1);
    String prefix = folded.substring(lastSpace + 1);
    if (prefix.length() < MIN_WORD_PREFIX) {
      // One letter says too little: on a big index the first terms alphabetically would be noise.
      return;
    }
    IndexSearcher searcher = index.acquire();
    try {
      Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PassageFields.TEXT_EXACT);
      if (terms == null) {
        return;
      }
      BytesRef prefixBytes = new BytesRef(prefix);
      TermsEnum te = terms.iterator();
      record Word(String text, int docFreq) {}
      List<Word> words = new ArrayList<>();
      if (te.seekCeil(prefixBytes) != TermsEnum.SeekStatus.END) {
        int scanned = 0;
        do {
          BytesRef term = te.term();
          if (!StringHelper.startsWith(term, prefixBytes) || scanned++ >= MAX_TERMS_SCANNED) {
            break;
          }
          words.add(new Word(term.utf8ToString(), te.docFreq()));
        } while (te.next() != null);
      }
      words.stream()
          .sorted(Comparator.comparingInt(Word::docFreq).reversed().thenComparing(Word::text))
          .limit(limit)
          .forEach(w -> {
            if (found.size() < limit) {
              found.putIfAbsent(head + w.text(), new Suggestion(head + w.text(), "word", null));
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  /** Lower case, accents dropped, punctuation as single spaces; keeps a trailing space (the word is finished). */
  static String fold(String s) {
    String decomposed = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    String spaced = NON_LETTERS.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ");
    boolean finished = spaced.endsWith(" ") && !spaced.isBlank();
    String words = spaced.strip();
    return words.isEmpty() ? "" : finished ? words + " " : words;
  }
}
