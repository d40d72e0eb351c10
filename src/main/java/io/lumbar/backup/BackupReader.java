package io.lumbar.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.backup.BackupHeader.Entry;
import io.lumbar.backup.BackupTables.Column;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a backup file from start to end, line by line: the header, every table's rows, then the
 * trailer, whose SHA-256 must match every byte before it. Only one line is held at a time. A file
 * read to its end has been proved whole; a reader stopped early by an exception has proved nothing.
 */
final class BackupReader implements AutoCloseable {
  /**
   * Longer than any row a MariaDB packet can carry, base64 included; anything longer is not a
   * backup line.
   */
  private static final int MAX_LINE = 256 << 20;

  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
  private static final byte[] PLAIN_START =
      ("{\"format\":\"" + BackupHeader.FORMAT + "\"").getBytes(StandardCharsets.US_ASCII);

  /** Receives each row; the values are a JSON array with one value per column, already checked. */
  interface RowHandler {
    void row(Entry table, JsonNode values, int lineBytes) throws Exception;
  }

  private final String name;
  private final InputStream in;
  private final ObjectMapper json;
  private final MessageDigest sha = sha256();
  private final BackupHeader header;
  private byte[] line = new byte[64 * 1024];
  private int lineLength;
  private long lineNumber;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPosition;
  private int chunkLength;

  private BackupReader(Path file, InputStream in, ObjectMapper json) {
    this.name = file.toString();
    this.in = in;
    this.json = json;
    this.header = BackupHeader.read(nextNode(true), name);
  }

