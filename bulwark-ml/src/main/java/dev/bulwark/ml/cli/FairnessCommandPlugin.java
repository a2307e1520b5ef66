package dev.bulwark.ml.cli;

import dev.bulwark.spi.CommandPlugin;

/** Adds {@code bulwark fairness}. */
public final class FairnessCommandPlugin implements CommandPlugin {
  @Override
  public Object command() {
    return new FairnessCommand();
  }
}
