package dev.bulwark.vuln.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.testkit.Fixtures;
import dev.bulwark.vuln.version.Ecosystems;
import dev.bulwark.vuln.version.Version;
import dev.bulwark.vuln.version.VersionScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue item 7: in every real advisory that has both ECOSYSTEM/SEMVER ranges and an explicit versions
 * list, every listed version must fall inside the ranges. Known inconsistencies of the data itself are
 * listed in {@link #KNOWN_INCONSISTENT} (each investigated in docs/vulnerability-matching.md); anything
 * else fails the test.
 */
class VersionsListAgreementTest {

  /** advisory id → why its versions list and ranges disagree (see docs/vulnerability-matching.md). */
  static final Map<String, String> KNOWN_INCONSISTENT = Map.of(
      "PYSEC-2021-114", "one range holds two overlapping intervals (0..2.11.6 and 2.11..2.11.7); sorted, 2.11.6 closes both",
      "PYSEC-2023-61", "range starts at the final 3.2 / 4.2 but the list names their alphas, betas and rcs, which PEP 440 puts before it",
      "GHSA-f4qf-m5gf-8jm8", "range starts at 9.0.0-M11 but the list names 9.0.0.M1 to M10, which Maven orders before it",
      "MAL-2025-3661", "range starts at 99.9.1 but the list names 99.9.0",
      "MAL-2025-3663", "range starts at 99.9.1 but the list names 99.9.0",
      "MAL-2025-3959", "range starts at 99.9.1 but the list names 99.9.0",
      "MAL-2025-3960", "range starts at 99.9.1 but the list names 99.9.0",
      "MAL-2025-3961", "range starts at 1.0.1 but the list names 1.0.0");

  record Stats(int[] counts) {}

  @Test
  void everyListedVersionIsInsideTheRanges() throws IOException {
    Optional<Path> shared = Fixtures.shared();
    Assumptions.assumeTrue(shared.isPresent() && Files.isDirectory(shared.get().resolve("data/osv")),
        "shared OSV data not present");
    List<Path> zips;
    try (Stream<Path> s = Files.list(shared.get().resolve("data/osv"))) {
      zips = s.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
    }
    Map<String, long[]> perEcosystem = new TreeMap<>(); // advisories, versions, agreeing versions
    List<String> disagreements = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    VersionCache cache = new VersionCache();
    for (Path zip : zips) {
      try (ZipFile z = new ZipFile(zip.toFile())) {
        Enumeration<? extends ZipEntry> en = z.entries();
        while (en.hasMoreElements()) {
          ZipEntry e = en.nextElement();
          byte[] bytes = z.getInputStream(e).readAllBytes();
          if (!contains(bytes, VERSIONS) || !(contains(bytes, ECOSYSTEM) || contains(bytes, SEMVER))) continue;
          OsvEntry entry = OsvParser.parse(bytes);
          if (!seen.add(entry.id())) continue;
          for (OsvEntry.Affected a : entry.affected()) {
            List<OsvEntry.Range> ranges = a.ranges().stream()
                .filter(r -> "ECOSYSTEM".equals(r.type()) || "SEMVER".equals(r.type())).toList();
            if (ranges.isEmpty() || a.versions().isEmpty() || a.ecosystem() == null) continue;
            long[] st = perEcosystem.computeIfAbsent(Ecosystems.base(a.ecosystem()), k -> new long[3]);
            st[0]++;
            for (String v : a.versions()) {
              st[1]++;
              String why = check(a, ranges, v, cache);
              if (why == null) {
                st[2]++;
              } else if (!KNOWN_INCONSISTENT.containsKey(entry.id())) {
                disagreements.add(entry.id() + " " + a.ecosystem() + "/" + a.name() + " " + v + ": " + why);
              }
            }
          }
        }
      }
    }
    StringBuilder report = new StringBuilder("| ecosystem | affected entries | listed versions | inside ranges |\n|---|---|---|---|\n");
    perEcosystem.forEach((k, v) -> report.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1])
        .append(" | ").append(v[2]).append(" |\n"));
    System.out.println(report);
    disagreements.stream().limit(300).forEach(System.out::println);
    System.out.println(disagreements.size() + " unexplained disagreements");
    assertThat(disagreements).isEmpty();
  }

  private static final byte[] VERSIONS = "\"versions\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] ECOSYSTEM = "\"ECOSYSTEM\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] SEMVER = "\"SEMVER\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Cheap pre-filter so that only records that can have both ranges and a list are parsed. */
  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) continue outer;
      }
      return true;
    }
    return false;
  }

  private static String check(OsvEntry.Affected a, List<OsvEntry.Range> ranges, String v, VersionCache cache) {
    List<String> problems = new ArrayList<>();
    for (OsvEntry.Range r : ranges) {
      VersionScheme scheme = r.type().equals("SEMVER") ? Ecosystems.semverScheme(a.ecosystem()) : Ecosystems.scheme(a.ecosystem());
      Optional<Version> parsed = cache.parse(scheme, v);
      if (parsed.isEmpty()) {
        problems.add("not a " + scheme.id() + " version");
        continue;
      }
      RangeEvaluator.Result res = RangeEvaluator.evaluate(r, parsed.get(), scheme, cache);
      if (res.affected()) return null;
      if (res.problem() != null) problems.add(res.problem());
    }
    return problems.isEmpty() ? "outside " + ranges.stream().map(r -> r.events().toString()).toList() : String.join(", ", problems);
  }
}
