package dev.bulwark.model.scan.format;

import dev.bulwark.model.Location;
import dev.bulwark.model.Severity;
import dev.bulwark.model.scan.ScanSession;
import dev.bulwark.model.scan.rules.TfDangerousOpRule;
import java.util.Map;
import java.util.TreeMap;

/**
 * TensorFlow {@code saved_model.pb}: walks SavedModel → MetaGraphDef → GraphDef (and its function library)
 * → NodeDef.op and reports operations that run Python or touch files.
 */
public final class SavedModelCheck {
  static final Map<String, Severity> DANGEROUS_OPS = Map.ofEntries(
      Map.entry("PyFunc", Severity.CRITICAL), Map.entry("PyFuncStateless", Severity.CRITICAL),
      Map.entry("EagerPyFunc", Severity.CRITICAL), Map.entry("ReadFile", Severity.HIGH),
      Map.entry("WriteFile", Severity.HIGH), Map.entry("MatchingFiles", Severity.HIGH),
      Map.entry("MatchingFilesDataset", Severity.HIGH), Map.entry("ImmutableConst", Severity.HIGH),
      Map.entry("CreateSummaryFileWriter", Severity.HIGH), Map.entry("WholeFileReader", Severity.HIGH),
      Map.entry("WholeFileReaderV2", Severity.HIGH), Map.entry("TextLineDataset", Severity.HIGH),
      Map.entry("FixedLengthRecordDataset", Severity.HIGH), Map.entry("FixedLengthRecordDatasetV2", Severity.HIGH),
      Map.entry("TFRecordDataset", Severity.HIGH), Map.entry("TFRecordDatasetV2", Severity.HIGH),
      Map.entry("DebugIdentityV2", Severity.HIGH), Map.entry("PrintV2", Severity.HIGH),
      Map.entry("LoadAndRemapMatrix", Severity.HIGH), Map.entry("SaveDataset", Severity.HIGH),
      Map.entry("SaveDatasetV2", Severity.HIGH), Map.entry("LoadDataset", Severity.HIGH),
      Map.entry("ExperimentalLMDBDataset", Severity.HIGH), Map.entry("LMDBDataset", Severity.HIGH),
      Map.entry("SqlDataset", Severity.HIGH), Map.entry("ExperimentalSqlDataset", Severity.HIGH));

  private SavedModelCheck() {}

  /** Returns the op histogram of the graph (also used by the cataloger), or null when malformed. */
  public static Map<String, Integer> check(String label, byte[] bytes, ScanSession s) {
    Map<String, Integer> ops = new TreeMap<>();
    try {
      Proto.of(bytes).forEach(f -> {
        if (f.number() == 2 && f.wireType() == 2) {
          f.message().forEach(m -> {
            if (m.number() == 2 && m.wireType() == 2) graph(m.message(), ops);
          });
        }
      });
    } catch (Proto.MalformedException e) {
      s.malformed(label, "invalid SavedModel protobuf: " + e.getMessage());
      return null;
    }
    ops.forEach((op, n) -> {
      Severity sev = DANGEROUS_OPS.get(op);
      if (sev != null) {
        s.add(TfDangerousOpRule.INSTANCE.finding(Location.of(label), op).severity(sev)
            .evidence("construct", "op " + op).evidence("occurrences", n).build());
      }
    });
    return ops;
  }

  private static void graph(Proto g, Map<String, Integer> ops) throws Proto.MalformedException {
    g.forEach(f -> {
      if (f.wireType() != 2) return;
      if (f.number() == 1) node(f.message(), ops);
      if (f.number() == 2) {
        f.message().forEach(fn -> {
          if (fn.number() == 1 && fn.wireType() == 2) {
            fn.message().forEach(fd -> {
              if (fd.number() == 3 && fd.wireType() == 2) node(fd.message(), ops);
            });
          }
        });
      }
    });
  }

  private static void node(Proto n, Map<String, Integer> ops) throws Proto.MalformedException {
    n.forEach(f -> {
      if (f.number() == 2 && f.wireType() == 2) ops.merge(f.string(), 1, Integer::sum);
    });
  }
}
