package dev.bulwark.sbom.npm;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The refs of a yarn.lock's descriptors ({@code name@range}, berry's {@code name@npm:range}). Berry binds a relative
 * {@code file:}/{@code portal:} descriptor to the package that declares it ({@code local@file:./x::locator=app%40workspace%3A.}),
 * while that package's entry lists the bare {@code file:./x}: the declaring package's locator completes it.
 */
final class YarnDescriptors {

  private static final String AMBIGUOUS = "";

  private final Map<String, String> refByDescriptor = new HashMap<>();
  /** descriptor without its {@code ::} parameters -> ref, or AMBIGUOUS when several bound descriptors share it */
  private final Map<String, String> refByUnbound = new HashMap<>();

  void put(String descriptor, String ref) {
    refByDescriptor.put(descriptor, ref);
    int params = descriptor.indexOf("::");
    if (params > 0) {
      refByUnbound.merge(descriptor.substring(0, params), ref, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
    }
  }

  /** The ref a dependency {@code name: range} of the entry {@code from} (null: a package.json) points at, or null. */
  String lookup(YarnEntry from, String name, String range) {
    String descriptor = name + "@" + range;
    String to = refByDescriptor.get(descriptor);
    if (to == null && !range.contains(":")) {
      to = refByDescriptor.get(name + "@npm:" + range);
    }
    if (to == null && from != null && from.resolution() != null) {
      to = refByDescriptor.get(descriptor + "::locator=" + encodeUriComponent(from.resolution()));
    }
    if (to == null) {
      to = refByUnbound.get(descriptor);
    }
    return to == null || to.equals(AMBIGUOUS) ? null : to;
  }

  /** JavaScript's {@code encodeURIComponent}, which yarn's locator parameter uses. */
  static String encodeUriComponent(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.!~*'()".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
