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
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.StringHelper;

/**
 * As-you-type completions for {@code /api/suggest}, whole phrases people would type: tag names and
 * lay aliases, then words and phrases of the synonym rules, that start with what was typed; then
 * the last, unfinished word completed so that the words typed before it and it occur together in
 * passages ("back pa" → "back pain"), the most frequent such phrases first (a single word: the most
 * frequent words).
 */
public final class Suggester {
  /**
   * Only so many vocabulary words are weighed per request, so a one-letter prefix stays cheap on a
   * big index.
   */
  private static final int MAX_TERMS_SCANNED = 2_000;

  private static final int MIN_WORD_PREFIX = 2;

  /**
   * The most frequent completions of the last word that are tried as phrases with the words before
   * it.
   */
  private static final int PHRASE_CANDIDATES = 40;

  /**
   * Phrase counts stop here: beyond, a phrase is common enough, and counting on would visit every
   * passage.
   */
  private static final int PHRASE_COUNT_CAP = 200;

  /**
   * Only the last words typed before the unfinished one make the phrase, so a long query stays
   * cheap.
   */
  private static final int PHRASE_HEAD_WORDS = 3;

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
      synonymCompletions(folded, limit, found);
      wordCompletions(folded, limit, found);
    }
    // What finishes the word being typed comes before what also adds words: "back pa" is "back
    // pain" first.
    int typedWords =
        folded.isBlank() ? 0 : folded.strip().split(" ").length + (folded.endsWith(" ") ? 1 : 0);
    List<Suggestion> ordered =
        found.values().stream()
            .sorted(
                Comparator.comparingInt(
                    (Suggestion s) -> Math.max(0, s.text().split(" ").length - typedWords)))
            .toList();
    return new Suggestions(typed, ordered);
  }

  private void tagCompletions(String folded, int limit, Map<String, Suggestion> found) {
    for (TagTerms tag : vocabulary.get().tags().all()) {
      List<String> forms = new ArrayList<>();
      forms.add(tag.name());
      forms.addAll(tag.aliases());
      for (String form : forms) {
        if (found.size() < limit && fold(form).startsWith(folded)) {
          found.putIfAbsent(
              fold(form), new Suggestion(form.toLowerCase(Locale.ROOT), tag.kind(), tag.slug()));
        }
      }
    }
  }

  private void synonymCompletions(String folded, int limit, Map<String, Suggestion> found) {
    for (String phrase : vocabulary.get().analysis().synonymPhrases()) {
      if (found.size() >= limit) {
        return;
      }
      String form = fold(phrase);
      if (form.startsWith(folded) && !form.equals(folded.strip())) {
        found.putIfAbsent(form, new Suggestion(form, "synonym", null));
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
      List<Word> words = new ArrayList<>();
      if (te.seekCeil(prefixBytes) != TermsEnum.SeekStatus.END) {
        int scanned = 0;
        do {
          BytesRef term = te.term();
          if (!StringHelper.startsWith(term, prefixBytes) || scanned++ >= MAX_TERMS_SCANNED) {
            break;
          }
          words.add(new Word(term.utf8ToString(), te.docFreq(), "word"));
        } while (te.next() != null);
      }
      List<Word> frequent =
          words.stream()
              .sorted(Comparator.comparingInt(Word::docFreq).reversed().thenComparing(Word::text))
              .limit(head.isEmpty() ? limit : PHRASE_CANDIDATES)
              .toList();
      if (!head.isEmpty()) {
        List<Word> phrases = inPhrases(searcher, head, frequent);
        // No passage says it that way and nothing else was offered: the word alone still completes
        // what was typed.
        frequent =
            phrases.isEmpty() && found.isEmpty()
                ? frequent.stream().limit(limit).toList()
                : phrases;
      }
      frequent.forEach(
          w -> {
            if (found.size() < limit) {
              found.putIfAbsent(
                  head + w.text(),
                  new Suggestion(
                      head + w.text(), "phrase".equals(w.kind()) ? "phrase" : "word", null));
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      index.release(searcher);
    }
  }

  private record Word(String text, int docFreq, String kind) {}

  /**
   * The candidates that follow the words typed before them somewhere in a passage, most often first
   * (counted up to {@link #PHRASE_COUNT_CAP}), then by how common the word is. Compared after
   * stemming, as search does.
   */
  private List<Word> inPhrases(IndexSearcher searcher, String head, List<Word> candidates)
      throws IOException {
    List<String> headWords = List.of(head.strip().split(" "));
    String lastHeadWords =
        String.join(
            " ",
            headWords.subList(Math.max(0, headWords.size() - PHRASE_HEAD_WORDS), headWords.size()));
    QueryBuilder phrases = new QueryBuilder(vocabulary.get().analysis().stemmedAnalyzer());
    record Counted(Word word, int count) {}
    List<Counted> counted = new ArrayList<>();
    for (Word candidate : candidates) {
      Query phrase =
          phrases.createPhraseQuery(PassageFields.TEXT, lastHeadWords + " " + candidate.text());
      int count =
          phrase == null
              ? 0
              : LiveMatches.count(searcher, PairPhraseQuery.of(phrase), PHRASE_COUNT_CAP);
      if (count > 0) {
        counted.add(new Counted(new Word(candidate.text(), candidate.docFreq(), "phrase"), count));
      }
    }
    return counted.stream()
        .sorted(
            Comparator.comparingInt(Counted::count)
                .reversed()
                .thenComparing(
                    Comparator.comparingInt((Counted c) -> c.word().docFreq()).reversed())
                .thenComparing(c -> c.word().text()))
        .map(Counted::word)
        .toList();
  }

  /**
   * Lower case, accents dropped, punctuation as single spaces; keeps a trailing space (the word is
   * finished).
   */
  static String fold(String s) {
    String decomposed = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    String spaced = NON_LETTERS.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ");
    boolean finished = spaced.endsWith(" ") && !spaced.isBlank();
    String words = spaced.strip();
    return words.isEmpty() ? "" : finished ? words + " " : words;
  }
}
