package dev.bulwark.sbom.os;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Debian control-file paragraphs ({@code Key: value}, continuation lines indented), with their first line. */
final class ControlParagraphs {

  record Paragraph(Map<String, String> fields, int line) {
    String get(String key) {
      return fields.get(key);
    }
  }

  private ControlParagraphs() {}

  static List<Paragraph> parse(String text) {
    List<Paragraph> out = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    String lastKey = null;
    int start = 1;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          out.add(new Paragraph(current, start));
          current = new LinkedHashMap<>();
        }
        lastKey = null;
        start = i + 2;
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (lastKey != null && !lastKey.equals("Description") && !lastKey.equals("Conffiles")) {
          current.merge(lastKey, "\n" + line.strip(), String::concat);
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        lastKey = line.substring(0, colon).strip();
        current.put(lastKey, line.substring(colon + 1).strip());
      }
    }
    if (!current.isEmpty()) {
      out.add(new Paragraph(current, start));
    }
    return out;
  }
}
