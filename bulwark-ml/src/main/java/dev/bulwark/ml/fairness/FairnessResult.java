package dev.bulwark.ml.fairness;

import java.util.List;
import java.util.Map;

/** Everything the fairness audit computed; writers turn it into JSON, HTML, PNG or a table. */
public record FairnessResult(
    String path,
    long rows,
    long excludedRows,
    List<String> attributes,
    List<GroupResult> groups,
    Map<String, AttributeMetrics> metrics,
    Bootstrap.Intervals intervals) {

  public List<GroupResult> groupsOf(String attribute) {
    return groups.stream().filter(g -> g.attribute().equals(attribute)).toList();
  }
}
