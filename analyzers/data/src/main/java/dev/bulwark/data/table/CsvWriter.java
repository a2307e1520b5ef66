package dev.bulwark.data.table;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 writer: quotes a field when it holds the delimiter, a quote, CR or LF; nulls are empty. */
public final class CsvWriter implements AutoCloseable {

  private final Writer out;
  private final char delimiter;

  public CsvWriter(Writer out, char delimiter) {
    this.out = out;
    this.delimiter = delimiter;
  }

  public void write(List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(delimiter);
      }
      field(values.get(i));
    }
    out.write('\n');
  }

  public void write(String[] values) throws IOException {
    write(java.util.Arrays.asList(values));
  }

  private void field(String v) throws IOException {
    if (v == null) {
      return;
    }
    boolean quote = v.isEmpty();
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.write(v);
      return;
    }
    out.write('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"') {
        out.write('"');
      }
      out.write(c);
    }
    out.write('"');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
