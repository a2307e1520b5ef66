package dev.bulwark.vuln.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Severity;
import dev.bulwark.spi.testkit.Fixtures;
import dev.bulwark.vuln.osv.OsvEntry;
import dev.bulwark.vuln.osv.OsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvssScoreTest {

  /** Scores published by FIRST (CVSS v4.0 specification and its examples document) and NVD. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 9.3 | CRITICAL",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H | 10.0 | CRITICAL",
      "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 8.5 | HIGH",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N | 0.0 | INFO",
      "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N | 1.0 | LOW",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H | 10.0 | CRITICAL",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 9.8 | CRITICAL",
      "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H | 5.9 | MEDIUM",
      "AV:N/AC:L/Au:N/C:P/I:P/A:P | 7.5 | HIGH",
      "AV:N/AC:M/Au:N/C:N/I:P/A:N | 4.3 | MEDIUM"})
  void publishedScores(String vector, double score, Severity severity) {
    CvssScore s = CvssScore.of(vector).orElseThrow();
    assertThat(s.score()).isEqualTo(score);
    assertThat(s.severity()).isEqualTo(severity);
  }

  @Test
  void malformedVectorsAreEmpty() {
    assertThat(CvssScore.of("CVSS:4.0/AV:N/AC:L")).isEmpty();
    assertThat(CvssScore.of("CVSS:4.0/AV:Q/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isEmpty();
    assertThat(CvssScore.of("")).isEmpty();
    assertThat(CvssScore.of("CVSS:3.1/garbage")).isEmpty();
  }

  /**
   * Our v4.0 implementation against cvss-calculator's (itself checked against FIRST's calculator) on
   * every v4.0 vector of the shared OSV data, with environmental variants of each.
   */
  @Test
  void v4AgreesWithCvssCalculatorOnRealVectors() throws IOException {
    Optional<Path> shared = Fixtures.shared();
    Assumptions.assumeTrue(shared.isPresent() && Files.isDirectory(shared.get().resolve("data/osv")), "no shared data");
    TreeSet<String> vectors = new TreeSet<>();
    try (Stream<Path> s = Files.list(shared.get().resolve("data/osv"))) {
      for (Path zip : s.filter(p -> p.toString().endsWith(".zip")).toList()) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
          Enumeration<? extends ZipEntry> en = z.entries();
          while (en.hasMoreElements()) {
            byte[] b = z.getInputStream(en.nextElement()).readAllBytes();
            if (!new String(b, java.nio.charset.StandardCharsets.UTF_8).contains("CVSS:4.0/")) continue;
            OsvEntry e = OsvParser.parse(b);
            e.severity().forEach(x -> vectors.add(x.score()));
            e.affected().forEach(a -> a.severity().forEach(x -> vectors.add(x.score())));
          }
        }
      }
    }
    List<String> all = new ArrayList<>();
    for (String v : vectors) {
      if (!v.startsWith("CVSS:4.0/")) continue;
      all.add(v);
      if (!v.contains("/E:") && !v.contains("/CR:") && !v.contains("/MAV:")) {
        all.add(v + "/E:P");
        all.add(v + "/E:U/CR:L/IR:M/AR:H");
        all.add(v + "/MAV:A/MVC:L/MSI:S");
      }
    }
    assertThat(all).hasSizeGreaterThan(100);
    all.add("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U");
    List<String> differ = new ArrayList<>();
    int scored = 0;
    for (String v : all) {
      us.springett.cvss.Cvss ref = us.springett.cvss.Cvss.fromVector(v);
      if (ref == null) continue;
      double expected = ref.calculateScore().getBaseScore();
      Optional<CvssScore> ours = CvssScore.of(v);
      scored++;
      if (ours.isEmpty() || ours.get().score() != expected) {
        differ.add(v + " ours=" + ours.map(CvssScore::score).orElse(null) + " cvss-calculator=" + expected);
      }
    }
    System.out.println("CVSS v4.0 vectors compared: " + scored);
    assertThat(differ).isEmpty();
  }
}
