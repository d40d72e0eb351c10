package io.lumbar.search;

import static io.lumbar.indexing.IndexFixture.headed;
import static io.lumbar.indexing.IndexFixture.passage;
import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.indexing.IndexFixture;
import io.lumbar.indexing.IndexedPassage;
import io.lumbar.indexing.PassageIndex;
import io.lumbar.indexing.TagRef;
import io.lumbar.search.SearchResponse.FacetCount;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.search.SearchResponse.TotalRelation;
import io.lumbar.search.TagMatcher.TagTerms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ranking signals on tiny corpora where every expected order is known. */
class RankingTest {
  private static final TagRef SCIATICA = new TagRef(TagRef.CAUSE, "sciatica", "Sciatica");
  private static final TagRef ICE = new TagRef(TagRef.TREATMENT, "cold-and-heat", "Cold and heat");
  private static final Vocabulary VOCABULARY =
      new Vocabulary(
          Analysis.withExtraSynonyms("pee, urinate\nache => ache, pain"),
          List.of(
              new TagTerms(
                  "cause", "sciatica", "Sciatica", List.of("pinched nerve", "shooting leg pain")),
              new TagTerms("treatment", "cold-and-heat", "Cold and heat", List.of("ice pack"))));

  private PassageIndex index;

  @AfterEach
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  private SearchResponse search(String query, List<IndexedPassage> passages) {
    index = IndexFixture.of(VOCABULARY.analysis().indexAnalyzer(), passages);
    return new SearchService(index, () -> VOCABULARY).search(SearchRequest.firstPage(query, 10));
  }

  private static List<Long> ids(SearchResponse response) {
    return response.results().stream().map(Hit::id).toList();
  }

  @Test
  void the_exact_word_ranks_above_its_stem_which_ranks_above_a_synonym() {
    SearchResponse r =
        search(
            "pee",
            List.of(
                passage(1, "It stings when I urinate at night."),
                passage(2, "It stings when peeing at night."),
                passage(3, "It stings when I pee at night."),
                passage(4, "Nothing about it here at all.")));

    assertThat(ids(r)).containsExactly(3L, 2L, 1L);
  }

  @Test
  void a_word_of_the_heading_lifts_the_passage_under_it() {
    SearchResponse r =
        search(
            "sciatica",
            List.of(
                passage(1, "Sciatica is a pain down the leg."),
                headed(2, "Sciatica", "Sciatica is a pain down the leg."),
                headed(3, "Sciatica", "Nothing about the nerve here.")));

    assertThat(ids(r))
        .as("the heading alone finds a passage, and adds to one found by its text")
        .containsExactly(2L, 1L, 3L);
  }

  @Test
  void a_word_in_the_headings_of_many_passages_neither_lifts_nor_finds_them() {
    List<IndexedPassage> corpus =
        new ArrayList<>(
            List.of(
                passage(1, "It hurts at night."), headed(2, "Night pain", "It hurts at night.")));
    for (long id = 3; id <= 2 + SymptomQuery.COMMON_HEADING_MIN_PASSAGES; id++) {
      corpus.add(headed(id, "Night pain", "Nothing about the hours here."));
    }

    assertThat(ids(search("night", corpus)))
        .as("same text, same score: ties in id order")
        .containsExactly(1L, 2L);
  }

  @Test
  void past_a_handful_of_passages_a_heading_word_is_common_in_more_than_one_heading_in_twenty()
      throws Exception {
    // 200 passages: "night" heads 11 (5.5 %), "sciatica" 9 (4.5 %).
    List<IndexedPassage> corpus =
        new ArrayList<>(
            List.of(
                passage(1, "It hurts at night."),
                headed(2, "Night pain", "It hurts at night."),
                passage(20, "Sciatica runs down the leg."),
                headed(21, "Sciatica", "Sciatica runs down the leg.")));
    for (long id = 3; id <= 12; id++) {
      corpus.add(headed(id, "Night pain", "Nothing about the hours here."));
    }
    for (long id = 22; id <= 29; id++) {
      corpus.add(headed(id, "Sciatica", "Nothing about the nerve here."));
    }
    for (long id = 100; corpus.size() < 200; id++) {
      corpus.add(passage(id, "Filler about something else entirely."));
    }

    assertThat(ids(search("night", corpus)))
        .as("common: left out of headings")
        .containsExactly(1L, 2L);
    close();
    assertThat(ids(search("sciatica", corpus)))
        .as("telling: lifts its passages and finds them")
        .containsExactly(21L, 20L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L);
  }

