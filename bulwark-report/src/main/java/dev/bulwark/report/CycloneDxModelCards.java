package dev.bulwark.report;

import dev.bulwark.model.Component;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.Considerations;
import org.cyclonedx.model.component.modelCard.InputOutputParameter;
import org.cyclonedx.model.component.modelCard.ModelParameters;

/**
 * A CycloneDX {@code modelCard} from a model component's properties. Keys (documented in
 * docs/report-format.md): {@code bulwark:modelCard:task|architectureFamily|modelArchitecture|approach}
 * (single values), {@code bulwark:modelCard:inputs|outputs|datasets} (comma-separated formats or
 * bom-refs), {@code bulwark:modelCard:users|useCases|technicalLimitations|performanceTradeoffs} (one
 * entry per line). {@code bulwark:model:*} facts stay component properties.
 */
final class CycloneDxModelCards {
  static final String CARD = "bulwark:modelCard:";
  static final String MODEL = "bulwark:model:";

  private CycloneDxModelCards() {}

  static Optional<ModelCard> of(Component c) {
    Map<String, String> p = c.properties();
    if (p.keySet().stream().noneMatch(k -> k.startsWith(CARD))) {
      return Optional.empty();
    }
    ModelCard card = new ModelCard();
    ModelParameters params = new ModelParameters();
    boolean hasParams = false;
    String approach = p.get(CARD + "approach");
    if (approach != null) {
      String wanted = approach.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      for (ModelParameters.Approach.ApproachType t : ModelParameters.Approach.ApproachType.values()) {
        if (t.name().equals(wanted)) {
          ModelParameters.Approach a = new ModelParameters.Approach();
          a.setType(t);
          params.setApproach(a);
          hasParams = true;
        }
      }
    }
    if (p.containsKey(CARD + "task")) {
      params.setTask(p.get(CARD + "task"));
      hasParams = true;
    }
    if (p.containsKey(CARD + "architectureFamily")) {
      params.setArchitectureFamily(p.get(CARD + "architectureFamily"));
      hasParams = true;
    }
    if (p.containsKey(CARD + "modelArchitecture")) {
      params.setModelArchitecture(p.get(CARD + "modelArchitecture"));
      hasParams = true;
    }
    List<InputOutputParameter> inputs = formats(p.get(CARD + "inputs"));
    if (!inputs.isEmpty()) {
      params.setInputs(inputs);
      hasParams = true;
    }
    List<InputOutputParameter> outputs = formats(p.get(CARD + "outputs"));
    if (!outputs.isEmpty()) {
      params.setOutputs(outputs);
      hasParams = true;
    }
    List<DatasetChoice> datasets = new ArrayList<>();
    for (String ref : split(p.get(CARD + "datasets"), ",")) {
      DatasetChoice d = new DatasetChoice();
      d.setRef(ref);
      datasets.add(d);
    }
    if (!datasets.isEmpty()) {
      params.setDatasets(datasets);
      hasParams = true;
    }
    if (hasParams) {
      card.setModelParameters(params);
    }
    Considerations cons = new Considerations();
    boolean hasCons = false;
    List<String> users = split(p.get(CARD + "users"), "\n");
    if (!users.isEmpty()) {
      cons.setUsers(users);
      hasCons = true;
    }
    List<String> useCases = split(p.get(CARD + "useCases"), "\n");
    if (!useCases.isEmpty()) {
      cons.setUseCases(useCases);
      hasCons = true;
    }
    List<String> limits = split(p.get(CARD + "technicalLimitations"), "\n");
    if (!limits.isEmpty()) {
      cons.setTechnicalLimitations(limits);
      hasCons = true;
    }
    List<String> tradeoffs = split(p.get(CARD + "performanceTradeoffs"), "\n");
    if (!tradeoffs.isEmpty()) {
      cons.setPerformanceTradeoffs(tradeoffs);
      hasCons = true;
    }
    if (hasCons) {
      card.setConsiderations(cons);
    }
    // bulwark:model:* facts stay in the component's properties only: cyclonedx-core-java 12.2.0 writes
    // modelCard/properties before modelParameters in XML, which the 1.6 XSD rejects.
    if (!hasParams && !hasCons) {
      return Optional.empty();
    }
    return Optional.of(card);
  }

  private static List<InputOutputParameter> formats(String value) {
    List<InputOutputParameter> out = new ArrayList<>();
    for (String f : split(value, ",")) {
      InputOutputParameter io = new InputOutputParameter();
      io.setFormat(f);
      out.add(io);
    }
    return out;
  }

  private static List<String> split(String value, String separator) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
