package dev.bulwark.sbom.internal;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Map;
import java.util.TreeMap;

/** Builds purl strings through packageurl-java; null when the parts do not make a valid purl. */
public final class Purls {

  private Purls() {}

  public static String of(String type, String namespace, String name, String version) {
    return of(type, namespace, name, version, null);
  }

  public static String of(String type, String namespace, String name, String version, Map<String, String> qualifiers) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      TreeMap<String, String> q = null;
      if (qualifiers != null && !qualifiers.isEmpty()) {
        q = new TreeMap<>();
        for (Map.Entry<String, String> e : qualifiers.entrySet()) {
          if (e.getValue() != null && !e.getValue().isEmpty()) {
            q.put(e.getKey(), e.getValue());
          }
        }
        if (q.isEmpty()) {
          q = null;
        }
      }
      return new PackageURL(type, blankToNull(namespace), name, blankToNull(version), q, null).canonicalize();
    } catch (MalformedPackageURLException | RuntimeException e) {
      return null;
    }
  }

  public static String maven(String group, String artifact, String version) {
    return of("maven", group, artifact, version);
  }

  /**
   * A Maven artifact other than the main jar: the {@code classifier} qualifier when there is one, and
   * {@code type} (the packaging extension) when it is not {@code jar}, as the purl spec's maven type says;
   * without them {@code nd4j-native:1.0} and {@code nd4j-native:linux-x86_64:1.0} would be one component.
   */
  public static String maven(String group, String artifact, String version, String classifier, String type) {
    Map<String, String> q = new TreeMap<>();
    if (classifier != null && !classifier.isBlank()) {
      q.put("classifier", classifier);
    }
    if (type != null && !type.isBlank() && !type.equals("jar")) {
      q.put("type", type);
    }
    return of("maven", group, artifact, version, q);
  }

  /** npm: {@code @scope/name} goes to namespace {@code @scope} and name. */
  public static String npm(String fullName, String version) {
    int slash = fullName.indexOf('/');
    if (fullName.startsWith("@") && slash > 0) {
      return of("npm", fullName.substring(0, slash), fullName.substring(slash + 1), version);
    }
    return of("npm", null, fullName, version);
  }

  /** PyPI names are normalised per PEP 503. */
  public static String pypi(String name, String version) {
    return of("pypi", null, Pep503.normalize(name), version);
  }

  public static String golang(String module, String version) {
    int slash = module.lastIndexOf('/');
    return slash < 0 ? of("golang", null, module, version) : of("golang", module.substring(0, slash), module.substring(slash + 1), version);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
