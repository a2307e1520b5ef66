package dev.bulwark.vuln.cvss;

import dev.bulwark.model.Severity;
import java.util.Locale;
import java.util.Optional;
import us.springett.cvss.Cvss;

/**
 * A scored CVSS vector: version ({@code 2.0}, {@code 3.0}, {@code 3.1}, {@code 4.0}), base score and the
 * rating of that version's qualitative scale. v2 and v3 are computed by cvss-calculator, v4 by
 * {@link CvssV4}.
 */
public record CvssScore(String version, String vector, double score, Severity severity) {

  /** Scores a vector of any supported version; empty when it is malformed or of an unknown version. */
  public static Optional<CvssScore> of(String vector) {
    if (vector == null || vector.isBlank() || vector.length() > 512) {
      return Optional.empty();
    }
    Optional<CvssScore> cached = CACHE.get(vector);
    if (cached != null) {
      return cached;
    }
    Optional<CvssScore> s = compute(vector);
    if (CACHE.size() < 50_000) {
      CACHE.put(vector, s);
    }
    return s;
  }

  // Vectors repeat across advisories (a few thousand distinct ones in all of OSV); scoring is pure.
  private static final java.util.concurrent.ConcurrentHashMap<String, Optional<CvssScore>> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Optional<CvssScore> compute(String vector) {
    String v = vector.trim();
    try {
      if (v.startsWith("CVSS:4.0/")) {
        double s = CvssV4.score(v);
        return Optional.of(new CvssScore("4.0", v, s, rating(s)));
      }
      String version = v.startsWith("CVSS:3.1/") ? "3.1" : v.startsWith("CVSS:3.0/") ? "3.0" : "2.0";
      String input = v.startsWith("(") && v.endsWith(")") ? v.substring(1, v.length() - 1) : v;
      Cvss cvss = Cvss.fromVector(input);
      if (cvss == null) {
        return Optional.empty();
      }
      double s = cvss.calculateScore().getBaseScore();
      return Optional.of(new CvssScore(version, v, s, version.equals("2.0") ? ratingV2(s) : rating(s)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** v3 and v4 qualitative scale; a score of 0.0 ("None") is reported as info. */
  public static Severity rating(double score) {
    if (score >= 9.0) return Severity.CRITICAL;
    if (score >= 7.0) return Severity.HIGH;
    if (score >= 4.0) return Severity.MEDIUM;
    if (score > 0.0) return Severity.LOW;
    return Severity.INFO;
  }

  /** v2 has no critical: 7.0-10.0 is high. */
  public static Severity ratingV2(double score) {
    if (score >= 7.0) return Severity.HIGH;
    if (score >= 4.0) return Severity.MEDIUM;
    return Severity.LOW;
  }

  /** The CycloneDX rating method for this version. */
  public String cycloneDxMethod() {
    return switch (version) {
      case "4.0" -> "CVSSv4";
      case "3.1" -> "CVSSv31";
      case "3.0" -> "CVSSv3";
      default -> "CVSSv2";
    };
  }

  public String scoreText() {
    return String.format(Locale.ROOT, "%.1f", score);
  }
}
