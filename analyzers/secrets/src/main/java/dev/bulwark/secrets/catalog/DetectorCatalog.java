package dev.bulwark.secrets.catalog;

import dev.bulwark.secrets.detect.Detector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every built-in secret detector, in a stable order. */
public final class DetectorCatalog {

  private static final List<Detector> ALL = build();

  private DetectorCatalog() {}

  public static List<Detector> all() {
    return ALL;
  }

  private static List<Detector> build() {
    List<Detector> all = new ArrayList<>();
    all.addAll(AiProviders.all());
    all.addAll(CloudProviders.all());
    all.addAll(CodeHosts.all());
    all.addAll(SaasProviders.all());
    all.addAll(ConnectionStrings.all());
    all.addAll(PrivateKeys.all());
    all.addAll(GenericSecrets.all());
    Set<String> ids = new HashSet<>();
    for (Detector d : all) {
      if (!ids.add(d.id())) {
        throw new IllegalStateException("duplicate detector id " + d.id());
      }
    }
    return List.copyOf(all);
  }
}
