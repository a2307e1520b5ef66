package dev.bulwark.sbom.java;

import dev.bulwark.sbom.internal.SecureXml;
import dev.bulwark.spi.ScanContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where transitive Maven resolution reads POMs from, and whether it may download them.
 *
 * <p>Settings (all optional): {@code sbom.online=true} (the CLI's {@code --online}) lets the resolver download
 * missing POMs from the project's {@code <repositories>} and Maven Central into {@code downloadRepository};
 * {@code sbom.maven.repoLocal} names the local repository (else {@code -Dmaven.repo.local}, else
 * {@code <localRepository>} of {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository});
 * {@code sbom.maven.central} replaces the Maven Central URL (a mirror, or a local server in tests);
 * {@code sbom.maven.resolve=false} turns transitive resolution off (declared dependencies only).
 *
 * @param localRepository the user's local repository, only ever read
 * @param downloadRepository where downloads go with {@code online}: a folder of Bulwark's cache, so that a
 *     scanned project's repositories never add artifacts to the repository the user's own builds trust
 */
record MavenResolverSettings(boolean enabled, boolean online, Path localRepository, Path downloadRepository,
    String centralUrl) {

  static final String ONLINE = "sbom.online";
  static final String REPO_LOCAL = "sbom.maven.repoLocal";
  static final String CENTRAL = "sbom.maven.central";
  static final String RESOLVE = "sbom.maven.resolve";
  static final String DEFAULT_CENTRAL = "https://repo.maven.apache.org/maven2";

  static MavenResolverSettings of(ScanContext context) {
    boolean online = context.flag(ONLINE) && !context.offline();
    Path local = context.setting(REPO_LOCAL).filter(s -> !s.isBlank()).map(Path::of)
        .orElseGet(() -> defaultLocalRepository(System.getProperties(), System.getenv()));
    return new MavenResolverSettings(!"false".equals(context.settings().get(RESOLVE)), online,
        local.toAbsolutePath().normalize(), context.cacheDir().resolve("maven").resolve("repository").toAbsolutePath(),
        context.setting(CENTRAL).filter(s -> !s.isBlank()).orElse(DEFAULT_CENTRAL));
  }

  /** As Maven finds it: {@code maven.repo.local}, the user settings' {@code localRepository}, the default. */
  static Path defaultLocalRepository(Map<Object, Object> systemProperties, Map<String, String> env) {
    Object prop = systemProperties.get("maven.repo.local");
    if (prop instanceof String s && !s.isBlank()) {
      return Path.of(s);
    }
    Path home = Path.of(String.valueOf(systemProperties.getOrDefault("user.home", ".")));
    return settingsLocalRepository(home.resolve(".m2/settings.xml"), home, env)
        .orElse(home.resolve(".m2").resolve("repository"));
  }

  static Optional<Path> settingsLocalRepository(Path settings, Path home, Map<String, String> env) {
    if (!Files.isRegularFile(settings)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(settings);
      String value = SecureXml.childText(SecureXml.parse(settings.toString(), bytes).getDocumentElement(),
          "localRepository");
      if (value == null) {
        return Optional.empty();
      }
      value = value.replace("${user.home}", home.toString());
      for (Map.Entry<String, String> e : env.entrySet()) {
        value = value.replace("${env." + e.getKey() + "}", e.getValue());
      }
      return value.contains("${") ? Optional.empty() : Optional.of(Path.of(value));
    } catch (IOException | RuntimeException e) {
      // a broken settings.xml breaks Maven too; the default location is the best guess
      return Optional.empty();
    }
  }
}
