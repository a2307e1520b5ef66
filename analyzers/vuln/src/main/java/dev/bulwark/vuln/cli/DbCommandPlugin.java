package dev.bulwark.vuln.cli;

import dev.bulwark.spi.CommandPlugin;

/** Registers {@code bulwark db}. */
public final class DbCommandPlugin implements CommandPlugin {
  @Override
  public Object command() {
    return new DbCommand();
  }
}
