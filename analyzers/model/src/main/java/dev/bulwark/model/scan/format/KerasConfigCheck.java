package dev.bulwark.model.scan.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Location;
import dev.bulwark.model.scan.ScanSession;
import dev.bulwark.model.scan.rules.KerasCustomObjectRule;
import dev.bulwark.model.scan.rules.KerasLambdaRule;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Keras model configuration ({@code config.json} of a {@code .keras} file, or the
 * {@code model_config} attribute of an HDF5 file) for Lambda layers and objects outside the Keras namespaces.
 */
public final class KerasConfigCheck {
  private static final Set<String> KERAS_NAMESPACES = Set.of("keras", "tensorflow", "tf_keras", "keras_nlp",
      "keras_cv", "keras_hub", "tensorflow_hub");
  private static final int MAX_NODES = 2_000_000;

  private KerasConfigCheck() {}

  public static void check(String label, byte[] json, ScanSession s) {
    JsonNode root;
    try {
      root = Json.parse(json);
    } catch (IOException e) {
      s.malformed(label, "Keras configuration is not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return;
    }
    check(label, root, s);
  }

  public static void check(String label, JsonNode root, ScanSession s) {
    Set<String> reported = new LinkedHashSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    int seen = 0;
    while (!todo.isEmpty() && seen++ < MAX_NODES) {
      JsonNode n = todo.pop();
      if (n.isObject()) {
        inspect(label, n, s, reported);
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          todo.push(e.getValue());
        }
      } else if (n.isArray()) {
        n.forEach(todo::push);
      }
    }
  }

  private static void inspect(String label, JsonNode n, ScanSession s, Set<String> reported) {
    String cls = n.path("class_name").asText("");
    String layerName = n.path("config").path("name").asText(n.path("name").asText(""));
    if (cls.equals("Lambda") || cls.equals("__lambda__")) {
      String what = "Lambda layer '" + layerName + "'";
      if (reported.add(what)) {
        JsonNode fn = n.path("config").path("function");
        s.add(KerasLambdaRule.INSTANCE.finding(Location.of(label), what)
            .evidence("construct", what)
            .evidence("functionType", n.path("config").path("function_type").asText(null))
            .evidence("functionModule", fn.path("module").asText(null))
            .build());
      }
    }
    JsonNode module = n.get("module");
    if (module != null && module.isTextual() && n.has("class_name")) {
      String m = module.asText();
      String top = m.contains(".") ? m.substring(0, m.indexOf('.')) : m;
      if (!KERAS_NAMESPACES.contains(top)) {
        String what = m + "." + cls;
        if (reported.add(what)) {
          s.add(KerasCustomObjectRule.INSTANCE.finding(Location.of(label), what)
              .evidence("construct", what).evidence("layer", layerName.isEmpty() ? null : layerName).build());
        }
      }
    }
    JsonNode registered = n.get("registered_name");
    if (registered != null && registered.isTextual() && registered.asText().contains(">")
        && reported.add(registered.asText())) {
      s.add(KerasCustomObjectRule.INSTANCE.finding(Location.of(label), registered.asText())
          .evidence("construct", "registered custom object " + registered.asText()).build());
    }
  }
}
