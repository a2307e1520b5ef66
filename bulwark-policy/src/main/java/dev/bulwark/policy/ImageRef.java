package dev.bulwark.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container image reference split into its parts: {@code [registry/]repository[:tag][@digest]}.
 * Exposed to CEL as {@code image(ref)}.
 */
public record ImageRef(String ref, String registry, String repository, String tag, String digest, boolean variable) {

  public static ImageRef parse(String text) {
    String ref = text == null ? "" : text.strip();
    boolean variable = ref.contains("$") || ref.contains("{{") || ref.contains("<%");
    String rest = ref;
    String digest = "";
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = "";
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = "";
    int first = rest.indexOf('/');
    if (first > 0) {
      String head = rest.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        registry = head;
        rest = rest.substring(first + 1);
      }
    }
    return new ImageRef(ref, registry, rest, tag, digest, variable);
  }

  /** Pinned to content: a digest such as {@code sha256:...}. */
  public boolean pinned() {
    return digest.contains(":") && digest.length() > 10;
  }

  /** No tag and no digest (means {@code latest}), or the tag {@code latest}. */
  public boolean latest() {
    return !pinned() && (tag.isEmpty() || tag.equalsIgnoreCase("latest"));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", ref);
    m.put("registry", registry);
    m.put("repository", repository);
    m.put("name", registry.isEmpty() ? repository : registry + "/" + repository);
    m.put("tag", tag);
    m.put("digest", digest);
    m.put("pinned", pinned());
    m.put("latest", latest());
    m.put("variable", variable);
    m.put("scratch", repository.equals("scratch") && tag.isEmpty() && digest.isEmpty());
    return m;
  }
}
