package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** GGUF chat template reaches Python internals. */
public final class GgufTemplateInjectionRule extends ModelRule {
  public static final GgufTemplateInjectionRule INSTANCE = new GgufTemplateInjectionRule();

  private GgufTemplateInjectionRule() {
    super("model/gguf-template-injection", "GGUF chat template reaches Python internals", Severity.CRITICAL,
        "The tokenizer.chat_template Jinja template reaches Python internals (dunder attributes such as __globals__, __class__, __subclasses__, the attr filter, imports, os/popen). Servers that render it with a non-sandboxed Jinja environment run attacker code (server-side template injection).",
        "Replace the chat template with a plain one, and render templates only in a sandboxed Jinja environment.");
  }
}
