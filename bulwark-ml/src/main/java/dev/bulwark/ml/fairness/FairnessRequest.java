package dev.bulwark.ml.fairness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to audit. {@code predictionPositive} empty means "same values as the label"; {@code threshold}
 * non-null turns a score column into a prediction (score >= threshold). {@code referenceGroups} maps an
 * attribute to its reference group for disparate impact.
 */
public record FairnessRequest(
    Path data,
    String label,
    String prediction,
    List<String> sensitive,
    List<String> positiveLabels,
    List<String> predictionPositive,
    Double threshold,
    Map<String, String> referenceGroups,
    int bootstrap,
    long seed,
    double confidence) {

  public static final String INTERSECTION_SEPARATOR = " & ";
  public static final int MAX_GROUPS = 10_000;

  public FairnessRequest {
    sensitive = List.copyOf(sensitive);
    positiveLabels = List.copyOf(positiveLabels);
    predictionPositive = List.copyOf(predictionPositive);
    referenceGroups = Map.copyOf(referenceGroups);
    if (sensitive.isEmpty()) {
      throw new IllegalArgumentException("at least one sensitive column is needed");
    }
    if (bootstrap < 0 || bootstrap > 100_000) {
      throw new IllegalArgumentException("--bootstrap must be between 0 and 100000, got " + bootstrap);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
  }
}
