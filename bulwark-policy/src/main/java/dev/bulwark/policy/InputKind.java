package dev.bulwark.policy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule's {@code match} expression is evaluated over: the input's name (written {@code input:} in a
 * rule) and the variables it declares. {@code finding} is the default; IaC checks add their own
 * ({@code dockerfile}, {@code kubernetes}...).
 */
public record InputKind(String name, Map<String, CelType> variables) {

  public static final CelType MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
  public static final CelType LIST = ListType.create(SimpleType.DYN);

  /** A finding, its component (empty map when none), the whole inventory and the policy parameters. */
  public static final InputKind FINDING = builder("finding")
      .map("finding").map("component").list("inventory").map("params").build();

  /** A component of the inventory, the whole inventory and the policy parameters. */
  public static final InputKind COMPONENT = builder("component")
      .map("component").list("inventory").map("params").build();

  public InputKind {
    Objects.requireNonNull(name, "name");
    variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public static final class Builder {
    private final String name;
    private final Map<String, CelType> variables = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder map(String variable) {
      variables.put(variable, MAP);
      return this;
    }

    public Builder list(String variable) {
      variables.put(variable, LIST);
      return this;
    }

    public Builder dyn(String variable) {
      variables.put(variable, SimpleType.DYN);
      return this;
    }

    public InputKind build() {
      return new InputKind(name, variables);
    }
  }
}
