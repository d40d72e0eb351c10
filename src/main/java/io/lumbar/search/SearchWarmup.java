package io.lumbar.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.search.TagMatcher.TagTerms;
import io.lumbar.web.BadRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Searches before the server takes requests, so that the first people to search after a start or a
 * deploy do not wait for the JIT to compile the search: on the bundled corpus the first five
 * seconds of searches after a cold start had a p99 of about 30 ms, about 16 ms after a 5 s warm-up
 * (BENCHMARKS.md, "Scale").
 *
 * <p>The queries are what people searched most lately, then every cause and treatment by its name,
 * its name "at night", a typo of its name and its first alias, plain and quoted: synonyms, tags,
 * spelling corrections, phrases, snippets, facets and the JSON answer are all compiled. Nothing is
 * recorded in the search analytics: these searches are nobody's.
 */
public final class SearchWarmup {
  /**
   * How many searches ran, over how many distinct queries, in how long; why it stopped early, or
   * null.
   */
  public record Outcome(int searches, int queries, long millis, String failure) {}

  private final SearchService search;
  private final Supplier<Vocabulary> vocabulary;
  private final ObjectMapper json;
  private final LongSupplier nanoTime;

  public SearchWarmup(SearchService search, Supplier<Vocabulary> vocabulary, ObjectMapper json) {
    this(search, vocabulary, json, System::nanoTime);
  }

  /** With the clock the budget is measured on. */
  SearchWarmup(
      SearchService search,
      Supplier<Vocabulary> vocabulary,
      ObjectMapper json,
      LongSupplier nanoTime) {
    this.search = search;
    this.vocabulary = vocabulary;
    this.json = json;
    this.nanoTime = nanoTime;
  }

  /**
   * Runs the queries, {@code popular} first, round after round until {@code budget} has passed. A
   * search that fails for any reason but the query's own ends the warm-up, never the start: the
   * server then answers (or refuses) each request as it would have anyway.
   */
  public Outcome run(List<String> popular, Duration budget) {
    long started = nanoTime.getAsLong();
    int searches = 0;
    List<String> queries = List.of();
    String failure = null;
    try {
      queries = queries(popular);
      while (!queries.isEmpty() && nanoTime.getAsLong() - started < budget.toNanos()) {
        for (String query : queries) {
          if (nanoTime.getAsLong() - started >= budget.toNanos()) {
            break;
          }
          answer(query);
          searches++;
        }
      }
    } catch (RuntimeException e) {
      failure = String.valueOf(e);
    }
    return new Outcome(
        searches, queries.size(), (nanoTime.getAsLong() - started) / 1_000_000, failure);
  }

  private void answer(String query) {
    try {
      // The bytes are dropped: serialising is part of what a search costs the first time.
      json.writeValueAsBytes(
          search.search(SearchRequest.firstPage(query, SearchRequest.DEFAULT_LIMIT)));
    } catch (BadRequestException e) {
      // A logged query can be too complex for the clause limit; it was refused then too.
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A search answer could not be written as JSON", e);
    }
  }

  /** The distinct queries to run, in order; none longer than a person may type. */
  List<String> queries(List<String> popular) {
    Set<String> queries = new LinkedHashSet<>();
    popular.forEach(queries::add);
    for (TagTerms tag : vocabulary.get().tags().all()) {
      queries.add(tag.name());
      queries.add(tag.name().toLowerCase(java.util.Locale.ROOT) + " at night");
      queries.add(typo(tag.name()));
      if (!tag.aliases().isEmpty()) {
        String alias = tag.aliases().getFirst();
        queries.add(alias);
        queries.add('"' + alias + '"');
      }
    }
    List<String> usable = new ArrayList<>();
    for (String query : queries) {
      String stripped = query.strip();
      if (!stripped.isEmpty() && stripped.length() <= SearchRequest.MAX_QUERY_LENGTH) {
        usable.add(stripped);
      }
    }
    return usable;
  }

  /**
   * The text with two letters of its longest word swapped, so the search has something to correct.
   */
  static String typo(String text) {
    String[] words = text.split(" ");
    int longest = 0;
    for (int i = 1; i < words.length; i++) {
      if (words[i].length() > words[longest].length()) {
        longest = i;
      }
    }
    String word = words[longest];
    if (word.length() < SymptomQuery.TYPO_MIN_LENGTH) {
      return text;
    }
    int at = word.length() / 2;
    words[longest] =
        word.substring(0, at - 1) + word.charAt(at) + word.charAt(at - 1) + word.substring(at + 1);
    return String.join(" ", words);
  }
}
