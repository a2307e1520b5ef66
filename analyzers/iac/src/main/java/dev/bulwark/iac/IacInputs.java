package dev.bulwark.iac;

import dev.bulwark.policy.InputKind;
import dev.bulwark.policy.PolicyInputs;
import java.util.List;

/** Makes the IaC inputs known to every policy file loader. */
public final class IacInputs implements PolicyInputs {

  @Override
  public List<InputKind> inputs() {
    return Checks.ALL;
  }
}
