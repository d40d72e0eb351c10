package io.lumbar.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Checks an uploaded article file before the importer sees it: a known extension, at most {@link
 * #MAX_BYTES}, not an archive, strict UTF-8 text (as the import command reads files). Archives are
 * refused rather than unpacked, so a zip bomb is never expanded.
 */
final class ArticleUpload {
  static final int MAX_BYTES = 2 * 1024 * 1024;
  static final List<String> EXTENSIONS = List.of(".txt", ".html", ".htm");

  /** zip (also docx, epub, …), gzip, bzip2, xz, zstd, 7z. */
  private static final byte[][] ARCHIVE_MAGIC = {
    {'P', 'K', 3, 4},
    {'P', 'K', 5, 6},
    {'P', 'K', 7, 8},
    {0x1f, (byte) 0x8b},
    {'B', 'Z', 'h'},
    {(byte) 0xfd, '7', 'z', 'X', 'Z', 0},
    {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd},
    {'7', 'z', (byte) 0xbc, (byte) 0xaf}
  };

  /** A file over the size limit; answered 413. */
  static final class TooLarge extends ImportException {
    TooLarge(String message) {
      super(message);
    }
  }

  private ArticleUpload() {}

  /**
   * The file as an article source, or an {@link ImportException} that says what is wrong with it.
   */
  static ArticleSource read(String fileName, byte[] bytes) {
    String name = fileName.replaceAll(".*[/\\\\]", "").strip();
    String lower = name.toLowerCase(Locale.ROOT);
    if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
      throw new ImportException(name + " cannot be imported: choose a .txt, .html or .htm file");
    }
    if (bytes.length > MAX_BYTES) {
      throw new TooLarge(name + " is too large: at most 2 MB can be uploaded");
    }
    for (byte[] magic : ARCHIVE_MAGIC) {
      if (startsWith(bytes, magic)) {
        throw new ImportException(
            name + " is a compressed archive, not text: unpack it and upload the article itself");
      }
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new ImportException(name + " is not a text file");
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ImportException(name + " is not UTF-8 text: save it as UTF-8 and try again");
    }
    // Editors save files from Windows tools, which often start them with a byte order mark.
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return ArticleSource.of(name, text);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
