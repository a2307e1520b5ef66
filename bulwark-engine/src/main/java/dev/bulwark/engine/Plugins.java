package dev.bulwark.engine;

import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.Gate;
import dev.bulwark.spi.InventoryAnalyzer;
import dev.bulwark.spi.ReportStage;
import dev.bulwark.spi.TargetAnalyzer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The catalogers, analyzers, stages and gate one engine runs with. */
public record Plugins(List<Cataloger> catalogers, List<FileAnalyzer> fileAnalyzers,
    List<InventoryAnalyzer> inventoryAnalyzers, List<TargetAnalyzer> targetAnalyzers, List<ReportStage> stages,
    Optional<Gate> gate) {

  public Plugins {
    catalogers = List.copyOf(catalogers);
    fileAnalyzers = List.copyOf(fileAnalyzers);
    inventoryAnalyzers = List.copyOf(inventoryAnalyzers);
    targetAnalyzers = List.copyOf(targetAnalyzers);
    stages = stages.stream().sorted(Comparator.comparingInt(ReportStage::order).thenComparing(ReportStage::id)).toList();
  }

  /** Everything on the class path, found with {@link java.util.ServiceLoader}. */
  public static Plugins discover() {
    List<Gate> gates = dev.bulwark.spi.Plugins.load(Gate.class, g -> g.getClass().getName());
    return new Plugins(
        dev.bulwark.spi.Plugins.load(Cataloger.class, Cataloger::id),
        dev.bulwark.spi.Plugins.load(FileAnalyzer.class, FileAnalyzer::id),
        dev.bulwark.spi.Plugins.load(InventoryAnalyzer.class, InventoryAnalyzer::id),
        dev.bulwark.spi.Plugins.load(TargetAnalyzer.class, TargetAnalyzer::id),
        dev.bulwark.spi.Plugins.load(ReportStage.class, ReportStage::id),
        gates.stream().findFirst());
  }

  /**
   * Catalogers only, for an inventory-only scan: analyzers, stages and the gate are not even constructed
   * (some build detector tables or policy compilers in their constructors, which a start-up pays for).
   */
  public static Plugins discoverCatalogers() {
    return new Plugins(dev.bulwark.spi.Plugins.load(Cataloger.class, Cataloger::id), List.of(), List.of(), List.of(),
        List.of(), Optional.empty());
  }

  public static Plugins of(List<Cataloger> catalogers, List<FileAnalyzer> fileAnalyzers) {
    return new Plugins(catalogers, fileAnalyzers, List.of(), List.of(), List.of(), Optional.empty());
  }

  public Plugins withGate(Gate value) {
    return new Plugins(catalogers, fileAnalyzers, inventoryAnalyzers, targetAnalyzers, stages, Optional.of(value));
  }
}
