package dev.bulwark.model.scan;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.scan.pickle.CallablePolicy;
import dev.bulwark.model.scan.pickle.PickleIssue;
import dev.bulwark.model.scan.pickle.PickleLimits;
import dev.bulwark.model.scan.pickle.PickleScanner;
import dev.bulwark.model.scan.rules.ArchiveTamperingRule;
import dev.bulwark.model.scan.rules.DecompressionLimitRule;
import dev.bulwark.model.scan.rules.MalformedModelRule;
import dev.bulwark.model.scan.rules.ModelRule;
import dev.bulwark.model.scan.rules.PickleDangerousCallableRule;
import dev.bulwark.model.scan.rules.PickleMalformedRule;
import dev.bulwark.model.scan.rules.PickleUnknownCallableRule;
import dev.bulwark.spi.Limits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The findings of one analyzed file and the settings that shape them. Not thread-safe: one per file. */
public final class ScanSession {
  private final CallablePolicy policy;
  private final PickleLimits pickleLimits;
  private final Limits limits;
  private final List<Finding> findings = new ArrayList<>();
  private long extracted;

  public ScanSession(CallablePolicy policy, PickleLimits pickleLimits, Limits limits) {
    this.policy = policy;
    this.pickleLimits = pickleLimits;
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  public List<Finding> findings() {
    return findings;
  }

  public void add(Finding f) {
    findings.add(f);
  }

  /** Budget of decompressed bytes left for this file. */
  public long takeBudget() {
    return Math.max(0, limits.maxExtractedBytes() - extracted);
  }

  public void charge(long bytes) {
    extracted += bytes;
  }

  /** Scans a pickle stream; {@code speculative} streams (found by content only) report no malformation. */
  public PickleScanner.Result pickle(String label, InputStream in, boolean speculative, long base) {
    PickleScanner.Result r = new PickleScanner(policy, pickleLimits).scan(in, speculative);
    for (PickleIssue raw : r.issues()) {
      PickleIssue i = raw.via().isEmpty() && base != 0
          ? new PickleIssue(raw.kind(), raw.offset() + base, raw.callable(), raw.detail(), raw.via(), raw.occurrences()) : raw;
      ModelRule rule = switch (i.kind()) {
        case DANGEROUS -> PickleDangerousCallableRule.INSTANCE;
        case UNKNOWN -> PickleUnknownCallableRule.INSTANCE;
        case MALFORMED -> PickleMalformedRule.INSTANCE;
      };
      String key = i.kind() == PickleIssue.Kind.MALFORMED ? "problem" : "callable";
      Finding.Builder b = rule.finding(Location.atOffset(label, i.offset()), i.via() + "|" + i.callable() + "|" + i.offset())
          .evidence(key, i.callable())
          .evidence("offset", "0x" + Long.toHexString(i.offset()))
          .evidence("detail", i.detail())
          .evidence("where", label + "@0x" + Long.toHexString(i.offset()));
      if (!i.via().isEmpty()) {
        b.evidence("nestedVia", i.via());
      }
      if (i.occurrences() > 1) {
        b.evidence("occurrences", i.occurrences());
      }
      findings.add(b.build());
    }
    for (dev.bulwark.model.scan.pickle.NestedPayload a : r.archives()) {
      String nestedLabel = label + "@0x" + Long.toHexString(a.offset() + base);
      try {
        new ContainerScanner(this).zip(nestedLabel,
            new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(a.data()), 1);
      } catch (java.io.IOException e) {
        tampering(nestedLabel, "nested archive handed to " + a.loader() + " is unreadable: " + e.getMessage());
      }
    }
    return r;
  }

  public void tampering(String label, String anomaly) {
    findings.add(ArchiveTamperingRule.INSTANCE.finding(Location.of(label), anomaly).evidence("construct", anomaly).build());
  }

  public void malformed(String label, String problem) {
    findings.add(MalformedModelRule.INSTANCE.finding(Location.of(label), problem).evidence("problem", problem).build());
  }

  public void limit(String label, String problem) {
    findings.add(DecompressionLimitRule.INSTANCE.finding(Location.of(label), problem).evidence("problem", problem).build());
  }
}
