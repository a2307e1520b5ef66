package dev.bulwark.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

/** The official SARIF 2.1.0 and SPDX 2.3 JSON schemas (see schemas/SOURCES.md), loaded offline. */
final class JsonSchemas {
  private JsonSchemas() {}

  static List<String> validate(String schemaFile, SpecificationVersion dialect, String json) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect);
    try (InputStream in = Files.newInputStream(Paths.get("src/test/resources/schemas").resolve(schemaFile))) {
      Schema schema = registry.getSchema(in);
      return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
  }

  static List<String> sarif(String json) throws IOException {
    return validate("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, json);
  }

  static List<String> spdx(String json) throws IOException {
    return validate("spdx-schema-2.3.json", SpecificationVersion.DRAFT_2019_09, json);
  }
}