  @Test
  void a_synonym_match_ranks_above_a_spelling_correction() {
    SearchResponse r =
        search(
            "ache sciatika",
            List.of(
                passage(1, "The sciatica is worse today."),
                passage(2, "The pain is worse today."),
                passage(3, "The weather is worse today.")));

    assertThat(ids(r)).containsExactly(2L, 1L);
    assertThat(r.didYouMean()).isEqualTo("ache sciatica");
  }

  @Test
  void typos_are_corrected_by_word_length_one_edit_from_five_letters_two_from_nine() {
    List<IndexedPassage> corpus =
        List.of(
            passage(1, "Numbness in the legs."),
            passage(2, "Inflammation of the spine."),
            passage(3, "Legs and feet."));

    assertThat(ids(search("numbnes", corpus))).containsExactly(1L);
    assertThat(ids(search("inflamaton", corpus)))
        .as("two edits at ten letters")
        .containsExactly(2L);
    assertThat(ids(search("numbns", corpus))).as("two edits at six letters").isEmpty();
    assertThat(ids(search("lges", corpus))).as("no correction under five letters").isEmpty();
  }

  @Test
  void question_words_rank_tagged_passages_up_but_match_nothing_alone() {
    List<IndexedPassage> corpus =
        List.of(
            passage(1, "Ice the sore back.", List.of(SCIATICA), List.of(ICE)),
            passage(2, "The sore back again.", List.of(), List.of()));

    assertThat(ids(search("why zzzz", corpus))).isEmpty();
    assertThat(ids(search("what helps a sore back", corpus))).containsExactly(1L, 2L);
    SearchService service = new SearchService(index, () -> VOCABULARY);
    SearchRequest filtered =
        new SearchRequest("what helps a sore back", 10, 0, List.of(), List.of(), List.of("1"));
    assertThat(ids(service.search(filtered))).as("also beside a filter").containsExactly(1L, 2L);
    assertThat(
            ids(
                service.search(
                    new SearchRequest("why zzzz", 10, 0, List.of(), List.of(), List.of("1")))))
        .isEmpty();
  }

  @Test
  void corrections_are_bounded_per_query_and_never_echo_the_query() {
    index =
        IndexFixture.of(
            VOCABULARY.analysis().indexAnalyzer(),
            List.of(passage(1, "Numbness inflammation sciatica stiffness weakness tingling.")));
    SymptomQuery planner =
        new SymptomQuery(VOCABULARY, index.acquire().getIndexReader(), SearchFeatures.ALL);

    var plan =
        planner.plan(
            SearchRequest.firstPage(
                "numbnes inflamaton sciatika stifness weaknes tinglng " + "x".repeat(30), 10));

    assertThat(plan.corrections()).hasSize(SymptomQuery.MAX_CORRECTIONS);
    SearchResponse accented =
        new SearchService(index, () -> VOCABULARY).search(SearchRequest.firstPage("numbnéss", 10));
    assertThat(accented.didYouMean()).isNotEqualTo("numbnéss");
  }

