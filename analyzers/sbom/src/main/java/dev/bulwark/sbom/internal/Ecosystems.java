package dev.bulwark.sbom.internal;

/** OSV ecosystem names. */
public final class Ecosystems {
  public static final String PYPI = "PyPI";
  public static final String NPM = "npm";
  public static final String MAVEN = "Maven";
  public static final String GO = "Go";
  public static final String CRATES = "crates.io";
  public static final String RUBYGEMS = "RubyGems";
  public static final String PACKAGIST = "Packagist";
  public static final String NUGET = "NuGet";

  private Ecosystems() {}
}
