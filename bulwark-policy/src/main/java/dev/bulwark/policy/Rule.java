package dev.bulwark.policy;

import dev.bulwark.model.Severity;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Objects;

/**
 * One compiled rule of a policy file. {@code match} is evaluated over the variables of {@code input}; for
 * findings and components it returns a bool, for IaC inputs it may also return hits (see
 * {@link CelEnvironment}). {@code docs} is a link or path to the rule's documentation, may be empty.
 */
public record Rule(String id, String title, String description, Severity severity, Action action, InputKind input,
    String match, SourcePos at, CelRuntime.Program program, MessageTemplate message, String docs) {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(program, "program");
    title = title == null || title.isBlank() ? id : title;
    description = description == null ? "" : description;
    docs = docs == null ? "" : docs;
  }

  public Object evaluate(Map<String, Object> variables) throws CelEvaluationException {
    return program.eval(variables);
  }

  /** True when a bool result is true or a hit list is non-empty. */
  public static boolean matched(Object result) {
    if (result instanceof Boolean b) {
      return b;
    }
    if (result instanceof java.util.Collection<?> c) {
      return !c.isEmpty();
    }
    if (result instanceof String s) {
      return !s.isEmpty();
    }
    return result instanceof Map<?, ?>;
  }
}
