package io.lumbar.importing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image's credit or source line, or its caption saying what it shows: short, and starting with
 * or naming what it credits.
 */
final class ImageCredit {
  static final String REASON = "image credit";
  private static final int MAX_CHARS = 200;
  private static final Pattern PATTERN =
      Pattern.compile(
          "^(image|photo|photograph|picture|illustration|graphic"
              + "|video)s?( credit| by| source| courtesy)?:|^(credit|credits|photo credit|image source|source: (image|photo))"
              + "[: ]|\\b(photo|image|illustration) (by|courtesy of|credit)\\b"
              + "|^(this|the above|the) (diagram|image|photo|picture|illustration|video|chart|infographic)"
              + " (shows|illustrates|depicts|explains)\\b"
              + "|^(this|the above) (drawing|x-ray|radiograph|(mri|ct|ultrasound) (scan|image)|scan)"
              + " (shows|illustrates|depicts)\\b"
              // "A scan seen from above ...", "Close-up view of ...": how the picture was
              // taken, which only a caption says.
              + "|^(an?|the|this) ([\\w-]+ ){0,2}(x-ray|radiograph|scan|image|photo|photograph|picture)s?"
              + " (taken|seen|viewed) from\\b"
              + "|^(side|front|rear|back|top|close-up|lateral|cross-section(al)?) view of\\b"
              // "A name/An agency Images": a photographer and the picture library, the form a
              // credit under a photo takes.
              + "|^[\\p{L}.' -]{1,40}/[\\p{L}.' -]{0,30}\\b(images|photos|photography|pictures|stock)$"
              // A caption the copy ran into the picture's share button ("...a
              // parkShare on ...").
              + "|\\p{Ll}share (on|to) \\p{L}+$",
          Pattern.CASE_INSENSITIVE);

  private ImageCredit() {}

  static Optional<String> reason(String text) {
    String t = TextNormalizer.normalize(text);
    if (t.length() > MAX_CHARS) {
      return Optional.empty();
    }
    // A figure's lines (its caption, then its credit) may each say what the picture is or who
    // took it.
    return PATTERN.matcher(t).find()
            || text.lines()
                .map(TextNormalizer::normalize)
                .filter(line -> !line.isBlank())
                .allMatch(line -> PATTERN.matcher(line).find())
        ? Optional.of(REASON)
        : Optional.empty();
  }
}
