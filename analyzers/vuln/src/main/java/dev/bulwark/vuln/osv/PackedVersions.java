package dev.bulwark.vuln.osv;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An advisory's explicit {@code versions} list kept as the one separator-joined string the database stores,
 * split only when someone walks it. Matching mostly asks "is this exact version listed?", which
 * {@link #contains} answers with a substring search; PyPI advisories list hundreds of versions each, and
 * splitting every list of every candidate advisory was a large share of a scan's matching time.
 * Immutable, like the lists {@link OsvEntry} copies its other fields into.
 */
public final class PackedVersions extends AbstractList<String> implements RandomAccess {

  private final String joined;
  private final char separator;
  private volatile String[] split;

  /** {@code joined} holds the versions, each preceded by {@code separator} ("␟1.0␟1.1"). */
  public PackedVersions(String joined, char separator) {
    this.joined = joined;
    this.separator = separator;
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof String v) || v.isEmpty() || v.indexOf(separator) >= 0) {
      return false;
    }
    int from = 0;
    while (true) {
      int at = joined.indexOf(v, from);
      if (at < 0) {
        return false;
      }
      int end = at + v.length();
      if (at > 0 && joined.charAt(at - 1) == separator && (end == joined.length() || joined.charAt(end) == separator)) {
        return true;
      }
      from = at + 1;
    }
  }

  @Override
  public String get(int index) {
    return parts()[index];
  }

  @Override
  public int size() {
    return parts().length;
  }

  @Override
  public boolean isEmpty() {
    return joined.indexOf(separator) < 0;
  }

  private String[] parts() {
    String[] p = split;
    if (p == null) {
      List<String> out = new ArrayList<>();
      int start = joined.indexOf(separator);
      while (start >= 0) {
        int next = joined.indexOf(separator, start + 1);
        out.add(joined.substring(start + 1, next < 0 ? joined.length() : next));
        start = next;
      }
      p = out.toArray(String[]::new);
      split = p;
    }
    return p;
  }
}
