package dev.bulwark.data.table;

import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV (and TSV/semicolon/pipe variants) read as a stream: quoted fields with doubled quotes and
 * embedded newlines, CRLF or LF. Bounds a field's length and the number of columns so that hostile input
 * cannot exhaust memory; a violation is an {@link UnreadableInputException} naming the file and line.
 */
public final class CsvReader implements TableReader {

  public static final int MAX_FIELD = 1 << 20;
  public static final int MAX_COLUMNS = 10_000;

  private final String path;
  private final CountingInputStream counted;
  private final Reader in;
  private final char delimiter;
  private final List<String> columns;
  private final StringBuilder field = new StringBuilder();
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private boolean eof;
  private long consumed;

  public CsvReader(String path, InputStream stream, char delimiter, boolean header) throws IOException {
    this.path = path;
    this.counted = new CountingInputStream(stream);
    this.in = new InputStreamReader(counted, StandardCharsets.UTF_8);
    this.delimiter = delimiter;
    if (peek() == '\uFEFF') {
      read(); // a byte-order mark before a quoted first field would otherwise end up inside the field
    }
    List<String> first = readRecord();
    if (first == null) {
      this.columns = new ArrayList<>();
      pending = null;
      return;
    }
    if (header) {
      this.columns = new ArrayList<>();
      for (int i = 0; i < first.size(); i++) {
        String name = first.get(i) == null ? "" : first.get(i).strip();
        columns.add(name.isEmpty() ? "column_" + (i + 1) : name);
      }
      pending = null;
    } else {
      this.columns = new ArrayList<>();
      for (int i = 0; i < first.size(); i++) {
        columns.add("column_" + (i + 1));
      }
      pending = first.toArray(new String[0]);
    }
  }

  private String[] pending;
  private boolean truncateLongFields;
  private boolean fieldCut;
  private long recordLine = 1;
  private final PassedOver passedOver = new PassedOver();

  /**
   * From the next record on, keeps the first {@link #MAX_FIELD} characters of a longer field instead of failing:
   * for readers that count rows and sample types, where a long text (a whole document in one cell) is normal
   * and its tail changes nothing. Memory stays bounded either way.
   */
  public CsvReader truncatingLongFields() {
    this.truncateLongFields = true;
    return this;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  /** UTF-8 bytes of the characters consumed so far (not of what the buffers read ahead). */
  @Override
  public long bytesRead() {
    return consumed;
  }

  @Override
  public List<String> passedOver() {
    return passedOver.list();
  }

  /** The 1-based line the next record starts on. */
  public long line() {
    return line;
  }

  @Override
  public String[] next() throws IOException {
    if (pending != null) {
      String[] p = pending;
      pending = null;
      return p;
    }
    List<String> r = readRecord();
    if (r == null) {
      return null;
    }
    while (columns.size() < r.size()) {
      columns.add("column_" + (columns.size() + 1));
    }
    return r.toArray(new String[0]);
  }

  private int read() throws IOException {
    if (pos == len) {
      if (eof) {
        return -1;
      }
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        eof = true;
        len = 0;
        return -1;
      }
    }
    char c = buf[pos++];
    consumed += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    return c;
  }

  private int peek() throws IOException {
    int c = read();
    if (c >= 0) {
      pos--;
      consumed -= c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate((char) c) ? 2 : 3;
    }
    return c;
  }

  /** One record, or null at the end of input. Empty lines are skipped. */
  private List<String> readRecord() throws IOException {
    int c = read();
    while (c == '\n' || c == '\r') {
      if (c == '\n') {
        line++;
      }
      c = read();
    }
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> values = new ArrayList<>();
    while (true) {
      field.setLength(0);
      fieldCut = false;
      boolean quoted = false;
      if (c == '"') {
        quoted = true;
        while (true) {
          c = read();
          if (c < 0) {
            throw new UnreadableInputException(path, "unterminated quoted field starting before line " + line);
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
              append('"');
              continue;
            }
            c = read();
            break;
          }
          if (c == '\n') {
            line++;
          }
          append((char) c);
        }
        // characters after the closing quote up to the delimiter are kept, as lenient readers do
      }
      while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
        append((char) c);
        c = read();
      }
      values.add(!quoted && field.isEmpty() ? null : field.toString());
      if (values.size() > MAX_COLUMNS) {
        throw new UnreadableInputException(path, "more than " + MAX_COLUMNS + " columns on line " + line);
      }
      if (c == delimiter) {
        c = read();
        continue;
      }
      if (c == '\r' && peek() == '\n') {
        read();
      }
      if (c == '\n' || c == '\r') {
        line++;
      }
      return values;
    }
  }

  private void append(char c) throws IOException {
    if (field.length() >= MAX_FIELD) {
      if (truncateLongFields) {
        if (!fieldCut) {
          fieldCut = true;
          passedOver.add("line " + recordLine + ": field longer than " + MAX_FIELD + " characters; only its first "
              + MAX_FIELD + " read");
        }
        return;
      }
      throw new UnreadableInputException(path, "field longer than " + MAX_FIELD + " characters on line " + line);
    }
    field.append(c);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Guesses the delimiter from the first lines: the candidate that splits them most consistently. */
  public static char sniffDelimiter(byte[] head, String name) {
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") || name.toLowerCase(java.util.Locale.ROOT).endsWith(".tab")) {
      return '\t';
    }
    String text = new String(head, StandardCharsets.UTF_8);
    // old Mac exports end lines with CR alone; a header-only file may have no line end at all
    String[] lines = text.split("\r\n|\r|\n", 12);
    int complete = lines.length > 1 ? lines.length - 1 : lines.length;
    char best = ',';
    int bestScore = -1;
    for (char d : new char[] {',', '\t', ';', '|'}) {
      int first = -1;
      int consistent = 0;
      for (int i = 0; i < Math.min(complete, 10); i++) {
        int n = count(lines[i], d);
        if (i == 0) {
          first = n;
        }
        if (n > 0 && n == first) {
          consistent++;
        }
      }
      int score = first <= 0 ? 0 : consistent * 100 + first;
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
    return best;
  }

  private static int count(String s, char d) {
    int n = 0;
    boolean q = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        q = !q;
      } else if (c == d && !q) {
        n++;
      }
    }
    return n;
  }
}
