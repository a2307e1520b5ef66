package dev.bulwark.data.mask;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.detect.Detection;
import dev.bulwark.data.detect.TextDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies column plans to rows: drops columns, transforms whole values, or replaces each detected span in
 * free text. Counts changed values per column. Not thread-safe (counters).
 */
public final class RowMasker {

  private final List<String> inputColumns;
  private final ColumnPlan[] plans;
  private final int[] kept;
  private final long[] changed;
  private final TextDetector detector;
  private final MaskRules rules;

  public RowMasker(List<String> inputColumns, Map<String, ColumnPlan> plans, TextDetector detector, MaskRules rules) {
    this.inputColumns = List.copyOf(inputColumns);
    this.plans = new ColumnPlan[inputColumns.size()];
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < inputColumns.size(); i++) {
      ColumnPlan p = plans.get(inputColumns.get(i));
      this.plans[i] = p;
      if (p == null || !p.drops()) {
        keep.add(i);
      }
    }
    this.kept = keep.stream().mapToInt(Integer::intValue).toArray();
    this.changed = new long[inputColumns.size()];
    this.detector = detector;
    this.rules = rules;
  }

  /** Output column names (dropped columns removed). */
  public List<String> outputColumns() {
    List<String> out = new ArrayList<>(kept.length);
    for (int i : kept) {
      out.add(inputColumns.get(i));
    }
    return out;
  }

  public String[] apply(String[] row) {
    String[] out = new String[kept.length];
    for (int k = 0; k < kept.length; k++) {
      int i = kept[k];
      String v = i < row.length ? row[i] : null;
      ColumnPlan p = plans[i];
      if (p == null || v == null || v.isEmpty()) {
        out[k] = v;
        continue;
      }
      String m = p.scope() == ColumnPlan.Scope.VALUE ? p.operator().apply(v, p.entity()) : spans(v, p);
      if (!m.equals(v)) {
        changed[i]++;
      }
      out[k] = m;
    }
    return out;
  }

  private String spans(String v, ColumnPlan p) {
    List<Detection> found = detector.detect(v);
    if (found.isEmpty()) {
      return v;
    }
    StringBuilder b = new StringBuilder(v.length());
    int last = 0;
    for (Detection d : found) {
      b.append(v, last, d.start());
      MaskRules.Rule r = rules.entities().get(d.entity());
      MaskOperator op = r != null && !r.keep() && !(r.operator() instanceof MaskOperator.Drop) ? r.operator() : p.operator();
      if (r != null && r.keep()) {
        b.append(v, d.start(), d.end());
      } else {
        b.append(op instanceof MaskOperator.Drop ? "" : op.apply(v.substring(d.start(), d.end()), d.entity()));
      }
      last = d.end();
    }
    b.append(v, last, v.length());
    return b.toString();
  }

  /** Masks one value of input column {@code i} by its plan, counting a change. */
  public String maskOne(int i, String v) {
    ColumnPlan p = plans[i];
    if (p == null || v == null || v.isEmpty() || p.drops()) {
      return v;
    }
    String m = p.scope() == ColumnPlan.Scope.VALUE ? p.operator().apply(v, p.entity()) : spans(v, p);
    if (!m.equals(v)) {
      changed[i]++;
    }
    return m;
  }

  /** Values changed so far in input column {@code i}. */
  public long changed(int i) {
    return changed[i];
  }

  public PiiEntity entity(int i) {
    return plans[i] == null ? null : plans[i].entity();
  }
}
