package dev.bulwark.policy.yaml;

/**
 * Bounds on a YAML file read from an untrusted source.
 *
 * @param maxBytes largest file read
 * @param maxDepth deepest nesting of maps and lists
 * @param maxNodes most nodes (scalars, maps, lists) in all documents together
 * @param maxAliases most alias references ({@code *name}) resolved; aliases share the anchored node
 * @param maxDocuments most documents in a multi-document stream
 */
public record YamlLimits(long maxBytes, int maxDepth, int maxNodes, int maxAliases, int maxDocuments) {

  public static final YamlLimits DEFAULT = new YamlLimits(8L << 20, 100, 1_000_000, 1_000, 10_000);

  public YamlLimits {
    if (maxBytes <= 0 || maxDepth <= 0 || maxNodes <= 0 || maxAliases < 0 || maxDocuments <= 0) {
      throw new IllegalArgumentException("YAML limits must be positive: " + maxBytes + ", " + maxDepth + ", "
          + maxNodes + ", " + maxAliases + ", " + maxDocuments);
    }
  }
}
