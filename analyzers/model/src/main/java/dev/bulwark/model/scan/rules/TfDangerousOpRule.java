package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** TensorFlow graph uses an operation that runs Python or touches files. */
public final class TfDangerousOpRule extends ModelRule {
  public static final TfDangerousOpRule INSTANCE = new TfDangerousOpRule();

  private TfDangerousOpRule() {
    super("model/tf-dangerous-op", "TensorFlow graph uses an operation that runs Python or touches files", Severity.CRITICAL,
        "The SavedModel graph contains operations that call back into Python (PyFunc, EagerPyFunc, PyFuncStateless) or read, write or list files (ReadFile, WriteFile, MatchingFiles, Save/Restore to attacker-chosen paths...). Serving the model runs them.",
        "Remove the operations from the graph, or serve the model only in an isolated environment without file system access.");
  }
}
