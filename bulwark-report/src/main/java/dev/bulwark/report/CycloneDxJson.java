package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.Considerations;
import org.cyclonedx.model.component.modelCard.InputOutputParameter;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * Writes the CycloneDX 1.6 model that {@link CycloneDxBom} builds as JSON with Jackson's streaming
 * generator, field for field as cyclonedx-core-java's generator writes it (same names, order and pretty
 * printing; {@code CycloneDxReportWriterTest} compares the two).
 *
 * <p>Why not the library's generator: its first call builds an ObjectMapper with custom serializers and
 * introspects every model class, about 0.6–0.9 s of a cold start, which made {@code bulwark sbom} on a small
 * project several times slower than it needs to be. Only the fields {@link CycloneDxBom},
 * {@link CycloneDxModelCards} and {@link CycloneDxVulnerabilities} set are written; a new field set there
 * must be added here too (the comparison test fails until it is).
 */
final class CycloneDxJson {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  /** The library's layout: two-space indent, every array element and object field on its own line. */
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private CycloneDxJson() {}

  static void write(Bom bom, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(PRETTY.createInstance());
      g.writeStartObject();
      g.writeStringField("bomFormat", "CycloneDX");
      g.writeStringField("specVersion", "1.6");
      string(g, "serialNumber", bom.getSerialNumber());
      g.writeNumberField("version", bom.getVersion());
      if (bom.getMetadata() != null) {
        g.writeFieldName("metadata");
        metadata(g, bom.getMetadata());
      }
      if (bom.getComponents() != null && !bom.getComponents().isEmpty()) {
        g.writeArrayFieldStart("components");
        for (Component c : bom.getComponents()) {
          component(g, c);
        }
        g.writeEndArray();
      }
      if (bom.getDependencies() != null && !bom.getDependencies().isEmpty()) {
        g.writeArrayFieldStart("dependencies");
        for (Dependency d : bom.getDependencies()) {
          g.writeStartObject();
          g.writeStringField("ref", d.getRef());
          // the library writes an empty dependsOn for a leaf: "depends on nothing", not "unknown"
          g.writeArrayFieldStart("dependsOn");
          if (d.getDependencies() != null) {
            for (Dependency on : d.getDependencies()) {
              g.writeString(on.getRef());
            }
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (bom.getVulnerabilities() != null && !bom.getVulnerabilities().isEmpty()) {
        g.writeArrayFieldStart("vulnerabilities");
        for (Vulnerability v : bom.getVulnerabilities()) {
          vulnerability(g, v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
  }

  private static void metadata(JsonGenerator g, Metadata m) throws IOException {
    g.writeStartObject();
    if (m.getTimestamp() != null) {
      g.writeStringField("timestamp", m.getTimestamp().toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (m.getToolChoice() != null && m.getToolChoice().getComponents() != null) {
      g.writeObjectFieldStart("tools");
      g.writeArrayFieldStart("components");
      for (Component c : m.getToolChoice().getComponents()) {
        component(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    if (m.getComponent() != null) {
      g.writeFieldName("component");
      component(g, m.getComponent());
    }
    properties(g, m.getProperties());
    g.writeEndObject();
  }

  private static void component(JsonGenerator g, Component c) throws IOException {
    g.writeStartObject();
    if (c.getType() != null) {
      g.writeStringField("type", c.getType().getTypeName());
    }
    string(g, "bom-ref", c.getBomRef());
    string(g, "group", c.getGroup());
    string(g, "name", c.getName());
    string(g, "version", c.getVersion());
    if (c.getScope() != null) {
      g.writeStringField("scope", c.getScope().getScopeName());
    }
    if (c.getHashes() != null && !c.getHashes().isEmpty()) {
      g.writeArrayFieldStart("hashes");
      for (Hash h : c.getHashes()) {
        g.writeStartObject();
        g.writeStringField("alg", h.getAlgorithm());
        g.writeStringField("content", h.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    licenses(g, c.getLicenses());
    string(g, "purl", c.getPurl());
    properties(g, c.getProperties());
    if (c.getModelCard() != null) {
      g.writeFieldName("modelCard");
      modelCard(g, c.getModelCard());
    }
    g.writeEndObject();
  }

  private static void licenses(JsonGenerator g, LicenseChoice choice) throws IOException {
    if (choice == null) {
      return;
    }
    if (choice.getExpression() != null) {
      g.writeArrayFieldStart("licenses");
      g.writeStartObject();
      g.writeStringField("expression", choice.getExpression().getValue());
      g.writeEndObject();
      g.writeEndArray();
    } else if (choice.getLicenses() != null && !choice.getLicenses().isEmpty()) {
      g.writeArrayFieldStart("licenses");
      for (License l : choice.getLicenses()) {
        g.writeStartObject();
        g.writeObjectFieldStart("license");
        string(g, "id", l.getId());
        string(g, "name", l.getName());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  private static void modelCard(JsonGenerator g, ModelCard card) throws IOException {
    g.writeStartObject();
    ModelParameters p = card.getModelParameters();
    if (p != null) {
      g.writeObjectFieldStart("modelParameters");
      if (p.getApproach() != null && p.getApproach().getType() != null) {
        g.writeObjectFieldStart("approach");
        g.writeStringField("type", p.getApproach().getType().getTypeName());
        g.writeEndObject();
      }
      string(g, "task", p.getTask());
      string(g, "architectureFamily", p.getArchitectureFamily());
      string(g, "modelArchitecture", p.getModelArchitecture());
      if (p.getDatasets() != null && !p.getDatasets().isEmpty()) {
        g.writeArrayFieldStart("datasets");
        for (DatasetChoice d : p.getDatasets()) {
          g.writeStartObject();
          string(g, "ref", d.getRef());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      formats(g, "inputs", p.getInputs());
      formats(g, "outputs", p.getOutputs());
      g.writeEndObject();
    }
    Considerations c = card.getConsiderations();
    if (c != null) {
      g.writeObjectFieldStart("considerations");
      strings(g, "users", c.getUsers());
      strings(g, "useCases", c.getUseCases());
      strings(g, "technicalLimitations", c.getTechnicalLimitations());
      strings(g, "performanceTradeoffs", c.getPerformanceTradeoffs());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void formats(JsonGenerator g, String field, List<InputOutputParameter> values) throws IOException {
    if (values == null || values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (InputOutputParameter io : values) {
      g.writeStartObject();
      string(g, "format", io.getFormat());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void vulnerability(JsonGenerator g, Vulnerability v) throws IOException {
    g.writeStartObject();
    string(g, "bom-ref", v.getBomRef());
    string(g, "id", v.getId());
    source(g, v.getSource());
    if (v.getReferences() != null && !v.getReferences().isEmpty()) {
      g.writeArrayFieldStart("references");
      for (Vulnerability.Reference r : v.getReferences()) {
        g.writeStartObject();
        string(g, "id", r.getId());
        source(g, r.getSource());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (v.getRatings() != null && !v.getRatings().isEmpty()) {
      g.writeArrayFieldStart("ratings");
      for (Vulnerability.Rating r : v.getRatings()) {
        g.writeStartObject();
        source(g, r.getSource());
        if (r.getScore() != null) {
          g.writeNumberField("score", r.getScore());
        }
        if (r.getSeverity() != null) {
          g.writeStringField("severity", r.getSeverity().getSeverityName());
        }
        if (r.getMethod() != null) {
          g.writeStringField("method", r.getMethod().getMethodName());
        }
        string(g, "vector", r.getVector());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    string(g, "description", v.getDescription());
    string(g, "detail", v.getDetail());
    string(g, "recommendation", v.getRecommendation());
    if (v.getAdvisories() != null && !v.getAdvisories().isEmpty()) {
      g.writeArrayFieldStart("advisories");
      for (Vulnerability.Advisory a : v.getAdvisories()) {
        g.writeStartObject();
        string(g, "title", a.getTitle());
        string(g, "url", a.getUrl());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    Vulnerability.Analysis a = v.getAnalysis();
    if (a != null) {
      g.writeObjectFieldStart("analysis");
      if (a.getState() != null) {
        g.writeStringField("state", a.getState().getStateName());
      }
      if (a.getJustification() != null) {
        g.writeStringField("justification", a.getJustification().getJustificationName());
      }
      string(g, "detail", a.getDetail());
      g.writeEndObject();
    }
    if (v.getAffects() != null && !v.getAffects().isEmpty()) {
      g.writeArrayFieldStart("affects");
      for (Vulnerability.Affect affect : v.getAffects()) {
        g.writeStartObject();
        string(g, "ref", affect.getRef());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    properties(g, v.getProperties());
    g.writeEndObject();
  }

  private static void source(JsonGenerator g, Vulnerability.Source s) throws IOException {
    if (s == null) {
      return;
    }
    g.writeObjectFieldStart("source");
    string(g, "name", s.getName());
    string(g, "url", s.getUrl());
    g.writeEndObject();
  }

  private static void properties(JsonGenerator g, List<Property> props) throws IOException {
    if (props == null || props.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("properties");
    for (Property p : props) {
      g.writeStartObject();
      string(g, "name", p.getName());
      string(g, "value", p.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    if (values == null || values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  private static void string(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }
}
