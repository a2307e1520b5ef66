package dev.bulwark.secrets.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A case-insensitive (ASCII) Aho–Corasick automaton over literal keywords, compiled to a dense DFA so that
 * one pass over the input costs one table lookup per character. Characters outside ASCII never take part
 * in a keyword and send the automaton back to its root.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class AhoCorasick {

  private static final int ALPHABET = 128;

  private static final int HIT = 0x8000; // set on a transition whose target state ends a keyword
  private static final int MAX_STATES = 0x7FFF;

  private final char[] table;       // state * classes + classOf(c) -> next state | HIT
  private final byte[] classOf;     // ASCII char -> character class (0: occurs in no keyword)
  private final int classes;
  private final int[][] outputs;    // state -> keyword ids ending here (suffix outputs merged), or null
  private final int[] lengths;      // keyword id -> keyword length
  private final String[] keywords;

  /** Receives each keyword occurrence as (keyword id, start index, end index exclusive). */
  @FunctionalInterface
  public interface HitSink {
    void hit(int keyword, int start, int end);
  }

  private AhoCorasick(char[] table, byte[] classOf, int classes, int[][] outputs, String[] keywords) {
    this.table = table;
    this.classOf = classOf;
    this.classes = classes;
    this.outputs = outputs;
    this.keywords = keywords;
    this.lengths = new int[keywords.length];
    for (int i = 0; i < keywords.length; i++) {
      lengths[i] = keywords[i].length();
    }
  }

  /** Builds the automaton; keyword ids are the indexes in {@code words}. Keywords must be non-empty ASCII. */
  public static AhoCorasick build(List<String> words) {
    String[] kws = new String[words.size()];
    // trie as growable arrays: goto table with -1 for "no edge"
    List<int[]> go = new ArrayList<>();
    List<int[]> out = new ArrayList<>();
    go.add(newRow());
    out.add(null);
    for (int k = 0; k < words.size(); k++) {
      String w = words.get(k).toLowerCase(Locale.ROOT);
      if (w.isEmpty()) {
        throw new IllegalArgumentException("empty keyword at index " + k);
      }
      kws[k] = w;
      int s = 0;
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (c >= ALPHABET) {
          throw new IllegalArgumentException("keyword is not ASCII: '" + words.get(k) + "'");
        }
        int next = go.get(s)[c];
        if (next < 0) {
          next = go.size();
          go.add(newRow());
          out.add(null);
          go.get(s)[c] = next;
        }
        s = next;
      }
      out.set(s, append(out.get(s), k));
    }
    int n = go.size();
    int[] fail = new int[n];
    int[] delta = new int[n * ALPHABET];
    int[][] outputs = out.toArray(new int[0][]);
    // breadth-first: complete the transition function and merge suffix outputs
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int t = go.get(0)[c];
      if (t < 0) {
        delta[c] = 0;
      } else {
        delta[c] = t;
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      int f = fail[s];
      if (outputs[f] != null) {
        outputs[s] = merge(outputs[s], outputs[f]);
      }
      for (int c = 0; c < ALPHABET; c++) {
        int t = go.get(s)[c];
        if (t < 0) {
          delta[s * ALPHABET + c] = delta[f * ALPHABET + c];
        } else {
          delta[s * ALPHABET + c] = t;
          fail[t] = delta[f * ALPHABET + c];
          queue.add(t);
        }
      }
    }
    // upper-case letters follow the lower-case edges
    for (int s = 0; s < n; s++) {
      for (int c = 'A'; c <= 'Z'; c++) {
        delta[s * ALPHABET + c] = delta[s * ALPHABET + (c + 32)];
      }
    }
    if (n > MAX_STATES) {
      throw new IllegalArgumentException("too many keyword states: " + n);
    }
    // compress the alphabet: characters that occur in no keyword all lead back to the root
    byte[] classOf = new byte[ALPHABET];
    int classes = 1;
    for (String w : kws) {
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (classOf[c] == 0) {
          classOf[c] = (byte) classes++;
          if (c >= 'a' && c <= 'z') {
            classOf[c - 32] = classOf[c];
          }
        }
      }
    }
    char[] table = new char[n * classes];
    for (int s = 0; s < n; s++) {
      for (int c = 0; c < ALPHABET; c++) {
        int k = classOf[c];
        if (k != 0 || c == 0) {
          int t = delta[s * ALPHABET + c];
          table[s * classes + k] = (char) (t | (outputs[t] != null ? HIT : 0));
        }
      }
    }
    return new AhoCorasick(table, classOf, classes, outputs, kws);
  }

  public int size() {
    return keywords.length;
  }

  public String keyword(int id) {
    return keywords[id];
  }

  /** True when any keyword occurs in {@code bytes[from, to)} (bytes read as ASCII; others reset). */
  public boolean containsAny(byte[] bytes, int from, int to) {
    int s = 0;
    char[] t = table;
    byte[] cls = classOf;
    int k = classes;
    for (int i = from; i < to; i++) {
      int c = bytes[i];
      int v = t[s * k + (c < 0 ? 0 : cls[c])];
      if ((v & HIT) != 0) {
        return true;
      }
      s = v;
    }
    return false;
  }

  /**
   * Reports every keyword occurrence in {@code bytes[from, to)} read as ASCII; returns false when a byte
   * outside ASCII occurred (the caller then decodes and scans the characters instead).
   */
  public boolean scanAscii(byte[] bytes, int from, int to, HitSink sink) {
    int s = 0;
    char[] t = table;
    byte[] cls = classOf;
    int k = classes;
    int high = 0;
    for (int i = from; i < to; i++) {
      int c = bytes[i];
      high |= c;
      int v = t[s * k + (c < 0 ? 0 : cls[c])];
      if ((v & HIT) != 0) {
        v &= MAX_STATES;
        for (int kw : outputs[v]) {
          sink.hit(kw, i + 1 - lengths[kw], i + 1);
        }
      }
      s = v;
    }
    return high >= 0;
  }

  /** Reports every keyword occurrence in {@code text[from, to)}. */
  public void scan(CharSequence text, int from, int to, HitSink sink) {
    int s = 0;
    char[] t = table;
    byte[] cls = classOf;
    int k = classes;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int v = t[s * k + (c >= ALPHABET ? 0 : cls[c])];
      if ((v & HIT) != 0) {
        v &= MAX_STATES;
        for (int kw : outputs[v]) {
          sink.hit(kw, i + 1 - lengths[kw], i + 1);
        }
      }
      s = v;
    }
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }

  private static int[] append(int[] a, int v) {
    if (a == null) {
      return new int[] {v};
    }
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }

  private static int[] merge(int[] a, int[] b) {
    if (a == null) {
      return b.clone();
    }
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
