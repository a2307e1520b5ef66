package dev.bulwark.data.mask;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.detect.ColumnFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides a {@link ColumnPlan} per column from the rules file and, with {@code --auto}, from a detection
 * report: explicit column rules first; then detected columns get their entity's rule (or the default:
 * pseudonyms for e-mail, phone, card and person columns, keyed hashes for other identifiers, entity tags
 * for spans inside free text). Columns with neither are copied unchanged.
 */
public final class MaskPlanner {

  private MaskPlanner() {}

  /**
   * @param detected a detection report over (a sample of) the input: gives explicit rules their entity (so a
   *     pseudonym keeps an e-mail's format) and, when {@code auto}, adds plans for detected columns
   */
  public static Map<String, ColumnPlan> plan(List<String> columns, MaskRules rules, List<ColumnFinding> detected,
      boolean auto, Supplier<MaskKey> key) {
    Map<String, ColumnPlan> plans = new LinkedHashMap<>();
    for (String column : columns) {
      MaskRules.Rule explicit = rules.columns().get(column);
      if (explicit != null) {
        if (!explicit.keep()) {
          ColumnFinding f = strongest(detected, column);
          plans.put(column, new ColumnPlan(column, explicit.operator(), explicit.scope(), f == null ? null : f.entity(), "rules"));
        }
        continue;
      }
      ColumnFinding f = auto ? strongest(detected, column) : null;
      if (f == null) {
        continue;
      }
      ColumnPlan.Scope scope = f.freeText() ? ColumnPlan.Scope.SPANS : ColumnPlan.Scope.VALUE;
      MaskRules.Rule r = rules.entities().get(f.entity());
      if (r == null) {
        r = rules.entityDefault();
      }
      if (r != null && r.keep()) {
        continue;
      }
      MaskOperator op = r != null ? r.operator() : defaultFor(f.entity(), scope, key);
      plans.put(column, new ColumnPlan(column, op, scope, f.entity(), "detected"));
    }
    for (String named : rules.columns().keySet()) {
      if (!columns.contains(named)) {
        throw new IllegalArgumentException("rules name column '" + named + "' which the input does not have (columns: "
            + columns + ")");
      }
    }
    return plans;
  }

  static MaskOperator defaultFor(PiiEntity e, ColumnPlan.Scope scope, Supplier<MaskKey> key) {
    if (scope == ColumnPlan.Scope.SPANS) {
      return new MaskOperator.Tag();
    }
    return switch (e) {
      case EMAIL, PHONE, CREDIT_CARD, PERSON, IBAN, DATE_OF_BIRTH -> new MaskOperator.Pseudonym(key.get());
      default -> new MaskOperator.KeyedHash(key.get(), 16);
    };
  }

  private static ColumnFinding strongest(List<ColumnFinding> detected, String column) {
    ColumnFinding best = null;
    for (ColumnFinding f : detected) {
      if (f.column().equals(column) && (best == null || f.share() > best.share())) {
        best = f;
      }
    }
    return best;
  }
}