  @Test
  void tag_suggestions_come_from_names_aliases_and_synonyms_found_in_the_text() {
    Vocabulary vocabulary =
        new Vocabulary(
            Analysis.withExtraSynonyms("pee, urinate"),
            List.of(
                new TagTerms("cause", "kidney-stones", "Kidney stones", List.of("pain when i pee")),
                new TagTerms("cause", "sciatica", "Sciatica", List.of("pinched nerve")),
                new TagTerms("treatment", "bladder-care", "Bladder care", List.of("pee"))));

    assertThat(vocabulary.suggestTags("Some people with sciatica find it hard to urinate."))
        .extracting(Vocabulary.TagInfo::slug)
        .containsExactly("sciatica", "bladder-care");
  }

  @Test
  void a_word_the_index_knows_is_never_corrected() {
    SearchResponse r =
        search(
            "spine",
            List.of(passage(1, "Inflammation of the spine."), passage(2, "A spike of pain.")));

    assertThat(ids(r)).containsExactly(1L);
    assertThat(r.didYouMean()).isNull();
  }

  @Test
  void a_query_naming_a_tag_alias_finds_and_boosts_the_tagged_passages() {
    SearchResponse r =
        search(
            "pinched nerve",
            List.of(
                passage(1, "A nerve in the neck."),
                passage(
                    2,
                    "Pain that runs from the buttock down the leg.",
                    List.of(SCIATICA),
                    List.of()),
                passage(3, "Pinched fingers.")));

    assertThat(ids(r)).first().isEqualTo(2L);
    assertThat(ids(r)).containsExactlyInAnyOrder(1L, 2L, 3L);
  }

  @Test
  void words_near_each_other_rank_above_the_same_words_far_apart() {
    List<IndexedPassage> corpus =
        new java.util.ArrayList<>(
            List.of(
                passage(1, "Pain can start in the hip and after many weeks also reach the leg."),
                passage(
                    2, "Leg pain can start in the hip and after many weeks also reach the foot.")));
    // Nearness only counts for words in at most a fifth of the passages.
    for (long id = 3; id <= 10; id++) {
      corpus.add(passage(id, "Unrelated passage number " + id + "."));
    }

    assertThat(ids(search("leg pain", corpus))).containsExactly(2L, 1L);
  }

  @Test
  void an_asked_for_tag_kind_lifts_a_passage_among_equal_best_matches() {
    List<IndexedPassage> corpus = new java.util.ArrayList<>();
    // More equal matches than the boosts are worked out for; ties rank by id, so without its boost
    // 7 would be seventh.
    for (long id = 1; id <= SearchService.BEST_MATCHES + 20; id++) {
      corpus.add(
          passage(
              id,
              "Leg, leg: it can start in the hip and after many weeks reach the foot with pain, pain.",
              List.of(),
              id == 7 ? List.of(ICE) : List.of()));
    }
    for (long id = 2000; id < 2400; id++) {
      corpus.add(passage(id, "Unrelated passage number " + id + "."));
    }

    SearchResponse r = search("what helps leg pain", corpus);

    assertThat(ids(r)).startsWith(7L, 1L, 2L, 3L);
    assertThat(r.results().get(0).score()).isGreaterThan(r.results().get(1).score());
  }

  @Test
  void a_passage_about_one_tag_outranks_a_summary_listing_many() {
    TagRef ice = ICE;
    TagRef other = new TagRef(TagRef.TREATMENT, "surgery", "Surgery");
    TagRef another = new TagRef(TagRef.TREATMENT, "braces", "Braces");
    SearchResponse r =
        search(
            "ice pack",
            List.of(
                passage(
                    1,
                    "Many options exist for a sore back.",
                    List.of(SCIATICA),
                    List.of(ice, other, another)),
                passage(2, "Many options exist for a sore neck.", List.of(), List.of(ice))));

    assertThat(ids(r)).containsExactly(2L, 1L);
  }

