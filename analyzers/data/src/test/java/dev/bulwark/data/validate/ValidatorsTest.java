package dev.bulwark.data.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

  @Test
  void paymentCardsNeedLuhnAndAnIssuerRange() {
    assertThat(PaymentCards.isValid("4111111111111111")).isTrue();
    assertThat(PaymentCards.isValid("378282246310005")).isTrue(); // amex test number
    assertThat(PaymentCards.isValid("5555555555554444")).isTrue();
    assertThat(PaymentCards.isValid("4111111111111112")).isFalse();
    assertThat(PaymentCards.isValid("9111111111111111")).isFalse(); // no such issuer
    assertThat(PaymentCards.network("2221000000000009")).isEqualTo("mastercard");
    assertThat(PaymentCards.luhnCheckDigit("411111111111111")).isEqualTo(1);
  }

  @Test
  void ibanChecksCountryLengthAndMod97() {
    assertThat(Iban.isValid("GB82WEST12345698765432")).isTrue();
    assertThat(Iban.isValid("de89370400440532013000")).isTrue();
    assertThat(Iban.isValid("GB82WEST1234569876543")).isFalse(); // one short
    assertThat(Iban.isValid("GB83WEST12345698765432")).isFalse();
    assertThat(Iban.isValid("XX82WEST12345698765432")).isFalse();
  }

  @Test
  void ssnRules() {
    assertThat(UsSsn.isValid("123456780")).isTrue();
    assertThat(UsSsn.isValid("000456789")).isFalse();
    assertThat(UsSsn.isValid("666456789")).isFalse();
    assertThat(UsSsn.isValid("912456789")).isFalse();
    assertThat(UsSsn.isValid("123006789")).isFalse();
    assertThat(UsSsn.isValid("123450000")).isFalse();
    assertThat(UsSsn.isValid("078051120")).isFalse();
  }

  @Test
  void ipAddresses() {
    assertThat(IpAddresses.isIpv4("192.168.0.1")).isTrue();
    assertThat(IpAddresses.isIpv4("256.1.1.1")).isFalse();
    assertThat(IpAddresses.isIpv4("01.1.1.1")).isFalse();
    assertThat(IpAddresses.isIpv4("1.1.1")).isFalse();
    assertThat(IpAddresses.isIpv6("2001:db8::1")).isTrue();
    assertThat(IpAddresses.isIpv6("fe80:0:0:0:202:b3ff:fe1e:8329")).isTrue();
    assertThat(IpAddresses.isIpv6("::ffff:192.0.2.128")).isTrue();
    assertThat(IpAddresses.isIpv6("1:2:3:4:5:6:7")).isFalse();
    assertThat(IpAddresses.isIpv6("1::2::3")).isFalse();
    assertThat(IpAddresses.isIpv6("12:30:45")).isFalse();
  }

  @Test
  void macAddresses() {
    assertThat(MacAddress.isValid("00:1A:2B:3C:4D:5E")).isTrue();
    assertThat(MacAddress.isValid("00-1a-2b-3c-4d-5e")).isTrue();
    assertThat(MacAddress.isValid("001a.2b3c.4d5e")).isTrue();
    assertThat(MacAddress.isValid("00:1A-2B:3C:4D:5E")).isFalse();
    assertThat(MacAddress.isValid("00:00:00:00:00:00")).isFalse();
  }

  @Test
  void walletsAreChecksummed() {
    assertThat(CryptoWallets.check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isEqualTo(CryptoWallets.Check.CHECKSUMMED);
    assertThat(CryptoWallets.check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isEqualTo(CryptoWallets.Check.INVALID);
    assertThat(CryptoWallets.check("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")).isEqualTo(CryptoWallets.Check.CHECKSUMMED);
    assertThat(CryptoWallets.check("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isEqualTo(CryptoWallets.Check.CHECKSUMMED);
    assertThat(CryptoWallets.check("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"))
        .isEqualTo(CryptoWallets.Check.CHECKSUMMED); // BIP-350 taproot example
    assertThat(CryptoWallets.check("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).isEqualTo(CryptoWallets.Check.INVALID);
    assertThat(CryptoWallets.check("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isEqualTo(CryptoWallets.Check.CHECKSUMMED);
    assertThat(CryptoWallets.check("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")).isEqualTo(CryptoWallets.Check.CHECKSUMMED);
    assertThat(CryptoWallets.check("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isEqualTo(CryptoWallets.Check.UNCHECKSUMMED);
    assertThat(CryptoWallets.check("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isEqualTo(CryptoWallets.Check.INVALID);
  }

  @Test
  void phonesAreRegionAware() {
    Phones us = new Phones("US");
    assertThat(us.check("(415) 555-2671")).isEqualTo(Phones.Check.VALID);
    assertThat(us.check("+44 20 7946 0958")).isEqualTo(Phones.Check.VALID);
    assertThat(us.check("+1 000 000")).isEqualTo(Phones.Check.INVALID);
  }
}
