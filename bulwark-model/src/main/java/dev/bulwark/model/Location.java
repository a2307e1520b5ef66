package dev.bulwark.model;

import java.util.Objects;

/**
 * Where something was found. {@code path} is relative to the scan target, with {@code /} separators;
 * members of archives are written {@code outer.zip!inner/file}. Line and column are 1-based;
 * offset is a 0-based byte offset. Any of the three may be null when unknown.
 */
public record Location(String path, Integer line, Integer column, Long offset) implements Comparable<Location> {

  public Location {
    Objects.requireNonNull(path, "path");
  }

  public static Location of(String path) {
    return new Location(path, null, null, null);
  }

  public static Location atLine(String path, int line) {
    return new Location(path, line, null, null);
  }

  public static Location atLine(String path, int line, int column) {
    return new Location(path, line, column, null);
  }

  public static Location atOffset(String path, long offset) {
    return new Location(path, null, null, offset);
  }

  @Override
  public int compareTo(Location o) {
    int c = path.compareTo(o.path);
    if (c != 0) {
      return c;
    }
    c = Long.compare(line == null ? 0 : line, o.line == null ? 0 : o.line);
    if (c != 0) {
      return c;
    }
    c = Long.compare(column == null ? 0 : column, o.column == null ? 0 : o.column);
    if (c != 0) {
      return c;
    }
    return Long.compare(offset == null ? 0 : offset, o.offset == null ? 0 : o.offset);
  }

  /** Human form: {@code path:line:column} or {@code path@0xOFFSET}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(path);
    if (line != null) {
      b.append(':').append(line);
      if (column != null) {
        b.append(':').append(column);
      }
    } else if (offset != null) {
      b.append("@0x").append(Long.toHexString(offset));
    }
    return b.toString();
  }
}
