package dev.bulwark.sbom.internal;

/**
 * Paths inside folders that hold other people's packages ({@code node_modules}, {@code site-packages},
 * {@code dist-packages}, {@code vendor}, Maven's local repository) or inside archives: a manifest found there
 * describes a third-party package, not the scanned project.
 */
public final class VendoredPaths {

  private VendoredPaths() {}

  public static boolean isVendored(String path) {
    return path.contains("!") || contains(path, "node_modules") || contains(path, "site-packages")
        || contains(path, "dist-packages") || contains(path, "vendor") || path.contains(".m2/repository/");
  }

  private static boolean contains(String path, String folder) {
    return path.startsWith(folder + "/") || path.contains("/" + folder + "/");
  }
}
