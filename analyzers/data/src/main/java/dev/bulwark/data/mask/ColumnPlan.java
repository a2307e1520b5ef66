package dev.bulwark.data.mask;

import dev.bulwark.data.PiiEntity;

/**
 * What happens to one column: the operator applied to the whole value ({@link Scope#VALUE}) or to each PII
 * span detected inside it ({@link Scope#SPANS}, for free text), why ({@code source}: rules file or
 * detection), and the entity when known.
 */
public record ColumnPlan(String column, MaskOperator operator, Scope scope, PiiEntity entity, String source) {

  public enum Scope { VALUE, SPANS }

  public boolean drops() {
    return operator instanceof MaskOperator.Drop;
  }
}
