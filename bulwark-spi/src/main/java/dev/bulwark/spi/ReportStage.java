package dev.bulwark.spi;

import dev.bulwark.model.ScanReport;

/**
 * A step between analysis and the verdict that takes the report and returns a new one: applying VEX,
 * baselines, inline allow comments, waivers. Stages run in {@link #order()}; found with
 * {@link java.util.ServiceLoader}. The gate ({@link Gate}) runs after every stage.
 */
public interface ReportStage {

  String id();

  /** Lower runs first. VEX 100, baseline 200, inline allow 300. */
  int order();

  ScanReport apply(ScanReport report, ScanContext context) throws Exception;
}
