package dev.bulwark.spi;

import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Verdict;

/** Decides pass / warn / fail from a finished report. */
public interface Gate {

  Verdict decide(ScanReport report, ScanContext context) throws Exception;
}
