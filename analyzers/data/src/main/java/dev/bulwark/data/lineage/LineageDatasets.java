package dev.bulwark.data.lineage;

import dev.bulwark.data.detect.ColumnFinding;
import dev.bulwark.data.mask.MaskSummary;
import io.openlineage.client.OpenLineage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds OpenLineage datasets for local files (namespace {@code file}, name the absolute path) with schema
 * facets, and the column-lineage facet that records what masking did to each output column.
 */
public final class LineageDatasets {

  public static final String FILE_NAMESPACE = "file";

  private LineageDatasets() {}

  /** Column name → type (type may be null: "string" is then used, as CSV columns are text). */
  public static OpenLineage.SchemaDatasetFacet schema(OpenLineage ol, Map<String, String> columns) {
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
    columns.forEach((name, type) -> fields.add(ol.newSchemaDatasetFacetFieldsBuilder().name(name)
        .type(type == null ? "string" : type).build()));
    return ol.newSchemaDatasetFacet(fields);
  }

  public static OpenLineage.InputDataset input(OpenLineage ol, Path file, Map<String, String> columns,
      List<ColumnFinding> pii) {
    OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder().schema(schema(ol, columns));
    if (pii != null && !pii.isEmpty()) {
      List<OpenLineage.TagsDatasetFacetFields> tags = new ArrayList<>();
      for (ColumnFinding f : pii) {
        tags.add(ol.newTagsDatasetFacetFieldsBuilder().key("pii").value(f.entity().id()).field(f.column())
            .source("bulwark").build());
      }
      facets.tags(ol.newTagsDatasetFacetBuilder().tags(tags).build());
    }
    return ol.newInputDatasetBuilder().namespace(FILE_NAMESPACE).name(file.toAbsolutePath().normalize().toString())
        .facets(facets.build()).build();
  }

  /** The masked output: its schema and, per kept column, the input column it came from and how. */
  public static OpenLineage.OutputDataset output(OpenLineage ol, Path in, Path out, MaskSummary summary) {
    String inName = in.toAbsolutePath().normalize().toString();
    Map<String, String> schema = new java.util.LinkedHashMap<>();
    OpenLineage.ColumnLineageDatasetFacetFieldsBuilder lineage = ol.newColumnLineageDatasetFacetFieldsBuilder();
    for (MaskSummary.ColumnSummary c : summary.columns()) {
      if (c.action().equals("dropped")) {
        continue;
      }
      boolean masked = c.action().equals("masked");
      schema.put(c.name(), masked ? "string" : c.type());
      String description = masked ? "masked with " + c.operator() + " (" + c.scope() + ")"
          + (c.entity() == null ? "" : " for " + c.entity()) : "copied unchanged";
      OpenLineage.InputFieldTransformations t = ol.newInputFieldTransformationsBuilder()
          .type("DIRECT").subtype(masked ? "TRANSFORMATION" : "IDENTITY").description(description).masking(masked)
          .build();
      OpenLineage.InputField field = ol.newInputFieldBuilder().namespace(FILE_NAMESPACE).name(inName)
          .field(c.name()).transformations(List.of(t)).build();
      lineage.put(c.name(), ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder().inputFields(List.of(field))
          .transformationType(masked ? "MASKED" : "IDENTITY").transformationDescription(description).build());
    }
    OpenLineage.DatasetFacets facets = ol.newDatasetFacetsBuilder().schema(schema(ol, schema))
        .columnLineage(ol.newColumnLineageDatasetFacetBuilder().fields(lineage.build()).build()).build();
    return ol.newOutputDatasetBuilder().namespace(FILE_NAMESPACE).name(out.toAbsolutePath().normalize().toString())
        .facets(facets).build();
  }

  /** The output dataset announced in START, before its columns are known. */
  public static OpenLineage.OutputDataset plannedOutput(OpenLineage ol, Path out) {
    return ol.newOutputDatasetBuilder().namespace(FILE_NAMESPACE).name(out.toAbsolutePath().normalize().toString()).build();
  }
}
