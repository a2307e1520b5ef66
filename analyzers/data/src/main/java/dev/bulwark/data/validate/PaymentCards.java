package dev.bulwark.data.validate;

/** Payment card numbers: the Luhn checksum and the issuer identification ranges with their lengths. */
public final class PaymentCards {

  private PaymentCards() {}

  /** An issuer range: prefixes from {@code low} to {@code high} (same digit count) and the allowed lengths. */
  private record Range(String network, int low, int high, int minLength, int maxLength) {
    boolean matches(String digits) {
      int width = String.valueOf(low).length();
      if (digits.length() < width || digits.length() < minLength || digits.length() > maxLength) {
        return false;
      }
      int prefix = Integer.parseInt(digits, 0, width, 10);
      return prefix >= low && prefix <= high;
    }
  }

  // Public issuer identification number ranges (ISO/IEC 7812 as published by the networks).
  private static final Range[] RANGES = {
      new Range("visa", 4, 4, 13, 19),
      new Range("mastercard", 51, 55, 16, 16),
      new Range("mastercard", 2221, 2720, 16, 16),
      new Range("amex", 34, 34, 15, 15),
      new Range("amex", 37, 37, 15, 15),
      new Range("diners", 300, 305, 14, 19),
      new Range("diners", 36, 36, 14, 19),
      new Range("diners", 38, 39, 14, 19),
      new Range("discover", 6011, 6011, 16, 19),
      new Range("discover", 644, 649, 16, 19),
      new Range("discover", 65, 65, 16, 19),
      new Range("unionpay", 62, 62, 16, 19),
      new Range("jcb", 3528, 3589, 16, 19),
      new Range("jcb", 2131, 2131, 15, 15),
      new Range("jcb", 1800, 1800, 15, 15),
      new Range("mir", 2200, 2204, 16, 19),
      new Range("maestro", 50, 50, 12, 19),
      new Range("maestro", 56, 69, 12, 19),
      new Range("rupay", 60, 60, 16, 16),
      new Range("rupay", 81, 82, 16, 16),
      new Range("uatp", 1, 1, 15, 15),
      new Range("troy", 9792, 9792, 16, 16),
  };

  /** True when the digits pass the Luhn (mod 10) check. */
  public static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return digits.length() > 0 && sum % 10 == 0;
  }

  /** The Luhn check digit that completes {@code payload}. */
  public static int luhnCheckDigit(CharSequence payload) {
    int sum = 0;
    boolean dbl = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }

  /** The card network whose range and length the digits fit, or null. */
  public static String network(String digits) {
    for (Range r : RANGES) {
      if (r.matches(digits)) {
        return r.network();
      }
    }
    return null;
  }

  /** A plausible card number: 12 to 19 digits, a known issuer range and a valid Luhn digit. */
  public static boolean isValid(String digits) {
    if (digits.length() < 12 || digits.length() > 19 || !luhn(digits) || network(digits) == null) {
      return false;
    }
    // all-same digits pass Luhn for some lengths; no issuer uses them
    return digits.chars().distinct().count() > 1;
  }
}
