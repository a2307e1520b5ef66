package dev.bulwark.secrets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text a Jupyter notebook carries: each cell's source and each output's text, rich data (all but images),
 * error values and tracebacks, with the notebook line each piece starts on. Read with a streaming parser:
 * nothing is evaluated and memory stays proportional to the text itself. Handles nbformat 4 ({@code cells})
 * and 3 ({@code worksheets[].cells[].input}).
 */
final class NotebookText {

  /**
   * One piece of text from cell {@code cell} (0-based); {@code part} is {@code source} or {@code output[j]}.
   * {@code offsets[i]} is where the i-th JSON string starts in {@code text} and {@code lines[i]} its notebook line.
   */
  record Segment(int cell, String part, String text, int[] offsets, int[] lines) {
    int fileLine(int offset) {
      int i = Arrays.binarySearch(offsets, offset);
      int element = i >= 0 ? i : -i - 2;
      return lines[Math.max(0, element)];
    }

    /** 1-based line inside the cell's text. */
    int cellLine(int offset) {
      int line = 1;
      for (int i = 0; i < offset && i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  private NotebookText() {}

  static List<Segment> read(String json) throws IOException {
    List<Segment> out = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a notebook is a JSON object");
      }
      int[] cellIndex = {0};
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("cells") && t == JsonToken.START_ARRAY) {
          readCells(p, cellIndex, out);
        } else if (name.equals("worksheets") && t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String f = p.currentName();
              if (p.nextToken() == JsonToken.START_ARRAY && f.equals("cells")) {
                readCells(p, cellIndex, out);
              } else {
                p.skipChildren();
              }
            }
          }
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new IOException("content after the notebook's JSON object");
      }
    }
    return out;
  }

  private static void readCells(JsonParser p, int[] cellIndex, List<Segment> out) throws IOException {
    while (p.nextToken() == JsonToken.START_OBJECT) {
      int cell = cellIndex[0]++;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        if (f.equals("source") || f.equals("input")) {
          add(out, readText(p, cell, "source"));
        } else if (f.equals("outputs") && t == JsonToken.START_ARRAY) {
          int j = 0;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            readOutput(p, cell, "output[" + j++ + "]", out);
          }
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static void readOutput(JsonParser p, int cell, String part, List<Segment> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "text", "traceback", "evalue", "ename" -> add(out, readText(p, cell, part));
        case "data" -> {
          if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            continue;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String mime = p.currentName();
            JsonToken v = p.nextToken();
            if (mime.startsWith("image/") || v == JsonToken.START_OBJECT) {
              p.skipChildren();
            } else {
              add(out, readText(p, cell, part));
            }
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  /** A JSON string or an array of strings (the notebook's multi-line form), concatenated. */
  private static Segment readText(JsonParser p, int cell, String part) throws IOException {
    StringBuilder text = new StringBuilder();
    List<int[]> marks = new ArrayList<>();
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      marks.add(new int[] {0, p.currentTokenLocation().getLineNr()});
      text.append(p.getText());
    } else if (p.currentToken() == JsonToken.START_ARRAY) {
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
        if (t == JsonToken.VALUE_STRING) {
          marks.add(new int[] {text.length(), p.currentTokenLocation().getLineNr()});
          String s = p.getText();
          text.append(s);
          if (!s.endsWith("\n") && part.startsWith("output")) {
            text.append('\n'); // traceback frames are separate lines
          }
        } else {
          p.skipChildren();
        }
      }
    } else {
      p.skipChildren();
      return null;
    }
    if (marks.isEmpty()) {
      return null;
    }
    int[] offsets = marks.stream().mapToInt(m -> m[0]).toArray();
    int[] lines = marks.stream().mapToInt(m -> m[1]).toArray();
    return new Segment(cell, part, text.toString(), offsets, lines);
  }

  private static void add(List<Segment> out, Segment s) {
    if (s != null && !s.text().isEmpty()) {
      out.add(s);
    }
  }
}
