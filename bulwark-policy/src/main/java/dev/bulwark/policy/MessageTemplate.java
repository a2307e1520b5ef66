package dev.bulwark.policy;

import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message with {@code {{ expression }}} holes, each a CEL expression over the rule's input compiled once
 * (plus {@code detail}, the detail a hit carries). A hole that fails to evaluate renders as {@code ?}.
 */
public final class MessageTemplate {
  private final String source;
  private final List<Object> parts;

  private MessageTemplate(String source, List<Object> parts) {
    this.source = source;
    this.parts = parts;
  }

  public static MessageTemplate literal(String text) {
    return new MessageTemplate(text, List.of(text));
  }

  /** Compiles the holes; a bad hole throws with its offset in {@code source} as the exception's context. */
  public static MessageTemplate compile(String source, InputKind kind) throws TemplateException {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      int open = source.indexOf("{{", i);
      if (open < 0) {
        parts.add(source.substring(i));
        break;
      }
      int close = source.indexOf("}}", open + 2);
      if (close < 0) {
        throw new TemplateException(open, "unclosed '{{' in message");
      }
      if (open > i) {
        parts.add(source.substring(i, open));
      }
      String expr = source.substring(open + 2, close).strip();
      try {
        parts.add(CelEnvironment.compile(kind, expr, List.of("detail")));
      } catch (CelValidationException e) {
        String m = e.getErrors().isEmpty() ? e.getMessage() : e.getErrors().get(0).getMessage();
        throw new TemplateException(open, "in message expression '" + expr + "': " + m);
      }
      i = close + 2;
    }
    return new MessageTemplate(source, List.copyOf(parts));
  }

  public String source() {
    return source;
  }

  public String render(Map<String, Object> variables) {
    StringBuilder b = new StringBuilder();
    for (Object p : parts) {
      if (p instanceof String s) {
        b.append(s);
      } else {
        try {
          Object v = ((CelRuntime.Program) p).eval(variables);
          b.append(v instanceof dev.cel.common.values.NullValue ? "null" : String.valueOf(v));
        } catch (CelEvaluationException | RuntimeException e) {
          b.append('?');
        }
      }
    }
    return b.toString();
  }

  /** A message template that does not compile; {@code offset} is where in the template. */
  public static final class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public TemplateException(int offset, String message) {
      super(message);
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }
  }
}
