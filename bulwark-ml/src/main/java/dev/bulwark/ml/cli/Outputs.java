package dev.bulwark.ml.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -o FORMAT=TARGET} options of the ml commands: {@code json=FILE}, {@code html=FILE},
 * {@code png-dir=DIR}, {@code table} (stdout). Files are written to a temporary sibling and moved
 * into place only after everything was computed, so a failure leaves nothing half-written.
 */
public final class Outputs {
  private final Map<String, Path> targets = new LinkedHashMap<>();
  private final boolean table;

  private Outputs(boolean table) {
    this.table = table;
  }

  /** @throws IllegalArgumentException with a usage message for an unknown or malformed option */
  public static Outputs parse(List<String> options) {
    boolean table = options == null || options.isEmpty();
    Outputs o = new Outputs(table || options.contains("table"));
    if (options != null) {
      for (String opt : options) {
        if (opt.equals("table")) {
          continue;
        }
        int eq = opt.indexOf('=');
        if (eq <= 0 || eq == opt.length() - 1) {
          throw new IllegalArgumentException("-o expects FORMAT=PATH (json, html, png-dir) or table, got '" + opt + "'");
        }
        String format = opt.substring(0, eq);
        if (!List.of("json", "html", "png-dir").contains(format)) {
          throw new IllegalArgumentException("unknown output format '" + format + "' (json, html, png-dir, table)");
        }
        o.targets.put(format, Path.of(opt.substring(eq + 1)));
      }
    }
    return o;
  }

  public boolean table() {
    return table;
  }

  public Path get(String format) {
    return targets.get(format);
  }

  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Writes to a temporary file next to {@code target}; call {@link Staged#commit()} when all succeeded. */
  public static Staged stage(Path target, Body body) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".bulwark-", ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      body.write(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return new Staged(tmp, target);
  }

  /** A written temporary file waiting to be moved into place. */
  public record Staged(Path tmp, Path target) {
    public void commit() throws IOException {
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }

    public void discard() {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // best effort
      }
    }
  }

  /** Commits all staged files, or discards them all when one fails. */
  public static void commitAll(List<Staged> staged) throws IOException {
    List<Staged> pending = new ArrayList<>(staged);
    try {
      for (Staged s : staged) {
        s.commit();
        pending.remove(s);
      }
    } finally {
      pending.forEach(Staged::discard);
    }
  }
}
