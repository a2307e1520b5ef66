package dev.bulwark.iac;

import java.util.Set;
import java.util.TreeSet;

/**
 * Reads inline expectations from a fixture: {@code # EXPECT: rule[, rule]} at the end of a line expects
 * those findings on that line; on a line of its own it expects them on the next line that is not blank
 * or a comment. {@code # IGNORE: rule[, rule]} leaves rules out of the comparison for that file.
 */
final class Expectations {
  final Set<String> expected = new TreeSet<>();
  final Set<String> ignored = new TreeSet<>();

  static Expectations of(String text) {
    Expectations e = new Expectations();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int ig = line.indexOf("# IGNORE:");
      if (ig >= 0) {
        for (String r : line.substring(ig + 9).split(",")) {
          e.ignored.add(r.strip());
        }
        continue;
      }
      int at = line.indexOf("# EXPECT:");
      if (at < 0) {
        continue;
      }
      int target = i + 1;
      if (line.substring(0, at).isBlank()) {
        int j = i + 1;
        while (j < lines.length && (lines[j].isBlank() || lines[j].strip().startsWith("#"))) {
          j++;
        }
        target = j + 1;
      }
      for (String r : line.substring(at + 9).split(",")) {
        e.expected.add(r.strip() + "@" + target);
      }
    }
    return e;
  }
}
