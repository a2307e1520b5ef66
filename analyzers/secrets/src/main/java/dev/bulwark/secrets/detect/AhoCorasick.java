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

  private final int[] delta;        // state * ALPHABET + c -> next state
  private final int[][] outputs;    // state -> keyword ids ending here (suffix outputs merged), or null
  private final int[] lengths;      // keyword id -> keyword length
  private final String[] keywords;

  /** Receives each keyword occurrence as (keyword id, start index, end index exclusive). */
  @FunctionalInterface
  public interface HitSink {
    void hit(int keyword, int start, int end);
  }

  private AhoCorasick(int[] delta, int[][] outputs, String[] keywords) {
    this.delta = delta;
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
    return new AhoCorasick(delta, outputs, kws);
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
    int[] d = delta;
    int[][] o = outputs;
    for (int i = from; i < to; i++) {
      int c = bytes[i];
      s = c < 0 ? 0 : d[s * ALPHABET + c];
      if (o[s] != null) {
        return true;
      }
    }
    return false;
  }

  /** Reports every keyword occurrence in {@code text[from, to)}. */
  public void scan(CharSequence text, int from, int to, HitSink sink) {
    int s = 0;
    int[] d = delta;
    int[][] o = outputs;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      s = c >= ALPHABET ? 0 : d[s * ALPHABET + c];
      int[] hits = o[s];
      if (hits != null) {
        for (int k : hits) {
          sink.hit(k, i + 1 - lengths[k], i + 1);
        }
      }
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