  @Test
  void facets_count_every_match_not_only_the_page() {
    index =
        IndexFixture.of(
            VOCABULARY.analysis().indexAnalyzer(),
            List.of(
                passage(1, "Ice the sore back.", List.of(SCIATICA), List.of(ICE)),
                passage(2, "Ice the sore leg.", List.of(SCIATICA), List.of()),
                passage(3, "Ice the sore neck.", List.of(), List.of(ICE)),
                passage(4, "Heat the sore neck.", List.of(SCIATICA), List.of(ICE))));

    SearchResponse r =
        new SearchService(index, () -> VOCABULARY).search(SearchRequest.firstPage("ice", 1));

    assertThat(r.total()).isEqualTo(3);
    assertThat(r.totalRelation()).isEqualTo(TotalRelation.EXACT);
    assertThat(r.results()).hasSize(1);
    assertThat(r.facets().causes()).containsExactly(new FacetCount("sciatica", "Sciatica", 2));
    assertThat(r.facets().treatments())
        .containsExactly(new FacetCount("cold-and-heat", "Cold and heat", 2));
    assertThat(r.facets().sample()).isEqualTo(3);
  }

  @Test
  void facets_count_only_the_best_ranked_matches_when_there_are_many() {
    List<IndexedPassage> passages = new ArrayList<>();
    for (int i = 1; i <= SearchService.FACET_SAMPLE; i++) {
      passages.add(passage(i, "Ice, ice and more ice.", List.of(), List.of(ICE)));
    }
    for (int i = 1; i <= 5; i++) {
      passages.add(
          passage(
              1000 + i,
              "A little ice is one of many things people try when the lower back is sore after work.",
              List.of(SCIATICA),
              List.of()));
    }
    index = IndexFixture.of(VOCABULARY.analysis().indexAnalyzer(), passages);

    SearchResponse r =
        new SearchService(index, () -> VOCABULARY).search(SearchRequest.firstPage("ice", 10));

    assertThat(r.total()).isEqualTo(SearchService.FACET_SAMPLE + 5);
    assertThat(r.facets().sample()).isEqualTo(SearchService.FACET_SAMPLE);
    assertThat(r.facets().treatments())
        .containsExactly(
            new FacetCount("cold-and-heat", "Cold and heat", SearchService.FACET_SAMPLE));
    assertThat(r.facets().causes()).isEmpty();
  }

  @Test
  void the_total_is_a_lower_bound_past_the_exact_limit_and_paging_still_works() {
    int matching = SearchService.EXACT_TOTAL_UP_TO + 500;
    List<IndexedPassage> passages = new ArrayList<>();
    for (int i = 1; i <= matching; i++) {
      // Different lengths, so scores differ and Lucene can skip passages that cannot reach the top.
      passages.add(passage(i, "Ice the sore back" + " and rest".repeat(i % 7) + "."));
    }
    index = IndexFixture.of(VOCABULARY.analysis().indexAnalyzer(), passages);
    SearchService service = new SearchService(index, () -> VOCABULARY);

    SearchResponse first = service.search(SearchRequest.firstPage("ice", 10));
    SearchResponse second =
        service.search(new SearchRequest("ice", 10, 10, List.of(), List.of(), List.of()));

    assertThat(first.totalRelation()).isEqualTo(TotalRelation.LOWER_BOUND);
    assertThat(first.total()).isBetween((long) SearchService.EXACT_TOTAL_UP_TO, (long) matching);
    assertThat(ids(first)).hasSize(10).doesNotContainAnyElementsOf(ids(second));
    assertThat(ids(second)).hasSize(10);
    assertThat(first.results().getLast().score())
        .isGreaterThanOrEqualTo(second.results().getFirst().score());
  }

  @Test
  void snippets_crop_around_the_match_and_mark_synonym_matches() {
    String filler = "This sentence is only here to make the passage long enough to need cropping. ";
    SearchResponse r =
        search(
            "pee",
            List.of(
                passage(
                    1,
                    filler.repeat(4)
                        + "Some people find it hard to urinate when lying down. "
                        + filler.repeat(4))));

    String snippet = r.results().getFirst().snippet();
    assertThat(snippet).contains("hard to <mark>urinate</mark> when lying down");
    assertThat(snippet.length()).isLessThan(300);
  }
}
