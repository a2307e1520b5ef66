package dev.bulwark.sbom.java;

import java.util.Map;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.io.ModelReader;
import org.apache.maven.model.profile.activation.JdkVersionProfileActivator;
import org.apache.maven.model.profile.activation.OperatingSystemProfileActivator;
import org.apache.maven.model.profile.activation.ProfileActivator;
import org.apache.maven.model.profile.activation.PropertyProfileActivator;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.internal.impl.collect.DefaultDependencyCollector;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;

/**
 * One Maven Resolver for the process, wired the way Maven 3 is (Maven's model builder reads POMs and applies
 * parents, properties, profiles, dependency management and imported BOMs) with two changes for hostile
 * input: POMs are read by {@link SecurePomReader}, and profiles cannot be activated by files on disk.
 * Plugins and build extensions are never loaded: the artifact descriptor reader builds models without them.
 */
final class MavenRepositorySystem {
  /** What {@code ${java.home}} is in a POM: absolute on this platform, naming no real folder. */
  static final String JAVA_HOME_PLACEHOLDER =
      java.nio.file.Path.of(System.getProperty("java.home")).getRoot().resolve("java.home").toString();


  private static final class Holder {
    static final RepositorySystem SYSTEM = new HardenedSupplier().get();
  }

  private MavenRepositorySystem() {}

  static RepositorySystem get() {
    return Holder.SYSTEM;
  }

  /** A session builder with Maven 3's scopes, conflict resolution and dependency management. */
  static RepositorySystemSession.SessionBuilder sessionBuilder(boolean offline) {
    SessionBuilderSupplier maven3 = new SessionBuilderSupplier(get());
    RepositorySystemSession.SessionBuilder b = maven3.get();
    b.setDependencySelector(new BoundedDependencySelector(maven3.getDependencySelector()));
    b.setOffline(offline);
    // profile activation and interpolation see the JVM's identity, never the environment or user settings:
    // a hostile POM writing ${env.AWS_SECRET_ACCESS_KEY} into a version must not put it into the SBOM.
    // java.home is there because Maven always has it: without it a system dependency's
    // <systemPath>${java.home}/../lib/tools.jar</systemPath> (hadoop-annotations, javassist) is not absolute,
    // the model validator rejects the whole POM and its other dependencies are lost. It is a fixed absolute
    // path, not this JVM's: an SBOM must not show where the scanner's JDK lives, and no JDK 9+ has lib/tools.jar
    // for a file-activated profile to find anyway
    b.setSystemProperties(Map.of("java.version", System.getProperty("java.version"),
        "java.home", JAVA_HOME_PLACEHOLDER, "os.name", System.getProperty("os.name"),
        "os.arch", System.getProperty("os.arch"), "os.version", System.getProperty("os.version")));
    b.setUserProperties(Map.of());
    b.setConfigProperty(DefaultDependencyCollector.CONFIG_PROP_COLLECTOR_IMPL, "df");
    // locks within this process only: the default file locks would write a .locks folder into ~/.m2
    b.setConfigProperty("aether.syncContext.named.factory", "rwlock-local");
    b.setConfigProperty("aether.syncContext.named.nameMapper", "gaecv");
    b.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, 10_000);
    b.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, 60_000);
    b.setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1);
    b.setConfigProperty(ConfigurationProperties.USER_AGENT, "Bulwark");
    return b;
  }

  private static final class HardenedSupplier extends RepositorySystemSupplier {
    @Override
    protected ModelBuilder createModelBuilder() {
      return new DefaultModelBuilderFactory() {
        @Override
        protected ModelReader newModelReader() {
          return new SecurePomReader();
        }

        @Override
        protected ProfileActivator[] newProfileActivators() {
          return new ProfileActivator[] {new JdkVersionProfileActivator(), new OperatingSystemProfileActivator(),
              new PropertyProfileActivator()};
        }
      }.newInstance();
    }
  }
}
