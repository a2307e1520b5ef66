package dev.bulwark.policy.cli;

import dev.bulwark.spi.CommandPlugin;

/** Adds {@code bulwark policy test|lint}. */
public final class PolicyCommandPlugin implements CommandPlugin {

  @Override
  public Object command() {
    return new PolicyCommand();
  }
}
