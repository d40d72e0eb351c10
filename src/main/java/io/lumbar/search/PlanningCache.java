package io.lumbar.search;

import io.lumbar.search.SymptomQuery.Plan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;

/**
 * What planning a search found out, for one index view and one vocabulary: the plan of each query
 * (with its filters), each word's spelling correction, whether a corrected query finds anything
 * ("did you mean"), and whether a query names warning signs. A plan depends on nothing else: the
 * words' frequencies come from the reader, synonyms, tags and analysis from the vocabulary, and
 * Lucene's queries are immutable, so a plan is shared by the searches that repeat it. A new index
 * view (every refresh that changed something) or vocabulary (an editor's change) starts empty; each
 * map is bounded and starts over when full, so a stream of queries that never repeat costs one
 * lookup and one insert each.
 */
final class PlanningCache {
  static final int MAX_PLANS = 4_096;
  static final int MAX_WORDS = 16_384;

  /** What a plan is a function of, beside the index view and the vocabulary. */
  record PlanKey(
      String query, List<String> causes, List<String> treatments, List<String> articles) {
    static PlanKey of(SearchRequest request) {
      return new PlanKey(
          request.query(), request.causes(), request.treatments(), request.articles());
    }
  }

  /** The maps of one index view and vocabulary. */
  static final class View {
    private final IndexReader reader;
    private final Vocabulary vocabulary;
    private final Map<PlanKey, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, String> corrections = new ConcurrentHashMap<>();
    private final Map<String, Boolean> namesWarningSigns = new ConcurrentHashMap<>();
    private final Map<PlanKey, Boolean> correctedFinds = new ConcurrentHashMap<>();

    private View(IndexReader reader, Vocabulary vocabulary) {
      this.reader = reader;
      this.vocabulary = vocabulary;
    }

    Plan plan(SearchRequest request, Function<SearchRequest, Plan> planner) {
      return cached(plans, PlanKey.of(request), request, planner);
    }

    /** Each word's correction ("" for none), for {@link SymptomQuery}. */
    Map<String, String> corrections() {
      return corrections;
    }

    /** Whether a corrected query (with its filters) finds a passage, for "did you mean". */
    boolean correctedFinds(SearchRequest corrected, Function<SearchRequest, Boolean> check) {
      return cached(correctedFinds, PlanKey.of(corrected), corrected, check);
    }

    boolean namesWarningSigns(String query, Function<String, Boolean> check) {
      return cached(namesWarningSigns, query, query, check);
    }
  }

  private final AtomicReference<View> current = new AtomicReference<>();

  /** The maps of this index view and vocabulary, new when either changed. */
  View of(IndexReader reader, Vocabulary vocabulary) {
    View view = current.get();
    if (view != null && view.reader == reader && view.vocabulary == vocabulary) {
      return view;
    }
    View fresh = new View(reader, vocabulary);
    // A search on an older view (a searcher acquired before a refresh) does not replace a newer
    // one's maps for long: the next search on the new view puts them back.
    current.set(fresh);
    return fresh;
  }

  /**
   * The value kept for {@code key}, else computed from {@code input} (outside any lock: two
   * searches may compute the same value, never a different one) and kept.
   */
  private static <K, I, V> V cached(Map<K, V> map, K key, I input, Function<I, V> compute) {
    V value = map.get(key);
    if (value == null) {
      value = compute.apply(input);
      put(map, key, value, MAX_PLANS);
    }
    return value;
  }

  /** Bounded by starting over: the queries that repeat are back after their next search. */
  static <K, V> void put(Map<K, V> map, K key, V value, int max) {
    if (map.size() >= max) {
      map.clear();
    }
    map.put(key, value);
  }
}
