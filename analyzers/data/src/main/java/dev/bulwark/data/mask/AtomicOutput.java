package dev.bulwark.data.mask;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A temporary file beside the destination that becomes the destination only on {@link #commit()}, by an
 * atomic rename; closing without commit deletes it, so a failure leaves nothing half-written.
 */
public final class AtomicOutput implements AutoCloseable {

  private final Path target;
  private final Path temp;
  private boolean committed;

  public AtomicOutput(Path target) {
    this.target = target.toAbsolutePath().normalize();
    Path dir = this.target.getParent();
    this.temp = dir.resolve("." + this.target.getFileName() + ".bulwark-" + UUID.randomUUID() + ".tmp");
  }

  public Path temp() {
    return temp;
  }

  public void commit() throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      Files.deleteIfExists(temp);
    }
  }
}
