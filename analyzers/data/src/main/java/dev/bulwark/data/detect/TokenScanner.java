package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.validate.CryptoWallets;
import dev.bulwark.data.validate.Iban;
import java.util.List;

/**
 * Alphanumeric tokens: IBANs (compact or in groups of four), wallet addresses, and licence or passport
 * numbers that mix letters and digits when a context word is near.
 */
final class TokenScanner {

  private TokenScanner() {}

  static void scan(CharSequence t, List<Detection> out) {
    int n = t.length();
    int i = 0;
    while (i < n) {
      if (!isAlnum(t.charAt(i)) || !TextDetector.boundaryBefore(t, i)) {
        i++;
        continue;
      }
      int e = i;
      while (e < n && isAlnum(t.charAt(e)) && e - i < 100) {
        e++;
      }
      if (TextDetector.boundaryAfter(t, e)) {
        token(t, i, e, out);
      }
      while (e < n && TextDetector.isWordChar(t.charAt(e))) {
        e++;
      }
      i = e;
    }
  }

  private static void token(CharSequence t, int s, int e, List<Detection> out) {
    int len = e - s;
    if (len >= 4 && Character.isLetter(t.charAt(s)) && Character.isLetter(t.charAt(s + 1))
        && NumericScanner.isDigit(t.charAt(s + 2)) && NumericScanner.isDigit(t.charAt(s + 3))) {
      iban(t, s, e, out);
    }
    char c0 = t.charAt(s);
    if (len == 42 && c0 == '0' && (t.charAt(s + 1) == 'x' || t.charAt(s + 1) == 'X')
        || len >= 14 && (c0 == 'b' || c0 == 'B') && t.subSequence(s, s + 3).toString().equalsIgnoreCase("bc1")
        || len >= 26 && len <= 35 && (c0 == '1' || c0 == '3')) {
      String v = t.subSequence(s, e).toString();
      CryptoWallets.Check check = CryptoWallets.check(v);
      if (check == CryptoWallets.Check.CHECKSUMMED) {
        out.add(new Detection(PiiEntity.CRYPTO_WALLET, s, e, TextDetector.withContext(PiiEntity.CRYPTO_WALLET, 0.9, t, s, e)));
      } else if (check == CryptoWallets.Check.UNCHECKSUMMED) {
        out.add(new Detection(PiiEntity.CRYPTO_WALLET, s, e, TextDetector.withContext(PiiEntity.CRYPTO_WALLET, 0.4, t, s, e)));
      }
    }
    int digits = 0;
    int letters = 0;
    for (int i = s; i < e; i++) {
      if (NumericScanner.isDigit(t.charAt(i))) {
        digits++;
      } else {
        letters++;
      }
    }
    // pure digit runs are the numeric scanner's; here only mixed identifiers such as F162823540116
    if (letters > 0 && letters <= 3 && digits >= 5 && len <= 16) {
      if (ContextWords.near(PiiEntity.DRIVER_LICENSE, t, s, e)) {
        out.add(new Detection(PiiEntity.DRIVER_LICENSE, s, e, 0.75));
      }
      if (len >= 6 && len <= 10 && ContextWords.near(PiiEntity.PASSPORT, t, s, e)) {
        out.add(new Detection(PiiEntity.PASSPORT, s, e, 0.8));
      }
    }
  }

  private static void iban(CharSequence t, int s, int e, List<Detection> out) {
    if (e - s >= 15 && Iban.isValid(t.subSequence(s, e).toString())) {
      out.add(new Detection(PiiEntity.IBAN, s, e, TextDetector.withContext(PiiEntity.IBAN, 0.9, t, s, e)));
      return;
    }
    if (e - s != 4) {
      return;
    }
    // grouped form: "GB82 WEST 1234 5698 7654 32"
    int expected = Iban.lengthOf(t.subSequence(s, s + 2).toString());
    if (expected == 0) {
      return;
    }
    StringBuilder compact = new StringBuilder(t.subSequence(s, e));
    int end = e;
    int n = t.length();
    while (compact.length() < expected && end < n && t.charAt(end) == ' ') {
      int g = end + 1;
      while (g < n && isAlnum(t.charAt(g)) && g - end <= 4) {
        g++;
      }
      if (g == end + 1 || g - end - 1 > 4 || !TextDetector.boundaryAfter(t, g)) {
        return;
      }
      compact.append(t, end + 1, g);
      end = g;
    }
    if (compact.length() == expected && Iban.isValid(compact.toString())) {
      out.add(new Detection(PiiEntity.IBAN, s, end, TextDetector.withContext(PiiEntity.IBAN, 0.9, t, s, end)));
    }
  }

  private static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
