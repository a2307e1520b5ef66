package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words that, near a candidate, make an entity more likely (as Presidio's context enhancer does). The
 * words are matched at the start of a word in a window before and after the candidate, any case.
 */
public final class ContextWords {

  /** Characters looked at before a candidate. */
  public static final int BEFORE = 48;
  /** Characters looked at after a candidate. */
  public static final int AFTER = 20;
  /** Confidence added by a context word. */
  public static final double BOOST = 0.35;

  private static final Map<PiiEntity, List<String>> WORDS = new EnumMap<>(PiiEntity.class);

  static {
    WORDS.put(PiiEntity.EMAIL, List.of("email", "e-mail", "mail", "contact"));
    WORDS.put(PiiEntity.PHONE, List.of("phone", "telephone", "tel", "mobile", "cell", "fax", "call", "dial",
        "desk", "office", "contact", "sms", "text me", "message", "whatsapp", "answering", "reach me", "landline"));
    WORDS.put(PiiEntity.CREDIT_CARD, List.of("card", "credit", "debit", "visa", "mastercard", "amex", "cc",
        "payment", "pan", "charge", "billing"));
    WORDS.put(PiiEntity.IBAN, List.of("iban", "bank", "account", "transfer", "wire", "sepa"));
    WORDS.put(PiiEntity.US_SSN, List.of("ssn", "social security", "social sec", "ssa", "taxpayer", "tin"));
    WORDS.put(PiiEntity.IP_ADDRESS, List.of("ip", "address", "host", "client", "server", "remote", "addr"));
    WORDS.put(PiiEntity.MAC_ADDRESS, List.of("mac", "hardware", "ethernet", "wifi", "device", "bssid"));
    WORDS.put(PiiEntity.DATE_OF_BIRTH, List.of("birth", "born", "dob", "d.o.b", "birthday", "date of birth"));
    WORDS.put(PiiEntity.PASSPORT, List.of("passport"));
    WORDS.put(PiiEntity.DRIVER_LICENSE, List.of("driver", "driving", "licence", "license", "dl"));
    WORDS.put(PiiEntity.CRYPTO_WALLET, List.of("wallet", "bitcoin", "btc", "ethereum", "eth", "crypto", "address"));
    WORDS.put(PiiEntity.PERSON, List.of("name", "mr", "mrs", "ms", "dr", "dear", "signed", "patient", "customer"));
    WORDS.put(PiiEntity.STREET_ADDRESS, List.of("address", "live at", "lives at", "located", "street", "residence",
        "ship to", "deliver"));
  }

  /** Words saying that a number nearby is a postal code or a unit, not a phone. */
  public static final List<String> POSTAL = List.of("zip", "postal", "postcode", "post code", "suite", "apt",
      "apartment", "unit", "box", "cep", "plz", "flat");

  private ContextWords() {}

  /** Whether one of {@code words} occurs in the short window (20 characters) before {@code start}. */
  public static boolean nearBefore(List<String> words, CharSequence text, int start) {
    String before = text.subSequence(Math.max(0, start - 20), start).toString().toLowerCase(Locale.ROOT);
    return containsWord(before, words);
  }

  public static List<String> of(PiiEntity entity) {
    return WORDS.getOrDefault(entity, List.of());
  }

  /** Whether a context word of {@code entity} occurs near {@code [start, end)} of {@code text}. */
  public static boolean near(PiiEntity entity, CharSequence text, int start, int end) {
    int from = Math.max(0, start - BEFORE);
    int to = Math.min(text.length(), end + AFTER);
    String before = text.subSequence(from, start).toString().toLowerCase(Locale.ROOT);
    String after = text.subSequence(end, to).toString().toLowerCase(Locale.ROOT);
    return containsWord(before, of(entity)) || containsWord(after, of(entity));
  }

  /** Whether {@code text} (lower case) contains one of the words starting at a word boundary. */
  public static boolean containsWord(String text, List<String> words) {
    for (String w : words) {
      int i = text.indexOf(w);
      while (i >= 0) {
        boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
        int e = i + w.length();
        // short words must also end at a boundary so that "tin" does not fire inside "tiny"
        boolean endOk = w.length() > 4 || e >= text.length() || !Character.isLetter(text.charAt(e));
        if (startOk && endOk) {
          return true;
        }
        i = text.indexOf(w, i + 1);
      }
    }
    return false;
  }

  /** Whether a column name says {@code entity} (e.g. {@code customer_email}, {@code DateOfBirth}). */
  public static boolean columnSays(PiiEntity entity, String columnName) {
    return ColumnNames.says(entity, columnName);
  }
}
