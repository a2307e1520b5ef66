package dev.bulwark.data.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.detect.Dates;
import dev.bulwark.data.validate.Iban;
import dev.bulwark.data.validate.PaymentCards;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskOperatorTest {

  private final MaskKey key = MaskKey.of("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final MaskKey other = MaskKey.of("another-key-0123456789abc".getBytes(StandardCharsets.UTF_8));

  @Test
  void pseudonymsAreStablePerKeyAndKeepTheFormat() {
    MaskOperator p = new MaskOperator.Pseudonym(key);
    String card = p.apply("4111-1111-1111-1111", PiiEntity.CREDIT_CARD);
    assertThat(card).isEqualTo(p.apply("4111-1111-1111-1111", PiiEntity.CREDIT_CARD))
        .isNotEqualTo("4111-1111-1111-1111").matches("41\\d\\d-\\d{4}-\\d{4}-\\d{4}");
    assertThat(PaymentCards.luhn(card.replace("-", ""))).isTrue();
    assertThat(new MaskOperator.Pseudonym(other).apply("4111-1111-1111-1111", PiiEntity.CREDIT_CARD)).isNotEqualTo(card);

    String email = p.apply("jane.doe@acme-corp.io", PiiEntity.EMAIL);
    assertThat(email).matches("[a-z]+\\.[a-z]+\\d{1,2}@[a-z]+-[a-z]+\\.io").doesNotContain("jane").doesNotContain("acme");
    assertThat(p.apply("jane.doe@gmail.com", PiiEntity.EMAIL)).endsWith("@gmail.com");

    String phone = p.apply("+44 20 7946 0958", PiiEntity.PHONE);
    assertThat(phone).matches("\\+44 \\d\\d \\d{4} \\d{4}").isNotEqualTo("+44 20 7946 0958");

    String iban = p.apply("GB82WEST12345698765432", PiiEntity.IBAN);
    assertThat(iban).startsWith("GB").hasSize(22).isNotEqualTo("GB82WEST12345698765432");
    assertThat(Iban.isValid(iban)).isTrue();

    String dob = p.apply("1987-04-16", PiiEntity.DATE_OF_BIRTH);
    assertThat(Dates.isDate(dob)).as(dob).isTrue();
    assertThat(dob).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(p.apply("4/16/1987", PiiEntity.DATE_OF_BIRTH)).matches("\\d{1,2}/\\d{1,2}/\\d{4}");

    assertThat(p.apply("Ada Lovelace", PiiEntity.PERSON)).matches("[A-Z][a-z]+ [A-Z][a-z]+").isNotEqualTo("Ada Lovelace");
    assertThat(p.apply("AB-123-cd", null)).matches("[A-Z]{2}-\\d{3}-[a-z]{2}");
  }

  @Test
  void hashIsKeyedHmac() {
    MaskOperator h = new MaskOperator.KeyedHash(key, 64);
    assertThat(h.apply("123-45-6789", PiiEntity.US_SSN)).hasSize(64).matches("[0-9a-f]+")
        .isNotEqualTo(new MaskOperator.KeyedHash(other, 64).apply("123-45-6789", PiiEntity.US_SSN));
    assertThat(new MaskOperator.KeyedHash(key, 16).apply("x", null)).hasSize(16);
  }

  @Test
  void partialKeepsTheLastCharactersAndSeparators() {
    assertThat(new MaskOperator.Partial(4).apply("4111-1111-1111-1234", null)).isEqualTo("****-****-****-1234");
    // never more than half of a short value
    assertThat(new MaskOperator.Partial(4).apply("12345", null)).isEqualTo("***45");
  }

  @Test
  void redactAndTag() {
    assertThat(new MaskOperator.Redact().apply("secret", null)).isEqualTo("[REDACTED]");
    assertThat(new MaskOperator.Tag().apply("a@b.co", PiiEntity.EMAIL)).isEqualTo("<EMAIL>");
  }

  @Test
  void keysComeFromEnvironmentOrFileAndMustBeLongEnough() {
    assertThatThrownBy(() -> MaskKey.fromEnv(Map.of(), "BULWARK_MASK_KEY"))
        .hasMessageContaining("BULWARK_MASK_KEY").hasMessageContaining("not set");
    assertThatThrownBy(() -> MaskKey.fromEnv(Map.of("K", "short"), "K")).hasMessageContaining("at least 16 bytes");
  }
}
