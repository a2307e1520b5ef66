package dev.bulwark.data.validate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checksummed wallet addresses: Bitcoin base58check (P2PKH/P2SH, version 0x00/0x05) and bech32/bech32m
 * segwit ({@code bc1...}), Ethereum EIP-55 mixed-case checksums.
 */
public final class CryptoWallets {

  private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  /** How strongly an address is confirmed. */
  public enum Check { CHECKSUMMED, UNCHECKSUMMED, INVALID }

  private CryptoWallets() {}

  public static Check check(String s) {
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return ethereum(s);
    }
    if (s.regionMatches(true, 0, "bc1", 0, 3)) {
      return bech32(s) ? Check.CHECKSUMMED : Check.INVALID;
    }
    if ((s.charAt(0) == '1' || s.charAt(0) == '3') && s.length() >= 26 && s.length() <= 35) {
      return base58check(s) ? Check.CHECKSUMMED : Check.INVALID;
    }
    return Check.INVALID;
  }

  static boolean base58check(String s) {
    BigInteger v = BigInteger.ZERO;
    BigInteger base = BigInteger.valueOf(58);
    for (int i = 0; i < s.length(); i++) {
      int d = B58.indexOf(s.charAt(i));
      if (d < 0) {
        return false;
      }
      v = v.multiply(base).add(BigInteger.valueOf(d));
    }
    byte[] raw = v.toByteArray();
    int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int leading = 0;
    while (leading < s.length() && s.charAt(leading) == '1') {
      leading++;
    }
    byte[] bytes = new byte[leading + raw.length - strip];
    System.arraycopy(raw, strip, bytes, leading, raw.length - strip);
    if (bytes.length != 25 || (bytes[0] != 0x00 && bytes[0] != 0x05)) {
      return false;
    }
    byte[] payload = Arrays.copyOf(bytes, 21);
    byte[] check = sha256(sha256(payload));
    return Arrays.equals(Arrays.copyOfRange(check, 0, 4), Arrays.copyOfRange(bytes, 21, 25));
  }

  static boolean bech32(String s) {
    if (s.length() < 14 || s.length() > 90) {
      return false;
    }
    boolean lower = s.equals(s.toLowerCase(Locale.ROOT));
    boolean upper = s.equals(s.toUpperCase(Locale.ROOT));
    if (!lower && !upper) {
      return false;
    }
    String t = s.toLowerCase(Locale.ROOT);
    int sep = t.lastIndexOf('1');
    if (sep != 2 || t.length() - sep - 1 < 6) {
      return false;
    }
    int[] values = new int[t.length() - sep - 1];
    for (int i = 0; i < values.length; i++) {
      int d = BECH32.indexOf(t.charAt(sep + 1 + i));
      if (d < 0) {
        return false;
      }
      values[i] = d;
    }
    int chk = 1;
    String hrp = t.substring(0, sep);
    for (int i = 0; i < hrp.length(); i++) {
      chk = polymod(chk, hrp.charAt(i) >> 5);
    }
    chk = polymod(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = polymod(chk, hrp.charAt(i) & 31);
    }
    for (int v : values) {
      chk = polymod(chk, v);
    }
    int witnessVersion = values[0];
    // bech32 for v0 (42 or 62 chars), bech32m for v1+ (BIP-350)
    return witnessVersion == 0 ? chk == 1 && (t.length() == 42 || t.length() == 62)
        : witnessVersion <= 16 && chk == 0x2bc830a3;
  }

  private static int polymod(int chk, int v) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (int i = 0; i < 5; i++) {
      if (((top >> i) & 1) != 0) {
        chk ^= gen[i];
      }
    }
    return chk;
  }

  static Check ethereum(String s) {
    if (s.length() != 42) {
      return Check.INVALID;
    }
    String hex = s.substring(2);
    boolean hasUpper = false;
    boolean hasLower = false;
    for (int i = 0; i < 40; i++) {
      char c = hex.charAt(i);
      if (!IpAddresses.isHex(c)) {
        return Check.INVALID;
      }
      hasUpper |= c >= 'A' && c <= 'F';
      hasLower |= c >= 'a' && c <= 'f';
    }
    if (!(hasUpper && hasLower)) {
      return Check.UNCHECKSUMMED;
    }
    String lower = hex.toLowerCase(Locale.ROOT);
    byte[] h = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 40; i++) {
      char c = hex.charAt(i);
      if (Character.isLetter(c)) {
        int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
        if ((nibble >= 8) != Character.isUpperCase(c)) {
          return Check.INVALID;
        }
      }
    }
    return Check.CHECKSUMMED;
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
