package dev.bulwark.secrets.baseline;

import dev.bulwark.spi.CommandPlugin;

/** Adds {@code bulwark secrets} (with {@code baseline}). */
public final class SecretsCommandPlugin implements CommandPlugin {
  @Override
  public Object command() {
    return new SecretsCommand();
  }
}
