package dev.bulwark.secrets;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Suppression;
import dev.bulwark.secrets.detect.TextFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans the bytes of one file (from the working tree or a git blob): encoding, binary check, the byte-level
 * prefilter, per-format handling (notebooks cell by cell), inline allow comments, one finding per distinct
 * secret and a cap on findings per file.
 */
public final class TextSecretScan {

  public static final String TRUNCATED_RULE = "secret/scan-truncated";
  public static final String SKIPPED_RULE = "secret/scan-skipped";

  private final SecretScanner scanner;
  private final int maxFindings;

  public TextSecretScan(SecretScanner scanner, int maxFindings) {
    if (maxFindings < 1) {
      throw new IllegalArgumentException("maxFindings must be positive: " + maxFindings);
    }
    this.scanner = scanner;
    this.maxFindings = maxFindings;
  }

  /**
   * @param context evidence added to every finding (e.g. git commit); never a value
   * @param salt fingerprint salt, see {@link SecretFindings#finding}
   */
  public List<Finding> scan(String path, byte[] bytes, Map<String, String> context, String salt) {
    TextDecoding.Encoding enc = TextDecoding.sniff(bytes, Math.min(bytes.length, 8192));
    if (enc.isBinary()) {
      return List.of();
    }
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('!')) + 1);
    TextFormat format = TextFormat.of(name);
    String text;
    List<SecretScanner.Hit> hits = null;
    if (enc.asciiCompatible() && format != TextFormat.NOTEBOOK) {
      SecretScanner.BytesResult r = scanner.scanUtf8(bytes, enc.bomLength(), bytes.length, format);
      if (r.text() == null) {
        return List.of(); // not one keyword: the file is never decoded
      }
      text = r.text();
      hits = r.hits();
    } else {
      if (enc.asciiCompatible() && !scanner.mayContainSecrets(bytes, 0, bytes.length)) {
        return List.of();
      }
      text = TextDecoding.decode(bytes, enc);
    }
    Map<String, Finding> byId = new LinkedHashMap<>();
    Map<String, Integer> occurrences = new LinkedHashMap<>();
    boolean truncated = false;
    if (format == TextFormat.NOTEBOOK) {
      List<NotebookText.Segment> segments;
      try {
        segments = NotebookText.read(text);
      } catch (IOException | RuntimeException e) {
        segments = null; // not valid JSON (merge conflict, truncated): scan it as plain text
      }
      if (segments != null) {
        for (NotebookText.Segment seg : segments) {
          TextFormat f = seg.part().equals("source") ? TextFormat.CODE : TextFormat.TEXT;
          LineIndex cellLines = new LineIndex(seg.text());
          for (SecretScanner.Hit h : scanner.scan(seg.text(), f)) {
            int cellLine = cellLines.line(h.start());
            Map<String, String> ev = new LinkedHashMap<>(context);
            ev.put("notebook.cell", String.valueOf(seg.cell()));
            ev.put("notebook.part", seg.part());
            ev.put("notebook.cellLine", String.valueOf(cellLine));
            Suppression s = allowed(cellLines, cellLine, h) ? inline(path) : null;
            truncated |= add(byId, occurrences,
                SecretFindings.finding(h.detector(), h.value(), Location.atLine(path, seg.fileLine(h.start())), ev, salt, s));
          }
        }
        return finish(path, byId, occurrences, truncated);
      }
      format = TextFormat.JSON;
    }
    if (hits == null) {
      hits = scanner.scan(text, format);
    }
    LineIndex lines = new LineIndex(text);
    for (SecretScanner.Hit h : hits) {
      int line = lines.line(h.start());
      Suppression s = allowed(lines, line, h) ? inline(path) : null;
      truncated |= add(byId, occurrences, SecretFindings.finding(h.detector(), h.value(),
          Location.atLine(path, line, lines.column(h.start())), context, salt, s));
    }
    return finish(path, byId, occurrences, truncated);
  }

  /** The INFO finding for a file too large to scan. */
  public static Finding skipped(String path, long size, long limit) {
    return Finding.builder(Scanner.SECRET, SKIPPED_RULE, Severity.INFO, "File not scanned for secrets: too large")
        .description(path + " is " + size + " bytes, above the secret scanner's limit of " + limit
            + " bytes (setting secrets.maxFileBytes); it was not scanned.")
        .location(Location.of(path))
        .evidence("file.size", size)
        .evidence("limit", limit)
        .reference(SecretFindings.DOCS + "scan-skipped.md")
        .fingerprint("size")
        .build();
  }

  private boolean add(Map<String, Finding> byId, Map<String, Integer> occurrences, Finding f) {
    if (byId.containsKey(f.id())) {
      occurrences.merge(f.id(), 1, Integer::sum);
      return false;
    }
    if (byId.size() >= maxFindings) {
      return true;
    }
    byId.put(f.id(), f);
    occurrences.put(f.id(), 1);
    return false;
  }

  private List<Finding> finish(String path, Map<String, Finding> byId, Map<String, Integer> occurrences,
      boolean truncated) {
    List<Finding> out = new ArrayList<>(byId.size() + 1);
    for (Finding f : byId.values()) {
      int n = occurrences.get(f.id());
      out.add(n > 1 ? f.toBuilder().evidence("occurrences", n).build() : f);
    }
    if (truncated) {
      out.add(Finding.builder(Scanner.SECRET, TRUNCATED_RULE, Severity.INFO, "Secret findings capped for this file")
          .description(path + " holds more than " + maxFindings + " distinct secrets; only the first " + maxFindings
              + " are reported (setting secrets.maxFindingsPerFile).")
          .location(Location.of(path))
          .evidence("limit", maxFindings)
          .reference(SecretFindings.DOCS + "scan-truncated.md")
          .fingerprint("cap")
          .build());
    }
    return out;
  }

  private static boolean allowed(LineIndex lines, int line, SecretScanner.Hit h) {
    String rule = h.detector().id();
    return InlineAllow.allows(lines.lineText(line), rule) || InlineAllow.allows(lines.lineText(line - 1), rule);
  }

  private static Suppression inline(String path) {
    return new Suppression("inline", "accepted", "bulwark:allow comment", path);
  }
}
