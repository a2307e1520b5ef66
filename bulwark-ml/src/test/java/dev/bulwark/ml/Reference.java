package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The reference figures computed by fixtures/reference/generate.py with scipy and pandas. */
public final class Reference {
  public static final double STAT_TOLERANCE = 1e-9;
  public static final double P_RELATIVE = 1e-6;
  private static JsonNode expected;

  private Reference() {}

  public static synchronized JsonNode expected() {
    if (expected == null) {
      try {
        expected = new ObjectMapper().readTree(Fixtures.path("reference/expected.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return expected;
  }

  public static void assertStatistic(String what, double actual, double expected) {
    assertThat(actual).as(what).isCloseTo(expected, within(STAT_TOLERANCE * Math.max(1, Math.abs(expected))));
  }

  public static void assertPValue(String what, double actual, double expected) {
    if (expected == 0) {
      assertThat(actual).as(what).isLessThan(1e-300);
      return;
    }
    assertThat(Math.abs(actual - expected) / expected).as(what + ": " + actual + " vs scipy " + expected).isLessThanOrEqualTo(P_RELATIVE);
  }
}
