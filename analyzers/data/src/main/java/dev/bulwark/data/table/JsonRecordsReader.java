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
 */
public final class JsonRecordsReader implements TableReader {

  private static final int MAX_DEPTH = 16;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build())
      .build();

  private final String path;
  private final CountingInputStream counted;
  private final JsonParser parser;
  private final List<String> columns = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private boolean array;
  private boolean started;

  public JsonRecordsReader(String path, InputStream in) throws IOException {
    this.path = path;
    this.counted = new CountingInputStream(in);
    this.parser = FACTORY.createParser(counted);
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
      throw new UnreadableInputException(path, "malformed JSON at line " + parser.currentLocation().getLineNr()
          + ": " + e.getOriginalMessage(), e);
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
    parser.close();
  }
}
