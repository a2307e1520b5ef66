package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Pickle imports a callable that is not on the allowlist. */
public final class PickleUnknownCallableRule extends ModelRule {
  public static final PickleUnknownCallableRule INSTANCE = new PickleUnknownCallableRule();

  private PickleUnknownCallableRule() {
    super("model/pickle-unknown-callable", "Pickle imports a callable that is not on the allowlist", Severity.MEDIUM,
        "The pickle stream imports a callable that is neither on the allowlist of callables known to be safe in model files nor on the denylist. Loading the file imports its module and calls it; review whether it is expected.",
        "Review the callable. If it belongs to a framework you use, enable its pack with `model.allow` (sklearn, xgboost, lightgbm, transformers) or waive the finding; prefer safetensors.");
  }
}
