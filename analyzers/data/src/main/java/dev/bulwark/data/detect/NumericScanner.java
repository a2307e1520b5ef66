package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.validate.IpAddresses;
import dev.bulwark.data.validate.PaymentCards;
import dev.bulwark.data.validate.Phones;
import dev.bulwark.data.validate.UsSsn;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs of digits joined by phone/card separators ({@code +}, {@code (}, {@code )}, space, {@code -}, {@code .},
 * {@code /}, extension {@code x}). Each run, and each space-separated piece of it, is classified as IPv4,
 * date (of birth, with context), SSN, payment card, licence/passport number (with context) or phone.
 */
final class NumericScanner {

  private static final int MAX_RUN = 40;

  private final Phones phones;
  // per-call state; the detector creates one NumericScanner per thread (see TextDetector)
  private double minUseful;
  private boolean strongOther;

  NumericScanner(Phones phones) {
    this.phones = phones;
  }

  void scan(CharSequence t, List<Detection> out, double minUseful) {
    this.minUseful = minUseful;
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      boolean opener = (c == '+' || c == '(') && i + 1 < n && isDigit(t.charAt(i + 1));
      if (!(isDigit(c) || opener) || !TextDetector.boundaryBefore(t, i)) {
        i++;
        continue;
      }
      int end = extend(t, i);
      if (end > i && TextDetector.boundaryAfter(t, end)) {
        classify(t, i, end, out);
      }
      // skip the rest of the token so that "abc123" and long runs are not re-entered mid-way
      i = Math.max(end, i + 1);
      while (i < n && TextDetector.isWordChar(t.charAt(i))) {
        i++;
      }
    }
  }

  /** End (exclusive) of the run starting at {@code s}: the last digit reached within bounds. */
  private static int extend(CharSequence t, int s) {
    int n = t.length();
    int i = s;
    int lastDigitEnd = s;
    int consecutive = 0;
    while (i < n && i - s < MAX_RUN) {
      char c = t.charAt(i);
      if (isDigit(c)) {
        i++;
        lastDigitEnd = i;
        consecutive = 0;
      } else if ((c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || (c == '+' && i == s))
          && consecutive < 2) {
        if (c == ' ' && !(i + 1 < n && (isDigit(t.charAt(i + 1)) || t.charAt(i + 1) == '('))) {
          break;
        }
        consecutive++;
        i++;
      } else if ((c == 'x' || c == 'X') && i > s && i + 1 < n && isDigit(t.charAt(i + 1)) && isDigit(t.charAt(i - 1))) {
        consecutive = 1;
        i++;
      } else {
        break;
      }
    }
    return lastDigitEnd;
  }

  private void classify(CharSequence t, int s, int e, List<Detection> out) {
    List<int[]> pieces = new ArrayList<>();
    int ps = s;
    for (int i = s; i <= e; i++) {
      if (i == e || t.charAt(i) == ' ') {
        if (i > ps) {
          pieces.add(new int[] {ps, i});
        }
        ps = i + 1;
      }
    }
    boolean wholeAllowed = true;
    if (pieces.size() > 1) {
      for (int[] p : pieces) {
        String piece = t.subSequence(p[0], p[1]).toString();
        if (Dates.isDate(piece) || IpAddresses.isIpv4(piece)) {
          wholeAllowed = false;
        }
        candidate(t, p[0], p[1], out);
      }
    }
    if (wholeAllowed) {
      candidate(t, s, e, out);
    }
  }

  private void candidate(CharSequence t, int s, int e, List<Detection> out) {
    // a leading "(" is only part of a phone if it closes
    String c = t.subSequence(s, e).toString();
    if (c.startsWith("(") && c.indexOf(')') < 0) {
      s++;
      c = c.substring(1);
    }
    if (IpAddresses.isIpv4(c)) {
      if (s == 0 || Character.toLowerCase(t.charAt(s - 1)) != 'v') {
        out.add(new Detection(PiiEntity.IP_ADDRESS, s, e, TextDetector.withContext(PiiEntity.IP_ADDRESS, 0.8, t, s, e)));
      }
      return;
    }
    if (Dates.isDate(c)) {
      if (ContextWords.near(PiiEntity.DATE_OF_BIRTH, t, s, e)) {
        out.add(new Detection(PiiEntity.DATE_OF_BIRTH, s, e, 0.9));
      }
      return;
    }
    strongOther = false;
    int ext = c.indexOf('x') >= 0 ? c.indexOf('x') : c.indexOf('X');
    String main = ext >= 0 ? c.substring(0, ext) : c;
    String digits = digitsOf(main);
    boolean onlySpaceDash = onlySeparators(main, " -");
    if (ext < 0 && digits.length() == 9 && UsSsn.isValid(digits)) {
      boolean formatted = isSsnShape(main);
      if (formatted || main.equals(digits)) {
        out.add(new Detection(PiiEntity.US_SSN, s, e,
            TextDetector.withContext(PiiEntity.US_SSN, formatted ? 0.6 : 0.2, t, s, e)));
        strongOther |= formatted;
      }
    }
    if (ext < 0 && onlySpaceDash && digits.length() >= 12 && digits.length() <= 19 && PaymentCards.luhn(digits)) {
      // outside the published issuer ranges a Luhn-valid number needs a context word
      double base = PaymentCards.isValid(digits) ? 0.8 : 0.3;
      strongOther |= base >= 0.8;
      out.add(new Detection(PiiEntity.CREDIT_CARD, s, e, TextDetector.withContext(PiiEntity.CREDIT_CARD, base, t, s, e)));
    }
    if (ext < 0 && onlySpaceDash && digits.length() >= 5 && digits.length() <= 16) {
      if (ContextWords.near(PiiEntity.DRIVER_LICENSE, t, s, e)) {
        out.add(new Detection(PiiEntity.DRIVER_LICENSE, s, e, 0.75));
      }
      if (digits.length() >= 6 && digits.length() <= 10 && ContextWords.near(PiiEntity.PASSPORT, t, s, e)) {
        out.add(new Detection(PiiEntity.PASSPORT, s, e, 0.75));
      }
    }
    if (digits.length() >= 7 && digits.length() <= 15 && !isYearRange(main) && main.indexOf('/') < 0
        && !isDecimal(main) && !AddressScanner.startsAddress(t, s)) {
      boolean shaped = !main.equals(digits);
      boolean context = ContextWords.near(PiiEntity.PHONE, t, s, e);
      // libphonenumber is the costly part: skip it when the best a phone could score is below what the
      // caller keeps, or when a validated card or SSN already explains the digits and no phone word is near
      double best = context ? 0.95 : shaped ? 0.45 : 0.4;
      if (best < minUseful || (!context && strongOther)) {
        return;
      }
      double base = switch (phones.check(c)) {
        case VALID -> shaped ? 0.45 : 0.4;
        case POSSIBLE -> 0.3;
        case INVALID -> shaped ? 0.2 : 0.0;
      };
      if (base > 0) {
        double confidence = context ? Math.min(1.0, base + ContextWords.BOOST) : base;
        if (ContextWords.nearBefore(ContextWords.POSTAL, t, s)) {
          confidence -= ContextWords.BOOST;
        }
        out.add(new Detection(PiiEntity.PHONE, s, e, confidence));
      }
    }
  }

  /** "13.6931713047": one decimal point between digits is a measurement, not a phone number's separator. */
  static boolean isDecimal(String c) {
    int dot = c.indexOf('.');
    if (dot <= 0 || dot == c.length() - 1 || c.indexOf('.', dot + 1) >= 0) {
      return false;
    }
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (i != dot && !(ch >= '0' && ch <= '9') && !(i == 0 && (ch == '-' || ch == '+'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSsnShape(String c) {
    if (c.length() != 11) {
      return false;
    }
    char sep = c.charAt(3);
    return (sep == '-' || sep == ' ') && c.charAt(6) == sep;
  }

  private static boolean isYearRange(String c) {
    if (c.length() != 9 || c.charAt(4) != '-') {
      return false;
    }
    int a = Integer.parseInt(c, 0, 4, 10);
    int b = Integer.parseInt(c, 5, 9, 10);
    return a >= 1800 && a <= 2199 && b >= 1800 && b <= 2199;
  }

  static String digitsOf(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean onlySeparators(String s, String allowed) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isDigit(c) && allowed.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
