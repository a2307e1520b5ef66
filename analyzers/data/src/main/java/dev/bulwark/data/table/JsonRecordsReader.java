package dev.bulwark.data.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines (one object per line) or a JSON array of objects, streamed with Jackson's token parser. Nested
 * objects become dotted columns ({@code address.city}); arrays of scalars are joined with {@code "; "};
 * deeper structures are bounded by depth. Nothing is bound to classes: the content is only tokenised.
 *
 * <p>JSON Lines are read record by record ({@link JsonLinesSplitter}); a tolerant reader
 * ({@link #passingOverBadRecords()}) passes over a record Jackson refuses (a string over 1 MiB, nesting over
 * 64, malformed) and names its line in {@link #passedOver()}; a JSON array is one value and stays all or nothing.
 */
public final class JsonRecordsReader implements TableReader {

  private static final int MAX_DEPTH = 16;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build())
      .build();

  private final String path;
  private final CountingInputStream counted;
  private final JsonLinesSplitter lines;
  private JsonParser parser;
  private boolean passOverBadRecords;
  private final PassedOver passedOver = new PassedOver();
  private final List<String> columns = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private boolean array;
  private boolean started;

  /** A JSON array of records (or a single stream of JSON values). */
  public JsonRecordsReader(String path, InputStream in) throws IOException {
    this.path = path;
    this.counted = new CountingInputStream(in);
    this.parser = FACTORY.createParser(counted);
    this.lines = null;
  }

  private JsonRecordsReader(String path, InputStream in, boolean jsonLines) {
    this.path = path;
    this.counted = new CountingInputStream(in);
    this.lines = new JsonLinesSplitter(counted);
    this.started = true;
  }

  /** JSON Lines: one value per record, records split at line breaks outside strings and brackets. */
  public static JsonRecordsReader jsonLines(String path, InputStream in) {
    return new JsonRecordsReader(path, in, true);
  }

  /**
   * From the next record on, passes over a JSON Lines record that cannot be read instead of failing, and lists it
   * in {@link #passedOver()}. Memory stays bounded by the parser's limits either way.
   */
  public JsonRecordsReader passingOverBadRecords() {
    this.passOverBadRecords = true;
    return this;
  }

  @Override
  public List<String> passedOver() {
    return passedOver.list();
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  @Override
  public String[] next() throws IOException {
    if (lines == null) {
      return nextValue();
    }
    while (true) {
      if (parser == null) {
        InputStream record = lines.next();
        if (record == null) {
          return null;
        }
        parser = FACTORY.createParser(record);
      }
      try {
        String[] row = nextValue();
        if (row != null) {
          return row;
        }
        parser.close();
        parser = null;
      } catch (UnreadableInputException e) {
        parser.close();
        parser = null;
        if (!passOverBadRecords) {
          throw new UnreadableInputException(path, "record at line " + lines.recordLine() + ": " + e.problem(), e);
        }
        passedOver.add("line " + lines.recordLine() + ": record not read: " + e.problem());
      }
    }
  }

  private String[] nextValue() throws IOException {
    try {
      JsonToken t = parser.nextToken();
      if (!started) {
        started = true;
        if (t == JsonToken.START_ARRAY) {
          array = true;
          t = parser.nextToken();
        }
      }
      if (t == null || (array && t == JsonToken.END_ARRAY)) {
        return null;
      }
      Map<Integer, String> values = new HashMap<>();
      if (t == JsonToken.START_OBJECT) {
        readObject("", values, 0);
      } else if (t == JsonToken.START_ARRAY) {
        values.put(col("value"), readArray(0));
      } else {
        values.put(col("value"), scalar(t));
      }
      String[] row = new String[columns.size()];
      values.forEach((k, v) -> row[k] = v);
      return row;
    } catch (JsonProcessingException e) {
      String where = lines == null ? " at line " + parser.currentLocation().getLineNr() : "";
      throw new UnreadableInputException(path, "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    }
  }

  private void readObject(String prefix, Map<Integer, String> values, int depth) throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
      if (t == null) {
        throw new UnreadableInputException(path, "truncated JSON object");
      }
      String name = prefix + parser.currentName();
      JsonToken v = parser.nextToken();
      if (v == JsonToken.START_OBJECT) {
        if (depth + 1 >= MAX_DEPTH) {
          parser.skipChildren();
        } else {
          readObject(name + ".", values, depth + 1);
        }
      } else if (v == JsonToken.START_ARRAY) {
        values.put(col(name), readArray(depth + 1));
      } else {
        values.put(col(name), scalar(v));
      }
    }
  }

  /** Scalars of an array joined with "; "; nested containers inside are skipped. */
  private String readArray(int depth) throws IOException {
    StringBuilder b = new StringBuilder();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new UnreadableInputException(path, "truncated JSON array");
      }
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        parser.skipChildren();
        continue;
      }
      String s = scalar(t);
      if (s != null && b.length() < (1 << 16)) {
        if (!b.isEmpty()) {
          b.append("; ");
        }
        b.append(s);
      }
    }
    return b.isEmpty() ? null : b.toString();
  }

  private String scalar(JsonToken t) throws IOException {
    return t == JsonToken.VALUE_NULL ? null : parser.getText();
  }

  private int col(String name) {
    Integer i = index.get(name);
    if (i == null) {
      if (columns.size() >= CsvReader.MAX_COLUMNS) {
        throw new IllegalStateException("more than " + CsvReader.MAX_COLUMNS + " distinct keys");
      }
      i = columns.size();
      columns.add(name);
      index.put(name, i);
    }
    return i;
  }

  @Override
  public void close() throws IOException {
    try {
      if (parser != null) {
        parser.close();
      }
    } finally {
      counted.close();
    }
  }
}
