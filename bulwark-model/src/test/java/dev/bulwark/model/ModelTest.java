package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

  private static Component torch(String path, DependencyScope scope, DependencyKind kind) {
    return Component.builder(ComponentType.LIBRARY, "torch").version("1.13.1").purl("pkg:pypi/torch@1.13.1")
        .ecosystem("PyPI").scope(scope).kind(kind).location(Location.of(path)).dependsOn("pkg:pypi/numpy@1.21.0").build();
  }

  @Test
  void componentsWithTheSameRefMergeTheirFacts() {
    Inventory inv = Inventory.of(List.of(
        torch("b/poetry.lock", DependencyScope.TRANSITIVE, DependencyKind.DEVELOPMENT),
        torch("a/requirements.txt", DependencyScope.DIRECT, DependencyKind.RUNTIME),
        Component.builder(ComponentType.LIBRARY, "numpy").purl("pkg:pypi/numpy@1.21.0").build()));
    assertThat(inv.components()).extracting(Component::ref).containsExactly("pkg:pypi/numpy@1.21.0", "pkg:pypi/torch@1.13.1");
    Component t = inv.byRef("pkg:pypi/torch@1.13.1").orElseThrow();
    assertThat(t.scope()).isEqualTo(DependencyScope.DIRECT);
    assertThat(t.kind()).isEqualTo(DependencyKind.RUNTIME);
    assertThat(t.locations()).extracting(Location::path).containsExactly("a/requirements.txt", "b/poetry.lock");
    assertThat(t.dependsOn()).containsExactly("pkg:pypi/numpy@1.21.0");
  }

  @Test
  void mergedKindIsTheMostProductionLikeInAnyOrder() {
    Component runtime = Component.builder(ComponentType.LIBRARY, "guava").purl("pkg:maven/com.google.guava/guava@33.0")
        .kind(DependencyKind.RUNTIME).property("maven:scope", "compile").build();
    Component provided = runtime.toBuilder().kind(DependencyKind.PROVIDED).property("maven:scope", "provided").build();
    Component test = runtime.toBuilder().kind(DependencyKind.TEST).property("maven:scope", "test").build();
    Component dev = runtime.toBuilder().kind(DependencyKind.DEVELOPMENT).build();
    Component optional = runtime.toBuilder().kind(DependencyKind.OPTIONAL).build();
    for (List<Component> order : List.of(List.of(test, runtime, provided), List.of(runtime, provided, test),
        List.of(provided, test, runtime))) {
      Component m = Component.mergeAll(order);
      assertThat(m.kind()).isEqualTo(DependencyKind.RUNTIME);
      assertThat(m.properties()).containsEntry("maven:scope", "compile");
    }
    assertThat(Component.mergeAll(List.of(test, provided)).properties()).containsEntry("maven:scope", "provided");
    assertThat(Component.mergeAll(List.of(dev, optional)).kind()).isEqualTo(DependencyKind.OPTIONAL);
    assertThat(Component.mergeAll(List.of(optional, dev)).kind()).isEqualTo(DependencyKind.OPTIONAL);
    assertThat(Component.mergeAll(List.of(test, dev)).kind()).isEqualTo(Component.mergeAll(List.of(dev, test)).kind());
  }

  @Test
  void mergingDifferentRefsIsAProgrammerError() {
    Component a = Component.builder(ComponentType.LIBRARY, "a").build();
    Component b = Component.builder(ComponentType.LIBRARY, "b").build();
    assertThatThrownBy(() -> a.mergedWith(b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("library:a").hasMessageContaining("library:b");
  }

  @Test
  void refWithoutPurlNamesTypeGroupNameAndVersion() {
    assertThat(Component.builder(ComponentType.MACHINE_LEARNING_MODEL, "model.pt").build().ref())
        .isEqualTo("machine-learning-model:model.pt");
    assertThat(Component.builder(ComponentType.LIBRARY, "core").group("org.x").version("1").build().ref())
        .isEqualTo("library:org.x/core@1");
  }

  @Test
  void fingerprintIsStableAndIgnoresWording() {
    Finding a = Finding.builder(Scanner.SECRET, "aws-access-key-id", Severity.HIGH, "AWS key").location(Location.atLine(".env", 2))
        .fingerprint("sha256:abc").build();
    Finding b = Finding.builder(Scanner.SECRET, "aws-access-key-id", Severity.CRITICAL, "Other wording")
        .location(Location.atLine(".env", 9)).fingerprint("sha256:abc").build();
    Finding c = Finding.builder(Scanner.SECRET, "aws-access-key-id", Severity.HIGH, "AWS key").location(Location.atLine(".env", 2))
        .fingerprint("sha256:def").build();
    assertThat(a.id()).isEqualTo(b.id()).hasSize(20).isNotEqualTo(c.id());
  }

  @Test
  void findingsSortBySeverityThenScannerThenRuleThenLocation() {
    Finding low = Finding.builder(Scanner.IAC, "z", Severity.LOW, "t").location(Location.of("a")).build();
    Finding high2 = Finding.builder(Scanner.SECRET, "a", Severity.HIGH, "t").location(Location.atLine("b", 3)).build();
    Finding high1 = Finding.builder(Scanner.SECRET, "a", Severity.HIGH, "t").location(Location.atLine("b", 2)).build();
    Finding crit = Finding.builder(Scanner.VULN, "GHSA-1", Severity.CRITICAL, "t").build();
    List<Finding> sorted = new java.util.ArrayList<>(List.of(low, high2, high1, crit));
    java.util.Collections.sort(sorted);
    assertThat(sorted).containsExactly(crit, high1, high2, low);
  }

  @Test
  void severityParsingNamesTheBadValue() {
    assertThat(Severity.parse("HIGH")).isEqualTo(Severity.HIGH);
    assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
    assertThatThrownBy(() -> Severity.parse("severe")).hasMessageContaining("'severe'");
  }

  @Test
  void locationPrintsLineOrOffset() {
    assertThat(Location.atLine("a.py", 3, 7)).hasToString("a.py:3:7");
    assertThat(Location.atOffset("m.pt!archive/data.pkl", 0x1a2)).hasToString("m.pt!archive/data.pkl@0x1a2");
  }
}
