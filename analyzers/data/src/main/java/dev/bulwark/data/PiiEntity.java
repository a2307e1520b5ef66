package dev.bulwark.data;

import dev.bulwark.model.Severity;
import java.util.Locale;

/**
 * The kinds of personal data Bulwark detects. Each is one rule ({@code pii/<id>}) with a doc page under
 * {@code docs/rules/pii/}. Severity reflects the harm of a leak: financial and government identifiers
 * first, contact data next, network identifiers last.
 */
public enum PiiEntity {
  EMAIL("email", "Email address", Severity.MEDIUM),
  PHONE("phone", "Phone number", Severity.MEDIUM),
  CREDIT_CARD("credit-card", "Payment card number", Severity.HIGH),
  IBAN("iban", "International bank account number (IBAN)", Severity.HIGH),
  US_SSN("us-ssn", "US Social Security number", Severity.HIGH),
  IP_ADDRESS("ip-address", "IP address", Severity.LOW),
  MAC_ADDRESS("mac-address", "MAC address", Severity.LOW),
  DATE_OF_BIRTH("date-of-birth", "Date of birth", Severity.MEDIUM),
  PASSPORT("passport", "Passport number", Severity.HIGH),
  DRIVER_LICENSE("driver-license", "Driving-licence number", Severity.HIGH),
  CRYPTO_WALLET("crypto-wallet", "Cryptocurrency wallet address", Severity.MEDIUM),
  PERSON("person", "Person name", Severity.MEDIUM),
  STREET_ADDRESS("street-address", "Street address", Severity.MEDIUM);

  private final String id;
  private final String title;
  private final Severity severity;

  PiiEntity(String id, String title, Severity severity) {
    this.id = id;
    this.title = title;
    this.severity = severity;
  }

  public String id() {
    return id;
  }

  /** The rule id used in findings: {@code pii/email}. */
  public String rule() {
    return "pii/" + id;
  }

  public String title() {
    return title;
  }

  public Severity severity() {
    return severity;
  }

  /** The entity tag used by the {@code tag} masking operator: {@code <EMAIL>}. */
  public String tag() {
    return "<" + name() + ">";
  }

  /** Parses an id ({@code credit-card}) or constant name ({@code CREDIT_CARD}), any case. */
  public static PiiEntity parse(String text) {
    String t = text.trim();
    for (PiiEntity e : values()) {
      if (e.id.equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown PII entity '" + text + "' (expected one of "
        + java.util.Arrays.stream(values()).map(PiiEntity::id).toList() + ")");
  }

  @Override
  public String toString() {
    return id.toUpperCase(Locale.ROOT);
  }
}
