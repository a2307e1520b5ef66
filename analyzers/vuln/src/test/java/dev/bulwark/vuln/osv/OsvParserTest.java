package dev.bulwark.vuln.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OsvParserTest {

  @ParameterizedTest
  @ValueSource(strings = {"2021-12-10T00:40:56Z", "2024-08-07T20:01:43.272899Z", "2026-08-01T09:00:02.625Z",
      "2026-08-20T14:29:30.978060Z", "0001-01-01T00:00:00Z", "2024-02-29T23:59:59.123456789Z"})
  void fastTimestampsEqualTheFormatter(String t) {
    assertThat(OsvParser.fastUtc(t)).isEqualTo(OffsetDateTime.parse(t).toInstant());
    assertThat(OsvParser.instant(t)).isEqualTo(OffsetDateTime.parse(t).toInstant());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-12-10T00:40:56+02:00", "2021-02-30T00:00:00Z", "yesterday", "2021-12-10T00:40:56.Z"})
  void otherFormsFallBack(String t) {
    assertThat(OsvParser.fastUtc(t)).isNull();
    Instant i = OsvParser.instant(t);
    assertThat(i).isNotNull();
  }
}
