package dev.bulwark.policy;

import java.util.Locale;

/** What a rule does when it matches: fail the gate, warn, or only report. */
public enum Action {
  FAIL, WARN, INFO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Action parse(String text) {
    for (Action a : values()) {
      if (a.id().equalsIgnoreCase(text.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown action '" + text + "' (expected fail, warn or info)");
  }
}
