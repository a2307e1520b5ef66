package dev.bulwark.data.cli;

import dev.bulwark.spi.CommandPlugin;

/** Adds {@code bulwark data scan|mask}. */
public final class DataCommandPlugin implements CommandPlugin {

  @Override
  public Object command() {
    return new DataCommand();
  }
}
