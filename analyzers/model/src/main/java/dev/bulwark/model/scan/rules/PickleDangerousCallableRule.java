package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Pickle reaches a dangerous callable. */
public final class PickleDangerousCallableRule extends ModelRule {
  public static final PickleDangerousCallableRule INSTANCE = new PickleDangerousCallableRule();

  private PickleDangerousCallableRule() {
    super("model/pickle-dangerous-callable", "Pickle reaches a dangerous callable", Severity.CRITICAL,
        "The pickle stream imports or calls a callable that runs code, starts processes, touches files or the network, imports modules, deserializes a nested payload, or reaches such a callable indirectly (getattr chains, functools.partial, operator.attrgetter, dunder attribute paths, names computed at load time, calls of computed values, or changes to module-level objects). Loading the file runs it.",
        "Do not load the file. Obtain the model from a trusted source, or convert it to a format without code (safetensors) in an isolated environment.");
  }
}
