package dev.bulwark.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A problem found by a scanner.
 *
 * <p>{@code id} is a stable fingerprint: the same problem in the same place gets the same id in every
 * run, so waivers, baselines and the platform can track it. It is derived from scanner, rule, component,
 * path and a rule-chosen {@code fingerprintMaterial} (a secret's hash, an opcode's offset...), never from
 * the wording. {@code component}, {@code location}, {@code description} and {@code fix} may be null.
 * {@code evidence} values must never hold a secret in clear.
 */
public record Finding(
    String id,
    Scanner scanner,
    String rule,
    Severity severity,
    String title,
    String description,
    String component,
    Location location,
    Map<String, String> evidence,
    List<String> references,
    String fix,
    List<String> aliases,
    Suppression suppression) implements Comparable<Finding> {

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scanner, "scanner");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    evidence = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(evidence == null ? Map.of() : evidence));
    references = List.copyOf(references == null ? List.of() : references);
    aliases = List.copyOf(aliases == null ? List.of() : aliases);
  }

  public static Builder builder(Scanner scanner, String rule, Severity severity, String title) {
    return new Builder(scanner, rule, severity, title);
  }

  public Builder toBuilder() {
    Builder b = new Builder(scanner, rule, severity, title);
    b.id = id;
    b.description = description;
    b.component = component;
    b.location = location;
    b.evidence.putAll(evidence);
    b.references.addAll(references);
    b.fix = fix;
    b.aliases.addAll(aliases);
    b.suppression = suppression;
    return b;
  }

  public Finding withSeverity(Severity newSeverity) {
    return toBuilder().severity(newSeverity).build();
  }

  public Finding withSuppression(Suppression newSuppression) {
    return toBuilder().suppression(newSuppression).build();
  }

  public boolean isSuppressed() {
    return suppression != null;
  }

  /** Deterministic report order: severity, scanner, rule, location, component, id. */
  @Override
  public int compareTo(Finding o) {
    int c = severity.compareTo(o.severity);
    if (c == 0) c = scanner.compareTo(o.scanner);
    if (c == 0) c = rule.compareTo(o.rule);
    if (c == 0) c = compareNullable(location, o.location);
    if (c == 0) c = compareNullable(component, o.component);
    if (c == 0) c = id.compareTo(o.id);
    return c;
  }

  private static <T extends Comparable<T>> int compareNullable(T a, T b) {
    if (a == null) return b == null ? 0 : -1;
    if (b == null) return 1;
    return a.compareTo(b);
  }

  /** Mutable builder; {@link #build()} computes the fingerprint id unless one was set. */
  public static final class Builder {
    private final Scanner scanner;
    private final String rule;
    private Severity severity;
    private final String title;
    private String id;
    private String description;
    private String component;
    private Location location;
    private final SortedMap<String, String> evidence = new TreeMap<>();
    private final List<String> references = new ArrayList<>();
    private String fix;
    private final List<String> aliases = new ArrayList<>();
    private Suppression suppression;
    private String fingerprintMaterial;

    private Builder(Scanner scanner, String rule, Severity severity, String title) {
      this.scanner = scanner;
      this.rule = rule;
      this.severity = severity;
      this.title = title;
    }

    public Builder id(String id) { this.id = id; return this; }
    public Builder severity(Severity severity) { this.severity = severity; return this; }
    public Builder description(String description) { this.description = description; return this; }
    public Builder component(String componentRef) { this.component = componentRef; return this; }
    public Builder location(Location location) { this.location = location; return this; }
    public Builder evidence(String key, Object value) { if (value != null) { this.evidence.put(key, String.valueOf(value)); } return this; }
    public Builder reference(String url) { if (url != null && !references.contains(url)) { this.references.add(url); } return this; }
    public Builder fix(String fix) { this.fix = fix; return this; }
    public Builder alias(String alias) { if (alias != null && !aliases.contains(alias)) { this.aliases.add(alias); } return this; }
    public Builder suppression(Suppression suppression) { this.suppression = suppression; return this; }

    /**
     * What makes this finding distinct from others of the same rule at the same path and component:
     * e.g. a hash of the secret, the callable's name and offset. Defaults to the line, column and offset.
     */
    public Builder fingerprint(String material) { this.fingerprintMaterial = material; return this; }

    public Finding build() {
      String fid = id != null ? id : fingerprintOf();
      return new Finding(fid, scanner, rule, severity, title, description, component, location, evidence,
          references, fix, aliases, suppression);
    }

    private String fingerprintOf() {
      String material = fingerprintMaterial;
      if (material == null) {
        material = location == null ? "" : location.line() + ":" + location.column() + ":" + location.offset();
      }
      String joined = String.join("\u0000", scanner.id(), rule, Objects.toString(component, ""),
          location == null ? "" : location.path(), material);
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 10);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing from the JDK", e);
      }
    }
  }
}
