package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads CycloneDX JSON (any 1.x) as a stream: metadata, components (with nested components) and the
 * dependency graph, one array element at a time so memory follows the component count, not the file.
 */
final class CycloneDxJsonReader {
  private static final int MAX_NESTING = 32;

  private CycloneDxJsonReader() {}

  static void read(JsonParser p, ObjectMapper mapper, SbomAssembler out, int maxComponents) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new SbomFormatException("a CycloneDX JSON document must be an object");
    }
    boolean cyclonedx = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "bomFormat" -> cyclonedx = "CycloneDX".equals(p.getValueAsString());
        case "metadata" -> metadata(mapper.readTree(p), out, maxComponents);
        case "components" -> eachElement(p, value, mapper, node -> component(node, out, false, 0, maxComponents));
        case "dependencies" -> eachElement(p, value, mapper, node -> dependency(node, out));
        default -> p.skipChildren();
      }
    }
    if (!cyclonedx) {
      throw new SbomFormatException("\"bomFormat\": \"CycloneDX\" is missing");
    }
  }

  private static void eachElement(JsonParser p, JsonToken start, ObjectMapper mapper, IoConsumer<JsonNode> each)
      throws IOException {
    if (start == JsonToken.VALUE_NULL) {
      return;
    }
    if (start != JsonToken.START_ARRAY) {
      throw new SbomFormatException("\"" + p.currentName() + "\" must be an array");
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      each.accept(mapper.readTree(p));
    }
  }

  interface IoConsumer<T> {
    void accept(T t) throws IOException;
  }

  private static void metadata(JsonNode m, SbomAssembler out, int max) throws IOException {
    JsonNode subject = m.path("component");
    if (subject.isObject()) {
      component(subject, out, true, 0, max);
      out.root(text(subject, "bom-ref"));
    }
    JsonNode tools = m.path("tools");
    JsonNode toolList = tools.isArray() ? tools : tools.path("components");
    for (JsonNode t : toolList) {
      if ("bulwark".equals(text(t, "name")) && ("dev.bulwark".equals(text(t, "group")) || tools.isArray())) {
        out.writtenByBulwark();
      }
    }
  }

  private static void component(JsonNode c, SbomAssembler out, boolean subject, int depth, int max) throws IOException {
    if (!c.isObject()) {
      throw new SbomFormatException("a component must be an object");
    }
    if (depth > MAX_NESTING) {
      throw new SbomFormatException("components nested deeper than " + MAX_NESTING);
    }
    if (out.size() >= max) {
      throw new SbomFormatException("more than " + max + " components");
    }
    SbomEntry e = new SbomEntry();
    e.subject = subject;
    e.bomRef = text(c, "bom-ref");
    e.type = text(c, "type");
    e.group = text(c, "group");
    e.name = text(c, "name");
    e.version = text(c, "version");
    e.purl = text(c, "purl");
    e.scope = text(c, "scope");
    for (JsonNode l : c.path("licenses")) {
      String expression = text(l, "expression");
      if (expression != null) {
        e.licenses.add(expression);
      } else {
        String id = text(l.path("license"), "id");
        String name = text(l.path("license"), "name");
        if (id != null || name != null) {
          e.licenses.add(id != null ? id : name);
        }
      }
    }
    for (JsonNode h : c.path("hashes")) {
      addHash(e, text(h, "alg"), text(h, "content"));
    }
    for (JsonNode prop : c.path("properties")) {
      String name = text(prop, "name");
      String value = text(prop, "value");
      if (name != null && value != null) {
        e.properties.add(new String[] {name, value});
      }
    }
    out.add(e);
    for (JsonNode nested : c.path("components")) {
      component(nested, out, false, depth + 1, max);
    }
  }

  private static void dependency(JsonNode d, SbomAssembler out) {
    String ref = text(d, "ref");
    for (JsonNode to : d.path("dependsOn")) {
      out.edge(ref, to.isTextual() ? to.asText() : text(to, "ref"));
    }
  }

  static void addHash(SbomEntry e, String alg, String content) {
    HashAlgorithm.parse(alg).ifPresent(a -> a.hex(content).ifPresent(hex -> e.hashes.put(a.key(), hex)));
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

}
