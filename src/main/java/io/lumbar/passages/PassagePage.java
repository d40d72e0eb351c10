package io.lumbar.passages;

import io.lumbar.indexing.TagRef;
import io.lumbar.search.SearchLinks;
import io.lumbar.search.SearchResponse.Hit;
import io.lumbar.web.Page;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The public page of one published passage: where it sits in its article, where the article was
 * published, its tags as ways into the search, related passages, and the way back to the results it
 * was opened from ({@code back}, a results page of this site, or null).
 */
public record PassagePage(PassageView passage, List<Hit> related, String back) implements Page {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  @Override
  public String template() {
    return "passages/passage.jte";
  }

  /** The passage's heading, else its article's title. */
  public String title() {
    return passage.heading() != null && !passage.heading().isBlank()
        ? passage.heading()
        : passage.article().title();
  }

  /** The headings above the passage's own, outermost first. */
  public List<String> sectionsAbove() {
    List<String> path = passage.headingPath();
    boolean endsWithOwn =
        !path.isEmpty() && passage.heading() != null && path.getLast().equals(passage.heading());
    return endsWithOwn ? path.subList(0, path.size() - 1) : path;
  }

  /** The text in paragraphs, as the article had them (blank lines between). */
  public List<String> paragraphs() {
    return Arrays.stream(passage.text().split("\\n\\s*\\n"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }

  /** "30 November 2022", or null when the date is not known. */
  public String published() {
    return passage.article().published() == null ? null : DAY.format(passage.article().published());
  }

  /**
   * The article's address when it is a web page (http or https); anything else is not offered as a
   * link.
   */
  public String sourceUrl() {
    String url = passage.article().url();
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      boolean web =
          scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
      return web && uri.getHost() != null ? uri.toString() : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** The host of {@link #sourceUrl}, without "www.": what a person recognises. */
  public String sourceHost() {
    String host = URI.create(sourceUrl()).getHost();
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  public String tagUrl(String kind, TagRef tag) {
    return SearchLinks.tagged(kind, tag.slug(), tag.name());
  }

  public String relatedUrl(Hit hit) {
    return SearchLinks.passage(hit.id(), back);
  }

  public boolean hasTags() {
    return !passage.causes().isEmpty() || !passage.treatments().isEmpty();
  }
}
