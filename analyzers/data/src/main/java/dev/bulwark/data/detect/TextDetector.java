package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.validate.Phones;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds PII in free text with hand-written linear scanners (no backtracking regex): e-mail addresses around
 * each {@code @}, runs of digits and separators (cards, SSNs, phones, IPv4, dates), alphanumeric tokens
 * (IBANs, wallets, licence and passport numbers), hex-and-colon runs (IPv6, MAC) and cue-led names and
 * street addresses. Overlapping candidates are resolved in favour of the most confident. Thread-safe.
 */
public final class TextDetector {

  /** Detections below this confidence are dropped. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private final Phones phones;
  private final ThreadLocal<NumericScanner> numeric;
  private final double threshold;

  public TextDetector(String phoneRegion, double threshold) {
    this.phones = new Phones(phoneRegion);
    this.numeric = ThreadLocal.withInitial(() -> new NumericScanner(phones));
    this.threshold = threshold;
  }

  public TextDetector() {
    this(null, DEFAULT_THRESHOLD);
  }

  /** All detections at or above the threshold, non-overlapping, in text order. */
  public List<Detection> detect(CharSequence text) {
    return resolve(candidates(text, threshold), threshold);
  }

  /** Like {@link #detect(CharSequence)} with another threshold. */
  public List<Detection> detect(CharSequence text, double minConfidence) {
    return resolve(candidates(text, minConfidence), minConfidence);
  }

  public double threshold() {
    return threshold;
  }

  /** Every candidate, overlapping; candidates that cannot reach {@code minUseful} may be skipped early. */
  public List<Detection> candidates(CharSequence text, double minUseful) {
    List<Detection> all = new ArrayList<>();
    // one cheap pass decides which scanners can match at all: most column values need one or two
    boolean at = false;
    boolean digit = false;
    boolean upper = false;
    boolean hexSeparator = false;
    boolean cue = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '@') {
        at = true;
      } else if (c == ':' || c == '-' || c == '.') {
        hexSeparator = true;
        cue |= c == ':';
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (c == ' ' || c == ',') {
        cue = true;
      }
    }
    if (at) {
      EmailScanner.scan(text, all);
    }
    if (digit) {
      numeric.get().scan(text, all, minUseful);
      TokenScanner.scan(text, all);
      AddressScanner.scan(text, all);
      if (hexSeparator) {
        HexColonScanner.scan(text, all);
      }
    } else if (hexSeparator) {
      HexColonScanner.scan(text, all);
    }
    if (cue) {
      NameScanner.scan(text, all, upper);
    }
    return all;
  }

  /** Keeps the most confident of overlapping detections (longer wins ties), then sorts by position. */
  public static List<Detection> resolve(List<Detection> candidates, double threshold) {
    List<Detection> sorted = new ArrayList<>();
    for (Detection d : candidates) {
      if (d.confidence() >= threshold) {
        sorted.add(d);
      }
    }
    sorted.sort(Comparator.comparingDouble(Detection::confidence).reversed()
        .thenComparing(Comparator.comparingInt((Detection d) -> d.end() - d.start()).reversed())
        .thenComparingInt(Detection::start));
    List<Detection> kept = new ArrayList<>();
    for (Detection d : sorted) {
      boolean clash = false;
      for (Detection k : kept) {
        if (k.overlaps(d)) {
          clash = true;
          break;
        }
      }
      if (!clash) {
        kept.add(d);
      }
    }
    kept.sort(Comparator.comparingInt(Detection::start));
    return kept;
  }

  /** Base confidence plus the context boost when a context word of the entity is near. */
  static double withContext(PiiEntity e, double base, CharSequence text, int start, int end) {
    return ContextWords.near(e, text, start, end) ? Math.min(1.0, base + ContextWords.BOOST) : base;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  static boolean boundaryBefore(CharSequence t, int i) {
    return i == 0 || !isWordChar(t.charAt(i - 1));
  }

  static boolean boundaryAfter(CharSequence t, int i) {
    return i >= t.length() || !isWordChar(t.charAt(i));
  }
}
