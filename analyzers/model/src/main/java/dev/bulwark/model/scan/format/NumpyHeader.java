package dev.bulwark.model.scan.format;

import dev.bulwark.model.scan.ScanSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The header of a {@code .npy} array (format versions 1 to 3). Object arrays ({@code 'O'} dtypes) store a
 * pickle after the header, which is what makes {@code allow_pickle=True} dangerous.
 */
public record NumpyHeader(int major, String text, boolean objectArray, long dataOffset) {
  private static final int MAX_HEADER = 1 << 20;

  /** Reads the header from {@code in}; reports a malformed header to the session and returns null. */
  public static NumpyHeader read(String label, InputStream in, ScanSession s) throws IOException {
    byte[] magic = in.readNBytes(8);
    if (magic.length < 8 || (magic[0] & 0xFF) != 0x93 || magic[1] != 'N') {
      s.malformed(label, "numpy array without its magic header");
      return null;
    }
    int major = magic[6];
    long len;
    int lenBytes = major == 1 ? 2 : 4;
    byte[] l = in.readNBytes(lenBytes);
    if (major < 1 || major > 3 || l.length < lenBytes) {
      s.malformed(label, "numpy array with unknown format version " + major);
      return null;
    }
    len = (l[0] & 0xFF) | (l[1] & 0xFF) << 8 | (lenBytes == 4 ? ((long) (l[2] & 0xFF) << 16 | (long) (l[3] & 0xFF) << 24) : 0);
    if (len > MAX_HEADER) {
      s.malformed(label, "numpy header of " + len + " bytes");
      return null;
    }
    byte[] h = in.readNBytes((int) len);
    if (h.length < len) {
      s.malformed(label, "numpy header cut short");
      return null;
    }
    String text = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    if (!text.contains("descr")) {
      s.malformed(label, "numpy header without 'descr'");
      return null;
    }
    return new NumpyHeader(major, text, hasObjectType(text), 8 + lenBytes + len);
  }

  /** True when a quoted type string in the header is an object type ({@code 'O'}, {@code '|O'}, {@code 'O8'}). */
  static boolean hasObjectType(String header) {
    int i = 0;
    while (i < header.length()) {
      char q = header.charAt(i);
      if (q == '\'' || q == '"') {
        int end = header.indexOf(q, i + 1);
        if (end < 0) {
          return false;
        }
        String tok = header.substring(i + 1, end);
        if (!tok.isEmpty() && "<>|=".indexOf(tok.charAt(0)) >= 0) {
          tok = tok.substring(1);
        }
        if (tok.startsWith("O") && tok.substring(1).chars().allMatch(Character::isDigit)) {
          return true;
        }
        i = end + 1;
      } else {
        i++;
      }
    }
    return false;
  }

  /** The shape tuple's dimensions, or null when unreadable. */
  public long[] shape() {
    int k = text.indexOf("shape");
    int open = k < 0 ? -1 : text.indexOf('(', k);
    int close = open < 0 ? -1 : text.indexOf(')', open);
    if (close < 0) {
      return null;
    }
    String[] parts = text.substring(open + 1, close).split(",");
    long[] dims = new long[parts.length];
    int n = 0;
    for (String p : parts) {
      String t = p.strip();
      if (t.endsWith("L")) t = t.substring(0, t.length() - 1);
      if (t.isEmpty()) continue;
      try {
        dims[n++] = Long.parseLong(t);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return java.util.Arrays.copyOf(dims, n);
  }
}
