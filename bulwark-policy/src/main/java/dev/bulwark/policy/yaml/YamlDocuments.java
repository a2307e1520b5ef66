package dev.bulwark.policy.yaml;

import java.util.List;

/**
 * The documents of one YAML stream as plain values ({@code Map<String,Object>} in document order,
 * {@code List<Object>}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} and CEL's
 * {@code NullValue}) plus where each node starts. {@code lines} is the text split into lines, for
 * positions inside block scalars.
 */
public record YamlDocuments(List<Object> documents, Positions positions, List<Pos> documentStarts, String text) {

  public YamlDocuments {
    documents = java.util.Collections.unmodifiableList(documents);
    documentStarts = List.copyOf(documentStarts);
  }
}
