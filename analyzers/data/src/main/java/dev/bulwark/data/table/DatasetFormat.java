package dev.bulwark.data.table;

import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.Magic;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Dataset formats, recognised from content with the name as a hint: Parquet and Arrow by magic bytes
 * whatever the name; CSV/TSV and JSON Lines when the name says so and the first lines agree; JSON arrays
 * of records when the content opens with {@code [} and an object; plain text by name. A gzip file (by its
 * magic bytes) is the format of its inflated head, named without {@code .gz}, when that is CSV/TSV, JSON Lines
 * or a JSON array ({@link Gzip}).
 */
public enum DatasetFormat {
  CSV, JSON_LINES, JSON_ARRAY, PARQUET, ARROW, TEXT;

  /** The format of a file, or null when it is not a dataset Bulwark reads. */
  public static DatasetFormat detect(String name, byte[] head) {
    if (Gzip.isGzip(head)) {
      DatasetFormat inner = detectPlain(Gzip.innerName(name), Gzip.inflateHead(head, 8192));
      return inner == CSV || inner == JSON_LINES || inner == JSON_ARRAY ? inner : null;
    }
    return detectPlain(name, head);
  }

  private static DatasetFormat detectPlain(String name, byte[] head) {
    String n = name.toLowerCase(Locale.ROOT);
    FileKind kind = Magic.sniff(head);
    if (kind == FileKind.PARQUET) {
      return PARQUET;
    }
    if (kind == FileKind.ARROW || isArrowStream(head)) {
      return ARROW;
    }
    if (kind != FileKind.TEXT) {
      return null;
    }
    String text = new String(head, 0, Math.min(head.length, 8192), StandardCharsets.UTF_8);
    int first = firstNonSpace(text);
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".jsonlines")) {
      return first >= 0 && text.charAt(first) == '{' ? JSON_LINES : null;
    }
    if (n.endsWith(".json")) {
      if (first >= 0 && text.charAt(first) == '[') {
        int second = firstNonSpace(text.substring(first + 1));
        return second >= 0 && text.charAt(first + 1 + second) == '{' ? JSON_ARRAY : null;
      }
      // one object per line is JSON Lines even when named .json
      return first >= 0 && text.charAt(first) == '{' && isObjectPerLine(text) ? JSON_LINES : null;
    }
    if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".tab") || n.endsWith(".psv")) {
      return looksTabular(head, name) ? CSV : null;
    }
    if (n.endsWith(".txt") || n.endsWith(".log") || n.endsWith(".text")) {
      return TEXT;
    }
    return null;
  }

  /** Arrow IPC stream format: a continuation marker 0xFFFFFFFF and a metadata length, then a flatbuffer. */
  static boolean isArrowStream(byte[] h) {
    if (h.length < 16 || (h[0] & 0xFF) != 0xFF || (h[1] & 0xFF) != 0xFF || (h[2] & 0xFF) != 0xFF || (h[3] & 0xFF) != 0xFF) {
      return false;
    }
    int len = (h[4] & 0xFF) | (h[5] & 0xFF) << 8 | (h[6] & 0xFF) << 16 | (h[7] & 0xFF) << 24;
    return len > 8 && len < (1 << 24) && len % 8 == 0;
  }

  /** A header line and data lines that split into the same number of fields (or one line with delimiters). */
  static boolean looksTabular(byte[] head, String name) {
    char d = CsvReader.sniffDelimiter(head, name);
    String text = new String(head, StandardCharsets.UTF_8);
    String firstLine = text.lines().findFirst().orElse("");
    return firstLine.indexOf(d) >= 0 || text.lines().limit(3).count() >= 1 && !firstLine.isBlank();
  }

  private static boolean isObjectPerLine(String text) {
    String[] lines = text.split("\n", 3);
    return lines.length >= 2 && lines[0].strip().endsWith("}") && lines[1].strip().startsWith("{");
  }

  private static int firstNonSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\uFEFF') {
        return i;
      }
    }
    return -1;
  }
}
