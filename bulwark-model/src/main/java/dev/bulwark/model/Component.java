package dev.bulwark.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One thing in the inventory: a library, an OS package, a model file, a dataset...
 *
 * <p>{@code ref} identifies the component within one report (the purl when there is one) and is what
 * findings and dependency edges point at. {@code version}, {@code purl}, {@code ecosystem} and
 * {@code group} are null when unknown. Collections are never null and are immutable.
 * {@code properties} carries facts without a field of their own under namespaced keys
 * ({@code bulwark:unpinned}, {@code bulwark:layer}, ...).
 */
public record Component(
    String ref,
    ComponentType type,
    String group,
    String name,
    String version,
    String purl,
    String ecosystem,
    DependencyScope scope,
    DependencyKind kind,
    boolean firstParty,
    List<Location> locations,
    List<String> licenses,
    Map<String, String> hashes,
    Map<String, String> properties,
    List<String> dependsOn) {

  /** Property set on components whose version the manifest does not pin. */
  public static final String UNPINNED = "bulwark:unpinned";
  /** Property set on components whose version could not be resolved (e.g. an undefined Maven property). */
  public static final String UNRESOLVED = "bulwark:unresolved";

  public Component {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    scope = scope == null ? DependencyScope.UNKNOWN : scope;
    kind = kind == null ? DependencyKind.UNKNOWN : kind;
    locations = List.copyOf(new TreeSet<>(locations == null ? List.of() : locations));
    licenses = List.copyOf(new TreeSet<>(licenses == null ? List.of() : licenses));
    hashes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hashes == null ? Map.of() : hashes));
    properties = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(properties == null ? Map.of() : properties));
    dependsOn = List.copyOf(new TreeSet<>(dependsOn == null ? List.of() : dependsOn));
  }

  public static Builder builder(ComponentType type, String name) {
    return new Builder(type, name);
  }

  public Builder toBuilder() {
    Builder b = new Builder(type, name);
    b.ref = ref;
    b.group = group;
    b.version = version;
    b.purl = purl;
    b.ecosystem = ecosystem;
    b.scope = scope;
    b.kind = kind;
    b.firstParty = firstParty;
    b.locations.addAll(locations);
    b.licenses.addAll(licenses);
    b.hashes.putAll(hashes);
    b.properties.putAll(properties);
    b.dependsOn.addAll(dependsOn);
    return b;
  }

  /** The name as people write it: {@code group:name} for Maven, {@code @scope/name} is already in name for npm. */
  public String displayName() {
    return group == null || group.isEmpty() ? name : group + ":" + name;
  }

  public boolean isUnpinned() {
    return "true".equals(properties.get(UNPINNED));
  }

  /**
   * Merges another description of the same component (same ref) into this one: locations, licences,
   * hashes, properties and edges are united; a direct scope wins over transitive; a runtime need wins over dev.
   */
  public Component mergedWith(Component other) {
    return mergeAll(List.of(this, other));
  }

  /**
   * Merges several descriptions of one component (same ref) in one pass, as {@link #mergedWith} would
   * pairwise: linear in the total size, so a purl found in hundreds of lockfiles stays cheap.
   */
  public static Component mergeAll(List<Component> same) {
    if (same.size() == 1) {
      return same.get(0);
    }
    Component first = same.get(0);
    Builder b = first.toBuilder();
    for (int i = 1; i < same.size(); i++) {
      Component other = same.get(i);
      if (!first.ref.equals(other.ref)) {
        throw new IllegalArgumentException("cannot merge components with different refs: " + first.ref + " and " + other.ref);
      }
      b.locations.addAll(other.locations);
      b.licenses.addAll(other.licenses);
      other.hashes.forEach(b.hashes::putIfAbsent);
      other.properties.forEach(b.properties::putIfAbsent);
      b.dependsOn.addAll(other.dependsOn);
      if (b.scope != DependencyScope.DIRECT && other.scope != DependencyScope.UNKNOWN) {
        b.scope = other.scope == DependencyScope.DIRECT || b.scope == DependencyScope.UNKNOWN ? other.scope : b.scope;
      }
      // the most production-like kind wins, whatever the order the files were read in; a scope property
      // written beside the kind (Maven's) follows it
      if (productionRank(other.kind) < productionRank(b.kind)) {
        b.kind = other.kind;
        String otherScope = other.properties.get(MAVEN_SCOPE);
        if (otherScope != null) {
          b.properties.put(MAVEN_SCOPE, otherScope);
        }
      }
      b.firstParty = b.firstParty || other.firstParty;
      if (b.version == null) {
        b.version = other.version;
      }
    }
    return b.build();
  }

  private static final String MAVEN_SCOPE = "maven:scope";

  /** Runtime before provided, optional, development, test, unknown: what ships first. */
  private static int productionRank(DependencyKind kind) {
    return switch (kind) {
      case RUNTIME -> 0;
      case PROVIDED -> 1;
      case OPTIONAL -> 2;
      case DEVELOPMENT -> 3;
      case TEST -> 4;
      case UNKNOWN -> 5;
    };
  }

  /** Mutable builder; {@link #build()} derives {@code ref} from the purl, else from type, name and version. */
  public static final class Builder {
    private final ComponentType type;
    private final String name;
    private String ref;
    private String group;
    private String version;
    private String purl;
    private String ecosystem;
    private DependencyScope scope = DependencyScope.UNKNOWN;
    private DependencyKind kind = DependencyKind.UNKNOWN;
    private boolean firstParty;
    private final List<Location> locations = new ArrayList<>();
    private final List<String> licenses = new ArrayList<>();
    private final SortedMap<String, String> hashes = new TreeMap<>();
    private final SortedMap<String, String> properties = new TreeMap<>();
    private final List<String> dependsOn = new ArrayList<>();

    private Builder(ComponentType type, String name) {
      this.type = Objects.requireNonNull(type, "type");
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder ref(String ref) { this.ref = ref; return this; }
    public Builder group(String group) { this.group = group; return this; }
    public Builder version(String version) { this.version = version; return this; }
    public Builder purl(String purl) { this.purl = purl; return this; }
    public Builder ecosystem(String ecosystem) { this.ecosystem = ecosystem; return this; }
    public Builder scope(DependencyScope scope) { this.scope = scope; return this; }
    public Builder kind(DependencyKind kind) { this.kind = kind; return this; }
    public Builder firstParty(boolean firstParty) { this.firstParty = firstParty; return this; }
    public Builder location(Location location) { this.locations.add(location); return this; }
    public Builder license(String license) { if (license != null && !license.isBlank()) { this.licenses.add(license.trim()); } return this; }
    public Builder licenses(Collection<String> values) { values.forEach(this::license); return this; }
    public Builder hash(String algorithm, String hex) { this.hashes.put(algorithm, hex); return this; }
    public Builder property(String key, String value) { if (value != null) { this.properties.put(key, value); } return this; }
    public Builder dependsOn(String ref) { this.dependsOn.add(ref); return this; }
    public Builder dependsOn(Collection<String> refs) { this.dependsOn.addAll(refs); return this; }

    public Component build() {
      String r = ref;
      if (r == null) {
        r = purl != null ? purl : defaultRef(type, group, name, version);
      }
      return new Component(r, type, group, name, version, purl, ecosystem, scope, kind, firstParty,
          locations, licenses, hashes, properties, dependsOn);
    }
  }

  /** The ref used when a component has no purl: {@code type:group/name@version}. */
  public static String defaultRef(ComponentType type, String group, String name, String version) {
    StringBuilder b = new StringBuilder(type.id()).append(':');
    if (group != null && !group.isEmpty()) {
      b.append(group).append('/');
    }
    b.append(name);
    if (version != null) {
      b.append('@').append(version);
    }
    return b.toString();
  }
}
