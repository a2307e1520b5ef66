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
    // Match on the index rows first, then read the records the matches need in batches (one query per
    // batch, not one per matched advisory): they carry the withdrawn flag, aliases and related ids that
    // grouping needs and everything the finding shows.
    Map<Component, List<OsvMatcher.Match>> matchesByComponent = new LinkedHashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    for (var e : refs.entrySet()) {
      PackageRef ref = e.getValue();
      List<OsvEntry> entries = candidates.getOrDefault(ref.baseEcosystem(), Map.of())
          .getOrDefault(ref.normalisedName(), List.of());
      List<OsvMatcher.Match> matches = new ArrayList<>();
      for (OsvEntry entry : entries) {
        OsvMatcher.match(entry, ref, versions).ifPresent(m -> {
          matches.add(m);
          ids.add(m.entry().id());
        });
      }
      if (!matches.isEmpty()) {
        matchesByComponent.put(e.getKey(), matches);
      }
    }
    db.advisories(ids, parsed);
    List<Finding> findings = new ArrayList<>();
    for (var e : matchesByComponent.entrySet()) {
      List<OsvMatcher.Match> full = withFullRecords(e.getValue());
      for (List<OsvMatcher.Match> group : VulnerabilityGroups.of(full)) {
        findings.add(VulnerabilityFinding.of(e.getKey(), refs.get(e.getKey()), group));
      }
    }
    return findings;
  }

  /**
   * Matching ran on index rows; grouping and the finding need the records (withdrawn flag, aliases, summary,
   * severity, references). Withdrawn records are dropped here, as the matcher would have.
   */
  private List<OsvMatcher.Match> withFullRecords(List<OsvMatcher.Match> matches) {
    List<OsvMatcher.Match> out = new ArrayList<>(matches.size());
    for (OsvMatcher.Match m : matches) {
      OsvEntry entry = parsed.getOrDefault(m.entry().id(), m.entry());
      if (entry.withdrawn() == null) {
        out.add(new OsvMatcher.Match(entry, m.fixed(), m.ranges(), m.byVersionsList(), m.gitRangesSkipped(), m.problems()));
      }
    }
    return out;
  }

}
