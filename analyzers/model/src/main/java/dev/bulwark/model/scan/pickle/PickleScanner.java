package dev.bulwark.model.scan.pickle;

import dev.bulwark.model.scan.pickle.PyValue.Int;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans a stream holding one or more pickles (stacked, as in the legacy PyTorch format) and the pickles
 * nested in them, and classifies every callable the streams can reach. Never executes anything.
 */
public final class PickleScanner {
  /** First pickle of the legacy (pre-1.6) PyTorch format: this magic number. */
  static final BigInteger LEGACY_TORCH_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

  private final CallablePolicy policy;
  private final PickleLimits limits;

  public PickleScanner(CallablePolicy policy, PickleLimits limits) {
    this.policy = policy;
    this.limits = limits;
  }

  /** What a stream holds. */
  public record Result(List<PickleIssue> issues, int pickles, boolean legacyTorch, long bytesRead,
      List<NestedPayload> archives) {}

  public Result scan(InputStream in) {
    return scan(in, false);
  }

  /**
   * Scans {@code in}. A {@code speculative} stream was recognised by content alone (a zip member under a
   * data name): when it breaks, only plausible callables are kept and no malformation is reported.
   */
  public Result scan(InputStream in, boolean speculative) {
    List<PickleIssue> issues = new ArrayList<>();
    List<NestedPayload> archives = new ArrayList<>();
    ByteSource src = new ByteSource(in);
    Summary s = scanStream(src, "", 0, issues, speculative, archives);
    return new Result(List.copyOf(issues), s.pickles, s.legacyTorch, src.position(), List.copyOf(archives));
  }

  private record Summary(int pickles, boolean legacyTorch) {}

  private Summary scanStream(ByteSource src, String via, int depth, List<PickleIssue> issues, boolean firstSpeculative,
      List<NestedPayload> archives) {
    PickleDisassembler dis = new PickleDisassembler(src, limits.captureLimit());
    Map<String, PickleIssue> byCallable = new LinkedHashMap<>();
    List<NestedPayload> nested = new ArrayList<>();
    int pickles = 0;
    int maxStacked = limits.maxStacked();
    boolean legacy = false;
    while (pickles < maxStacked) {
      List<Observation> obs = new ArrayList<>();
      PickleMachine.Outcome outcome = new PickleMachine(dis, limits, obs, nested, 0).run();
      boolean speculative = pickles > 0 || firstSpeculative;
      pickles++;
      boolean failed = outcome.error() != null;
      for (Observation o : obs) {
        if (speculative && failed && !plausible(o)) {
          continue;
        }
        classify(o, via, byCallable, speculative && failed);
      }
      if (failed) {
        if (!speculative) {
          String problem = outcome.error() instanceof EOFException
              ? "stream ends before STOP (truncated or cut on purpose)" : outcome.error().getMessage();
          long at = outcome.error() instanceof PickleFormatException pf ? pf.offset() : src.position();
          issues.add(new PickleIssue(PickleIssue.Kind.MALFORMED, at, problem, "malformed pickle stream", via, 1));
        }
        break;
      }
      if (pickles == 1 && outcome.value() instanceof Int i && LEGACY_TORCH_MAGIC.equals(i.asBig())) {
        legacy = true;
        maxStacked = 5;
      }
      if (!startsAnotherPickle(src) && !skipLegacyStorage(outcome.value(), src)) {
        break;
      }
    }
    issues.addAll(byCallable.values());
    for (NestedPayload n : nested) {
      String chain = (via.isEmpty() ? "" : via + " > ") + n.loader() + "@0x" + Long.toHexString(n.offset());
      if (n.data() == null || depth >= limits.maxDepth()) {
        continue;
      }
      byte[] d = n.data();
      if (d.length >= 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4) {
        // torch.load of a zip checkpoint: the caller opens it as a container
        if (via.isEmpty()) {
          archives.add(n);
        }
        continue;
      }
      scanStream(new ByteSource(new ByteArrayInputStream(d)), chain, depth + 1, issues, false, archives);
    }
    return new Summary(pickles, legacy);
  }

  /**
   * The legacy tar format's {@code storages} member alternates a pickled {@code (key, location,
   * StorageType)} tuple with that storage's raw data (an 8-byte element count, then the elements); skip
   * the data so the next tuple — where a payload may hide — is scanned too.
   */
  static boolean skipLegacyStorage(PyValue value, ByteSource src) {
    if (!(value instanceof PyValue.Seq t) || !t.type.equals("tuple") || t.items.size() != 3
        || !(t.items.get(2) instanceof PyValue.Global g) || !g.name().endsWith("Storage")) {
      return false;
    }
    int size = switch (g.name()) {
      case "DoubleStorage", "LongStorage", "ComplexFloatStorage" -> 8;
      case "FloatStorage", "IntStorage", "QInt32Storage" -> 4;
      case "HalfStorage", "BFloat16Storage", "ShortStorage" -> 2;
      case "CharStorage", "ByteStorage", "BoolStorage", "QUInt8Storage", "QInt8Storage" -> 1;
      case "ComplexDoubleStorage" -> 16;
      default -> 0;
    };
    try {
      long numel = src.readLittleEndian(8);
      if (size == 0 || numel < 0 || numel > Long.MAX_VALUE / 16) {
        return false;
      }
      src.skip(numel * size);
      return src.peek() == 0x80;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean startsAnotherPickle(ByteSource src) {
    try {
      return src.peek() == 0x80;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code dangerousOnly}: a stream found by content that did not parse; only dangerous callables count. */
  private void classify(Observation o, String via, Map<String, PickleIssue> byCallable, boolean dangerousOnly) {
    PickleIssue.Kind kind;
    String detail;
    switch (o.kind()) {
      case GLOBAL -> {
        CallablePolicy.Verdict v = policy.classify(o.module(), o.name());
        if (v == CallablePolicy.Verdict.SAFE) {
          return;
        }
        if (dangerousOnly && v != CallablePolicy.Verdict.DANGEROUS) {
          return;
        }
        kind = v == CallablePolicy.Verdict.DANGEROUS ? PickleIssue.Kind.DANGEROUS : PickleIssue.Kind.UNKNOWN;
        detail = v == CallablePolicy.Verdict.DANGEROUS
            ? "denylisted (" + policy.denyReason(o.module(), o.name()) + "), imported with " + o.opcode()
            : "not on the allowlist, imported with " + o.opcode();
      }
      case EXTENSION -> {
        if (dangerousOnly) {
          return;
        }
        kind = PickleIssue.Kind.UNKNOWN;
        detail = o.detail();
      }
      default -> {
        kind = PickleIssue.Kind.DANGEROUS;
        detail = o.detail();
      }
    }
    String key = kind + "\u0000" + o.qualifiedName();
    PickleIssue prev = byCallable.get(key);
    if (prev == null) {
      byCallable.put(key, new PickleIssue(kind, o.offset(), o.qualifiedName(), detail, via, 1));
    } else {
      byCallable.put(key, new PickleIssue(kind, prev.offset(), prev.callable(), prev.detail(), via, prev.occurrences() + 1));
    }
  }

  private static boolean plausible(Observation o) {
    return o.module() != null && isDottedIdentifier(o.module()) && isDottedIdentifier(o.name());
  }

  static boolean isDottedIdentifier(String s) {
    if (s == null || s.isEmpty() || s.length() > 512) {
      return false;
    }
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (start) return false;
        start = true;
      } else if (Character.isLetter(c) || c == '_' || (!start && Character.isDigit(c))) {
        start = false;
      } else {
        return false;
      }
    }
    return !start;
  }
}
