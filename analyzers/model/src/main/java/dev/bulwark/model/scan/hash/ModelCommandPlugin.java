package dev.bulwark.model.scan.hash;

import dev.bulwark.spi.CommandPlugin;

/** Adds {@code bulwark model} (with {@code hash}) to the CLI. */
public final class ModelCommandPlugin implements CommandPlugin {
  @Override
  public Object command() {
    return new ModelCommand();
  }
}
