package dev.bulwark.sbom.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of the fields of every object held under a field named {@code container} (e.g. the keys of
 * {@code "packages"} in package-lock.json), from one streaming pass. Keyed {@code container + '\0' + name};
 * the first occurrence wins. Returns an empty map for text that does not parse: the tree parse reports that.
 */
public final class JsonFieldLines {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build()).build();

  private JsonFieldLines() {}

  public static Map<String, Integer> of(String text, java.util.Set<String> containers) {
    Map<String, Integer> out = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      ArrayDeque<String> names = new ArrayDeque<>();
      String pending = "";
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case FIELD_NAME -> {
            pending = p.currentName();
            String parent = names.peek();
            if (parent != null && containers.contains(parent)) {
              out.putIfAbsent(parent + '\0' + pending, p.currentLocation().getLineNr());
            }
          }
          case START_OBJECT, START_ARRAY -> {
            names.push(pending);
            pending = "";
          }
          case END_OBJECT, END_ARRAY -> names.poll();
          default -> pending = "";
        }
      }
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }
}
