package dev.bulwark.ml.cli;

import dev.bulwark.spi.CommandPlugin;

/** Adds {@code bulwark drift}. */
public final class DriftCommandPlugin implements CommandPlugin {
  @Override
  public Object command() {
    return new DriftCommand();
  }
}
