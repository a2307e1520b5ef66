package dev.bulwark.sbom.java;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gradle dependency locking: {@code gradle.lockfile} (and {@code settings-gradle.lockfile},
 * {@code buildscript-gradle.lockfile}) with {@code group:name:version=configurations} lines, and the older
 * per-configuration files under {@code gradle/dependency-locks/}. The lockfile does not tell direct from
 * transitive; a component locked only in test configurations is a test dependency.
 */
public final class GradleLockfileCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/gradle-lockfile";
  }

  @Override
  public boolean claims(ScanFile file) {
    String n = file.name();
    boolean named = n.equals("gradle.lockfile") || n.endsWith("-gradle.lockfile")
        || n.endsWith(".lockfile") && file.parent().endsWith("dependency-locks");
    return named && (file.kind() == FileKind.TEXT || file.kind() == FileKind.EMPTY);
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    boolean legacy = file.parent().endsWith("dependency-locks");
    String legacyConf = legacy ? file.name().substring(0, file.name().length() - ".lockfile".length()) : null;
    List<Component> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
        continue;
      }
      int eq = line.indexOf('=');
      String coords = eq < 0 ? line : line.substring(0, eq);
      String confs = eq < 0 ? legacyConf : line.substring(eq + 1);
      String[] gav = coords.split(":");
      if (gav.length < 3 || gav[0].isEmpty() || gav[1].isEmpty() || gav[2].isEmpty()) {
        throw new UnreadableInputException(file.path(), "line " + (i + 1) + " is not group:name:version: " + abbreviate(line));
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, gav[1]).group(gav[0]).version(gav[2])
          .purl(Purls.maven(gav[0], gav[1], gav[2])).ecosystem(Ecosystems.MAVEN)
          .kind(kind(confs)).location(Location.atLine(file.path(), i + 1));
      if (confs != null && !confs.isEmpty()) {
        b.property("gradle:configurations", confs);
      }
      out.add(b.build());
    }
    return out;
  }

  static DependencyKind kind(String configurations) {
    if (configurations == null || configurations.isEmpty()) {
      return DependencyKind.UNKNOWN;
    }
    boolean allTest = true;
    boolean allBuild = true;
    for (String c : configurations.split(",")) {
      String l = c.strip().toLowerCase(Locale.ROOT);
      if (!l.startsWith("test") && !l.contains("test")) {
        allTest = false;
      }
      if (!(l.startsWith("annotationprocessor") || l.startsWith("kapt") || l.contains("compileonly")
          || l.equals("classpath") || l.contains("lint") || l.contains("detekt") || l.contains("checkstyle")
          || l.contains("spotbugs") || l.contains("jacoco") || l.contains("pmd") || kotlinTooling(l))) {
        allBuild = false;
      }
    }
    return allTest ? DependencyKind.TEST : allBuild ? DependencyKind.DEVELOPMENT : DependencyKind.RUNTIME;
  }

  /**
   * The Kotlin Gradle plugin's own configurations hold the compiler, its plugins, the klib commonizer and the
   * ABI validator: they run in the build and are not shipped.
   */
  private static boolean kotlinTooling(String l) {
    return l.startsWith("kotlin") && (l.startsWith("kotlincompiler") || l.startsWith("kotlinnativecompiler")
        || l.startsWith("kotlinbuildtools") || l.startsWith("kotlinklibcommonizer")
        || l.startsWith("kotlininternalabivalidation") || l.startsWith("kotlinscriptdef"));
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
