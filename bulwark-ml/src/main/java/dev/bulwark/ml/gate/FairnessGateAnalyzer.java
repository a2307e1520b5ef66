package dev.bulwark.ml.gate;

import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.fairness.FailOn;
import dev.bulwark.ml.fairness.FairnessAnalysis;
import dev.bulwark.ml.fairness.FairnessRequest;
import dev.bulwark.ml.fairness.FairnessResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.spi.FileTree;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.TargetAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts a fairness audit into {@code bulwark scan}: when {@code ml.fairness.data} is set, audits that
 * file and reports each failed {@code ml.fairness.failOn} condition (default {@code four-fifths}) as a
 * finding {@code fairness/<condition>} per attribute, which the policy gate then judges.
 *
 * <p>Settings: {@code ml.fairness.data}, {@code .label}, {@code .prediction}, {@code .sensitive}
 * (comma-separated), {@code .positiveLabel} (default 1), {@code .predictionPositive}, {@code .threshold},
 * {@code .referenceGroup} (COL=VALUE, comma-separated), {@code .failOn} (comma-separated).
 */
public final class FairnessGateAnalyzer implements TargetAnalyzer {
  static final String PREFIX = "ml.fairness.";

  @Override
  public String id() {
    return "ml-fairness";
  }

  @Override
  public Scanner scanner() {
    return Scanner.POLICY;
  }

  @Override
  public boolean enabled(ScanContext context) {
    return context.setting(PREFIX + "data").isPresent();
  }

  @Override
  public List<Finding> analyze(FileTree tree, ScanContext context) throws Exception {
    MlSettings s = new MlSettings(context);
    Map<String, String> refs = new LinkedHashMap<>();
    for (String r : s.list(PREFIX + "referenceGroup", "")) {
      int eq = r.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("setting " + PREFIX + "referenceGroup expects COL=VALUE, got '" + r + "'");
      }
      refs.put(r.substring(0, eq), r.substring(eq + 1));
    }
    String threshold = s.optional(PREFIX + "threshold", null);
    String dataSetting = s.required(PREFIX + "data");
    FairnessRequest request = new FairnessRequest(s.path(PREFIX + "data"), s.required(PREFIX + "label"),
        s.required(PREFIX + "prediction"), s.list(PREFIX + "sensitive", ""), s.list(PREFIX + "positiveLabel", "1"),
        s.list(PREFIX + "predictionPositive", ""), threshold == null ? null : Double.valueOf(threshold), refs, 0, 0, 0.95);
    List<FailOn> conditions = new ArrayList<>();
    for (String c : s.list(PREFIX + "failOn", "four-fifths")) {
      conditions.add(FailOn.parse(c));
    }
    FairnessResult result;
    try (TableSource source = TableSource.open()) {
      result = FairnessAnalysis.run(source, request);
    }
    List<Finding> findings = new ArrayList<>();
    for (FailOn condition : conditions) {
      for (FailOn.Check check : condition.check(result)) {
        if (!check.failed()) {
          continue;
        }
        String rule = "fairness/" + (condition.text().equals("four-fifths") ? "four-fifths" : condition.metric());
        findings.add(Finding.builder(Scanner.POLICY, rule, Severity.HIGH,
                "Fairness check " + check.condition() + " fails for " + check.attribute())
            .description(String.format(Locale.ROOT, "%s of %s is %.4f (condition %s); reference group %s.",
                condition.metric(), check.attribute(), check.value(), check.condition(),
                result.metrics().get(check.attribute()).referenceGroup()))
            .location(Location.of(dataSetting))
            .evidence("attribute", check.attribute())
            .evidence("metric", condition.metric())
            .evidence("value", check.value())
            .evidence("condition", check.condition())
            .fix("Review the model's behaviour for the groups of " + check.attribute() + "; see docs/fairness.md.")
            .fingerprint(check.attribute() + "|" + check.condition())
            .build());
      }
    }
    return findings;
  }
}
