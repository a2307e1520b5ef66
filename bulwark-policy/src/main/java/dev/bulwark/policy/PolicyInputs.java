package dev.bulwark.policy;

import java.util.List;

/**
 * Adds rule inputs to the policy language (the IaC checks add {@code dockerfile}, {@code kubernetes}...),
 * so that a user's policy directory can hold finding rules and IaC checks side by side. Found with
 * {@link java.util.ServiceLoader}.
 */
public interface PolicyInputs {

  List<InputKind> inputs();

  /** Every input kind on the class path, plus {@code finding} and {@code component}. */
  static List<InputKind> discovered() {
    List<InputKind> out = new java.util.ArrayList<>();
    java.util.ServiceLoader.load(PolicyInputs.class, PolicyInputs.class.getClassLoader())
        .forEach(p -> out.addAll(p.inputs()));
    return List.copyOf(out);
  }
}
