package io.lumbar.tagging;

import io.lumbar.search.NearestPassages;
import io.lumbar.search.NearestPassages.Neighbour;
import io.lumbar.search.Vocabulary;
import io.lumbar.search.Vocabulary.TagInfo;
import io.lumbar.search.Vocabulary.TagMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Suggests tags for a passage: the tags of the most similar tagged passages, each voting with its
 * similarity, plus the tags whose name or alias the text says. The passage's own tags never vote
 * (it is never its own neighbour), so a tagged passage gets the suggestions it would get untagged.
 */
public final class TagSuggester {
  /** How many similar tagged passages vote. */
  static final int NEIGHBOURS = 5;

  /** What the text naming a tag adds to the neighbours' share (at most 1). */
  static final double NAMED = 0.5;

  /**
   * What it adds when the text says it only through a search synonym, or its words in another
   * order.
   */
  static final double NAMED_BY_SYNONYM = 0.25;

  /** Suggestions given at most. */
  static final int MAX_SUGGESTIONS = 10;

  private final NearestPassages nearest;
  private final Supplier<Vocabulary> vocabulary;

  public TagSuggester(NearestPassages nearest, Supplier<Vocabulary> vocabulary) {
    this.nearest = nearest;
    this.vocabulary = vocabulary;
  }

  /** Best first. {@code heading} may be null. */
  public List<TagSuggestion> suggest(long passageId, String heading, String text) {
    Vocabulary words = vocabulary.get();
    String named = heading == null || heading.isBlank() ? text : heading + "\n" + text;
    return score(
        nearest.nearestTagged(passageId, heading, text, NEIGHBOURS),
        words.tagMentions(named),
        words.allTags());
  }

  /**
   * A tag's score is the similarity-weighted share of the neighbours that have it, plus {@link
   * #NAMED} when the text names it; tags the taxonomy no longer has are left out.
   */
  static List<TagSuggestion> score(
      List<Neighbour> neighbours, List<TagMention> mentions, List<TagInfo> taxonomy) {
    Map<String, TagInfo> bySlug =
        taxonomy.stream()
            .collect(Collectors.toMap(TagInfo::slug, Function.identity(), (a, b) -> a));
    double total = neighbours.stream().mapToDouble(Neighbour::similarity).sum();
    Map<String, Evidence> evidence = new LinkedHashMap<>();
    for (Neighbour n : neighbours) {
      for (String slug : n.tags()) {
        if (bySlug.containsKey(slug)) {
          Evidence e = evidence.computeIfAbsent(slug, s -> new Evidence());
          e.votes++;
          e.vote += total > 0 ? n.similarity() / total : 0;
        }
      }
    }
    for (TagMention m : mentions) {
      if (bySlug.containsKey(m.tag().slug())) {
        Evidence e = evidence.computeIfAbsent(m.tag().slug(), s -> new Evidence());
        e.mention = m;
      }
    }
    List<TagSuggestion> suggestions = new ArrayList<>();
    evidence.forEach(
        (slug, e) -> {
          TagInfo tag = bySlug.get(slug);
          suggestions.add(
              new TagSuggestion(
                  slug, tag.kind(), tag.name(), round(e.score()), e.why(neighbours.size())));
        });
    suggestions.sort(
        Comparator.comparingDouble(TagSuggestion::score)
            .reversed()
            .thenComparing(TagSuggestion::name));
    return suggestions.stream().limit(MAX_SUGGESTIONS).toList();
  }

  private static final class Evidence {
    int votes;
    double vote;
    TagMention mention;

    double score() {
      return vote + (mention == null ? 0 : mention.bySynonym() ? NAMED_BY_SYNONYM : NAMED);
    }

    String why(int neighbours) {
      List<String> reasons = new ArrayList<>();
      if (votes > 0) {
        reasons.add(
            votes
                + " of the "
                + neighbours
                + " most similar tagged passages "
                + (votes == 1 ? "has" : "have")
                + " it");
      }
      if (mention != null) {
        reasons.add(
            mention.bySynonym()
                ? "the text says '" + mention.words() + "' in other words"
                : "the text names '" + mention.words() + "'");
      }
      return String.join("; ", reasons);
    }
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
