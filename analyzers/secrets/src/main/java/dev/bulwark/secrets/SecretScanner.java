package dev.bulwark.secrets;

import dev.bulwark.secrets.catalog.DetectorCatalog;
import dev.bulwark.secrets.detect.AhoCorasick;
import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.Placeholders;
import dev.bulwark.secrets.detect.TextFormat;
import dev.bulwark.secrets.detect.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds secrets in text: one Aho–Corasick pass over every detector's keywords picks, for each detector,
 * the windows around its keyword hits; only there does the detector's (linear-time) matcher run. Candidates
 * that fail their validator or look like placeholders are dropped, and of overlapping candidates the
 * higher-priority (more exact) detector wins. Immutable and thread-safe.
 */
public final class SecretScanner {

  /** Detectors at or above this priority are exact (checksums, decoded headers): their rejections are vetoes. */
  static final int VETO_PRIORITY = 20;

  private static final SecretScanner DEFAULT = new SecretScanner(DetectorCatalog.all());

  private final List<Detector> detectors;
  private final AhoCorasick automaton;
  private final int[][] detectorsOfKeyword;

  /** One secret found: the detector and the value's [start, end) in the scanned text. */
  public record Hit(Detector detector, int start, int end, String value) {}

  public SecretScanner(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
    Map<String, Integer> index = new HashMap<>();
    List<String> words = new ArrayList<>();
    Map<Integer, Set<Integer>> owners = new HashMap<>();
    for (int d = 0; d < this.detectors.size(); d++) {
      for (String k : this.detectors.get(d).keywords()) {
        String key = k.toLowerCase(java.util.Locale.ROOT);
        Integer id = index.get(key);
        if (id == null) {
          id = words.size();
          index.put(key, id);
          words.add(key);
        }
        owners.computeIfAbsent(id, x -> new HashSet<>()).add(d);
      }
    }
    this.automaton = AhoCorasick.build(words);
    this.detectorsOfKeyword = new int[words.size()][];
    for (int k = 0; k < words.size(); k++) {
      detectorsOfKeyword[k] = owners.get(k).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
  }

  public static SecretScanner standard() {
    return DEFAULT;
  }

  public List<Detector> detectors() {
    return detectors;
  }

  /** The prefilter on raw bytes (ASCII-compatible encodings): false means no detector can match. */
  public boolean mayContainSecrets(byte[] bytes, int from, int to) {
    return automaton.containsAny(bytes, from, to);
  }

  /**
   * Scans UTF-8 bytes: the keyword pass runs on the raw bytes, so a file without any keyword is never decoded;
   * pure-ASCII files are then decoded for free (byte offsets are character offsets). Returns the decoded text's
   * hits together with the text, or falls back to decoding and scanning characters when non-ASCII bytes occur.
   */
  public BytesResult scanUtf8(byte[] bytes, int from, int to, TextFormat format) {
    int[] buf = new int[384];
    int[] size = {0};
    int[][] hits = {buf};
    boolean ascii = automaton.scanAscii(bytes, from, to, (k, s, e) -> {
      int[] b = hits[0];
      if (size[0] + 3 > b.length) {
        b = Arrays.copyOf(b, b.length * 2);
        hits[0] = b;
      }
      b[size[0]] = k;
      b[size[0] + 1] = s - from;
      b[size[0] + 2] = e - from;
      size[0] += 3;
    });
    if (size[0] == 0) {
      return new BytesResult(null, List.of());
    }
    if (!ascii) {
      String text = new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
      return new BytesResult(text, scan(text, format));
    }
    String text = new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    int[] h = hits[0];
    int n = size[0];
    return new BytesResult(text, scan(text, format, sink -> {
      for (int i = 0; i < n; i += 3) {
        sink.hit(h[i], h[i + 1], h[i + 2]);
      }
    }));
  }

  /** The decoded text (null when no keyword occurred, so nothing was decoded) and its hits. */
  public record BytesResult(String text, List<Hit> hits) {}

  public List<Hit> scan(String text, TextFormat format) {
    return scan(text, format, sink -> automaton.scan(text, 0, text.length(), sink));
  }

  private List<Hit> scan(String text, TextFormat format, java.util.function.Consumer<AhoCorasick.HitSink> keywordPass) {
    int n = text.length();
    int count = detectors.size();
    int[][] windows = new int[count][];
    int[] sizes = new int[count];
    LineCursor lines = new LineCursor(text);
    keywordPass.accept((k, s, e) -> {
      for (int d : detectorsOfKeyword[k]) {
        Detector det = detectors.get(d);
        int[] w = windows[d];
        int size = sizes[d];
        if (size > 0 && s < w[size - 1] && e <= w[size - 1]) {
          continue; // already inside the previous window
        }
        int from;
        int to;
        if (det.multiline()) {
          from = Math.max(0, s - det.reach());
          to = Math.min(n, e + det.reach());
        } else {
          from = det.before() == 0 ? s : Math.max(lines.start(s), s - det.before());
          to = Math.min(lines.end(e), e + det.reach());
        }
        if (w == null) {
          w = new int[8];
          windows[d] = w;
        }
        if (size > 0 && from <= w[size - 1]) {
          w[size - 1] = Math.max(w[size - 1], to); // merge with the previous window
          continue;
        }
        if (size + 2 > w.length) {
          w = Arrays.copyOf(w, w.length * 2);
          windows[d] = w;
        }
        w[size] = from;
        w[size + 1] = to;
        sizes[d] = size + 2;
      }
    });
    List<Hit> candidates = new ArrayList<>();
    List<Hit> vetoes = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (int d = 0; d < count; d++) {
      if (sizes[d] == 0) {
        continue;
      }
      Detector det = detectors.get(d);
      int[] w = windows[d];
      seen.clear();
      for (int i = 0; i < sizes[d]; i += 2) {
        det.matcher().find(new Window(text, w[i], w[i + 1], format), (s, e) -> {
          if (e <= s || !seen.add((long) s << 32 | e)) {
            return;
          }
          String value = text.substring(s, e);
          if (det.placeholderCheck() && Placeholders.isPlaceholder(value)) {
            return;
          }
          if (!det.validator().test(value)) {
            if (det.priority() >= VETO_PRIORITY) {
              vetoes.add(new Hit(det, s, e, ""));
            }
            return;
          }
          candidates.add(new Hit(det, s, e, value));
        });
      }
    }
    if (!vetoes.isEmpty()) {
      // a value in an exact, checksummed format whose checksum fails is a fake: no weaker rule may report it
      candidates.removeIf(c -> vetoes.stream().anyMatch(v -> c.start() < v.end() && v.start() < c.end()
          && c.detector().priority() < v.detector().priority()));
    }
    return resolveOverlaps(candidates);
  }

  /** Keeps, of candidates whose spans overlap, the one with the highest priority (then the longest). */
  static List<Hit> resolveOverlaps(List<Hit> candidates) {
    if (candidates.size() <= 1) {
      return candidates;
    }
    List<Hit> byRank = new ArrayList<>(candidates);
    byRank.sort(Comparator.comparingInt((Hit h) -> -h.detector().priority())
        .thenComparingInt(h -> -(h.end() - h.start()))
        .thenComparingInt(Hit::start)
        .thenComparing(h -> h.detector().id()));
    java.util.TreeMap<Integer, Hit> kept = new java.util.TreeMap<>();
    for (Hit h : byRank) {
      Map.Entry<Integer, Hit> before = kept.floorEntry(h.end() - 1);
      if (before == null || before.getValue().end() <= h.start()) {
        kept.put(h.start(), h);
      }
    }
    List<Hit> result = new ArrayList<>(kept.values());
    return result;
  }

  /**
   * Line boundaries for increasing positions in amortised linear time: keyword hits arrive in order, so each
   * character is walked over a bounded number of times however many hits share a line.
   */
  private static final class LineCursor {
    private final String text;
    private int startQueried = 0;   // last position whose line start is known
    private int startOfLine = 0;
    private int endQueried = -1;    // last position whose line end is known
    private int endOfLine = -1;

    LineCursor(String text) {
      this.text = text;
    }

    int start(int pos) {
      if (pos < startQueried) {
        return slowStart(pos);
      }
      int i = pos;
      while (i > startQueried && text.charAt(i - 1) != '\n') {
        i--;
      }
      if (i > startQueried || i == 0 || text.charAt(i - 1) == '\n') {
        startOfLine = i;
      }
      startQueried = pos;
      return startOfLine;
    }

    int end(int pos) {
      if (pos <= endOfLine && pos >= endQueried && endQueried >= 0) {
        endQueried = pos;
        return endOfLine;
      }
      int i = pos;
      int n = text.length();
      while (i < n && text.charAt(i) != '\n') {
        i++;
      }
      endQueried = pos;
      endOfLine = i;
      return i;
    }

    private int slowStart(int pos) {
      int i = pos;
      while (i > 0 && text.charAt(i - 1) != '\n') {
        i--;
      }
      return i;
    }
  }
}
