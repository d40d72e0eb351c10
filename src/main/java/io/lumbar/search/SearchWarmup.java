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
import java.util.function.Supplier;

/**
 * Searches before the server takes requests, so that the first people to search after a start or a deploy do not
 * wait for the JIT to compile the search: started cold, the bundled corpus answered its first two seconds of
 * searches at a p99 of 38 ms, and took about twenty seconds to come down to 5 ms.
 *
 * <p>The queries are what people searched most lately, then every cause and treatment by its name, an alias, a
 * typo of it and a quoted phrase, so that synonyms, tags, spelling corrections, phrases, snippets, facets and the
 * JSON answer are all compiled. Nothing is recorded in the search analytics: these searches are nobody's.
 */
public final class SearchWarmup {
  /** How many searches ran, over how many distinct queries, in how long. */
  public record Outcome(int searches, int queries, long millis) {}

  private final SearchService search;
  private final Supplier<Vocabulary> vocabulary;
  private final ObjectMapper json;

  public SearchWarmup(SearchService search, Supplier<Vocabulary> vocabulary, ObjectMapper json) {
    this.search = search;
    this.vocabulary = vocabulary;
    this.json = json;
  }

  /** Runs the queries, {@code popular} first, round after round until {@code budget} has passed. */
  public Outcome run(List<String> popular, Duration budget) {
    List<String> queries = queries(popular);
    long started = System.nanoTime();
    long deadline = started + budget.toNanos();
    int searches = 0;
    while (!queries.isEmpty() && System.nanoTime() < deadline) {
      for (String query : queries) {
        if (System.nanoTime() >= deadline) {
          break;
        }
        answer(query);
        searches++;
      }
    }
    return new Outcome(searches, queries.size(), (System.nanoTime() - started) / 1_000_000);
  }

  private void answer(String query) {
    try {
      // The bytes are dropped: serialising is part of what a search costs the first time.
      json.writeValueAsBytes(search.search(SearchRequest.firstPage(query, SearchRequest.DEFAULT_LIMIT)));
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
      for (String alias : tag.aliases().stream().limit(1).toList()) {
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

  /** The text with two letters of its longest word swapped, so the search has something to correct. */
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
    words[longest] = word.substring(0, at - 1) + word.charAt(at) + word.charAt(at - 1) + word.substring(at + 1);
    return String.join(" ", words);
  }
}