  /**
   * True when {@code file} starts as a backup does: gzip-compressed (as {@code lumbar backup}
   * writes it), or a backup's header uncompressed (a backup gunzipped: its checksum covers the
   * uncompressed lines). Anything else is not a backup.
   */
  static boolean isBackup(Path file) {
    byte[] start = new byte[PLAIN_START.length];
    try (InputStream in = Files.newInputStream(file)) {
      int read = in.readNBytes(start, 0, start.length);
      return (read >= 2 && start[0] == GZIP_MAGIC[0] && start[1] == GZIP_MAGIC[1])
          || (read == start.length && Arrays.equals(start, PLAIN_START));
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Opens {@code file} (one {@link #isBackup} said is a backup) and reads its header. */
  static BackupReader open(Path file, ObjectMapper json) {
    boolean gzip = !startsPlain(file);
    InputStream in = null;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
      if (gzip) {
        in = new GZIPInputStream(in, 64 * 1024);
      }
      return new BackupReader(file, in, json);
    } catch (IOException | RuntimeException e) {
      closeQuietly(in, e);
      throw e instanceof IOException io
          ? damagedOrUnreadable(file.toString(), io)
          : (RuntimeException) e;
    }
  }

  private static boolean startsPlain(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(PLAIN_START.length), PLAIN_START);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  BackupHeader header() {
    return header;
  }

  /**
   * Reads every row, checking each against its table's columns, then the trailer and the end of the
   * file; returns the checksum, proved to match. Throws at the first thing wrong.
   */
  String readRows(RowHandler handler) {
    for (Entry table : header.tables()) {
      List<Column> columns = table.table().columns();
      for (long row = 0; row < table.rows(); row++) {
        JsonNode values = nextNode(true);
        checkRow(table, columns, values);
        try {
          handler.row(table, values, lineLength);
        } catch (BackupException e) {
          throw e;
        } catch (Exception e) {
          throw new BackupException(
              "restoring "
                  + table.table().name()
                  + " failed at line "
                  + lineNumber
                  + ": "
                  + BackupException.oneLine(e)
                  + "; nothing was restored");
        }
      }
    }
    String expected = HexFormat.of().formatHex(sha.digest());
    JsonNode trailer = nextNode(false);
    if (!BackupHeader.FORMAT.equals(trailer.path("end").asText())
        || !trailer.path("sha256").isTextual()
        || trailer.path("rows").asLong(-1) != header.totalRows()) {
      throw BackupHeader.damaged(
          name, "line " + lineNumber + " is not the trailer the header's row counts lead to");
    }
    if (!trailer.get("sha256").asText().equals(expected)) {
      throw BackupHeader.damaged(name, "its checksum does not match its content");
    }
    try {
      if (chunkPosition < chunkLength || in.read() != -1) {
        throw BackupHeader.damaged(name, "there is more after its trailer");
      }
    } catch (IOException e) {
      throw damagedOrUnreadable(name, e);
    }
    return expected;
  }

  private void checkRow(Entry table, List<Column> columns, JsonNode values) {
    if (!values.isArray() || values.size() != columns.size()) {
      throw BackupHeader.damaged(
          name, "line " + lineNumber + " is not a row of " + table.table().name());
    }
    for (int i = 0; i < columns.size(); i++) {
      JsonNode value = values.get(i);
      boolean fits =
          value.isNull()
              || switch (columns.get(i).kind()) {
                case INTEGER -> value.isIntegralNumber();
                case TEXT, BINARY -> value.isTextual();
              };
      if (!fits) {
        throw BackupHeader.damaged(
            name,
            "line "
                + lineNumber
                + " has a value of the wrong kind for "
                + table.table().name()
                + "."
                + columns.get(i).name());
      }
    }
  }

  /** The next line as JSON; a line before the trailer counts in the checksum. */
  private JsonNode nextNode(boolean checksummed) {
    if (!nextLine()) {
      throw new BackupException(
          name
              + " is truncated: it ends after line "
              + lineNumber
              + ", before "
              + (checksummed ? "all the rows its header announces" : "its checksum line"));
    }
    if (checksummed) {
      sha.update(line, 0, lineLength);
      sha.update((byte) '\n');
    }
    try {
      return json.readTree(line, 0, lineLength);
    } catch (JsonProcessingException e) {
      throw BackupHeader.damaged(name, "line " + lineNumber + " is not valid JSON");
    } catch (IOException e) {
      throw damagedOrUnreadable(name, e);
    }
  }

  /**
   * Reads up to the next line break into {@link #line}; false at the end of the file (a last line
   * without one is cut off).
   */
  private boolean nextLine() {
    lineLength = 0;
    try {
      while (true) {
        if (chunkPosition == chunkLength) {
          chunkLength = in.read(chunk);
          chunkPosition = 0;
          if (chunkLength < 0) {
            chunkLength = 0;
            return false;
          }
        }
        int end = chunkPosition;
        while (end < chunkLength && chunk[end] != '\n') {
          end++;
        }
        append(end - chunkPosition);
        boolean complete = end < chunkLength;
        chunkPosition = complete ? end + 1 : end;
        if (complete) {
          lineNumber++;
          return true;
        }
      }
    } catch (IOException e) {
      throw damagedOrUnreadable(name, e);
    }
  }

  private void append(int length) {
    if (lineLength + length > MAX_LINE) {
      throw BackupHeader.damaged(
          name, "line " + (lineNumber + 1) + " is longer than any backup line");
    }
    if (lineLength + length > line.length) {
      line =
          Arrays.copyOf(line, Math.max(lineLength + length, Math.min(MAX_LINE, line.length * 2)));
    }
    System.arraycopy(chunk, chunkPosition, line, lineLength, length);
    lineLength += length;
  }

  /**
   * A gzip stream that ends early or fails its CRC is a truncated or damaged file; anything else
   * could not be read.
   */
  private static BackupException damagedOrUnreadable(String name, IOException e) {
    if (e instanceof EOFException) {
      return new BackupException(name + " is truncated: its compressed data ends early");
    }
    if (e instanceof ZipException) {
      return BackupHeader.damaged(name, "its compressed data is corrupt (" + e.getMessage() + ")");
    }
    return new BackupException(name + " cannot be read: " + BackupException.oneLine(e));
  }

  private static BackupException unreadable(Path file, IOException e) {
    String why =
        e instanceof NoSuchFileException
            ? "no such file"
            : e instanceof AccessDeniedException ? "permission denied" : BackupException.oneLine(e);
    return new BackupException(file + " cannot be read: " + why);
  }

  private static void closeQuietly(InputStream in, Exception cause) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Read to the end or abandoned: nothing is lost by a failed close of an input.
    }
  }
}
