package dev.bulwark.vuln;

import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.vuln.db.OsvDatabase;
import dev.bulwark.vuln.osv.OsvEntry;
import dev.bulwark.vuln.osv.OsvMatcher;
import dev.bulwark.vuln.osv.PackageRef;
import dev.bulwark.vuln.osv.VersionCache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches an inventory against the database: one indexed query per ecosystem and batch of names,
 * each advisory parsed once per scan, each event version parsed once per scan, then one finding per
 * vulnerability per component (records that alias or relate to each other and match the same component
 * are merged).
 */
public final class InventoryMatcher {

  private final OsvDatabase db;
  private final Map<String, OsvEntry> parsed = new HashMap<>();
  private final VersionCache versions = new VersionCache();

  public InventoryMatcher(OsvDatabase db) {
    this.db = db;
  }


  public List<Finding> match(Inventory inventory) throws IOException {
    Map<Component, PackageRef> refs = new LinkedHashMap<>();
    Map<String, Set<String>> namesByEcosystem = new LinkedHashMap<>();
    for (Component c : inventory.components()) {
      Optional<PackageRef> ref = ComponentPackages.of(c);
      if (ref.isPresent()) {
        refs.put(c, ref.get());
        namesByEcosystem.computeIfAbsent(ref.get().baseEcosystem(), k -> new LinkedHashSet<>())
            .add(ref.get().normalisedName());
      }
    }
    Map<String, Map<String, List<OsvEntry>>> candidates = new HashMap<>();
    for (var e : namesByEcosystem.entrySet()) {
      candidates.put(e.getKey(), db.lookup(e.getKey(), e.getValue()));
    }
    List<Finding> findings = new ArrayList<>();
    for (var e : refs.entrySet()) {
      PackageRef ref = e.getValue();
      List<OsvEntry> entries = candidates.getOrDefault(ref.baseEcosystem(), Map.of())
          .getOrDefault(ref.normalisedName(), List.of());
      if (entries.isEmpty()) {
        continue;
      }
      List<OsvMatcher.Match> matches = new ArrayList<>();
      for (OsvEntry entry : entries) {
        OsvMatcher.match(entry, ref, versions).ifPresent(matches::add);
      }
      for (List<OsvMatcher.Match> group : VulnerabilityGroups.of(matches)) {
        findings.add(VulnerabilityFinding.of(e.getKey(), ref, withFullRecords(group)));
      }
    }
    return findings;
  }

  /** Matching ran on index rows; the finding needs the whole records (summary, severity, references). */
  private List<OsvMatcher.Match> withFullRecords(List<OsvMatcher.Match> group) throws IOException {
    List<OsvMatcher.Match> out = new ArrayList<>(group.size());
    for (OsvMatcher.Match m : group) {
      List<OsvEntry> full = db.advisories(List.of(m.entry().id()), parsed);
      OsvEntry entry = full.isEmpty() ? m.entry() : full.get(0);
      out.add(new OsvMatcher.Match(entry, m.fixed(), m.ranges(), m.byVersionsList(), m.gitRangesSkipped(), m.problems()));
    }
    return out;
  }

}
