package dev.bulwark.data.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bulwark.data.detect.ColumnFinding;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.data.lineage.LineageDatasets;
import dev.bulwark.data.lineage.LineageEmitter;
import dev.bulwark.data.scan.DatasetReport;
import dev.bulwark.data.scan.DatasetScanner;
import dev.bulwark.data.scan.TextHit;
import io.openlineage.client.OpenLineage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark data scan FILE...}: a per-column PII report of each dataset. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Report which columns of each dataset hold personal data (CSV, TSV, JSON Lines, JSON, Parquet, text).")
public final class DataScanCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--region", description = "ISO country for national phone numbers (e.g. US, DE).")
  String region;

  @Option(names = "--max-rows", defaultValue = "0", description = "Rows read per file, 0 for all (default: ${DEFAULT-VALUE}).")
  long maxRows;

  @Option(names = "--min-confidence", defaultValue = "0.5", description = "Detection threshold (default: ${DEFAULT-VALUE}).")
  double minConfidence;

  @Option(names = "--threads", description = "Worker threads per file (default: the number of processors, at most 4).")
  Integer threads;

  @Option(names = "--fail-on-pii", description = "Exit with 1 when any personal data is found.")
  boolean failOnPii;

  @Option(names = "--openlineage", description = "Emit an OpenLineage run per file (destination below or OPENLINEAGE_URL).")
  boolean openLineage;

  @ArgGroup(exclusive = false)
  LineageOptions lineage = new LineageOptions();

  Map<String, String> env = System.getenv();
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!format.equals("table") && !format.equals("json")) {
        throw new IllegalArgumentException("--format must be table or json, not '" + format + "'");
      }
      int workers = threads != null ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
      DatasetScanner scanner = new DatasetScanner(new TextDetector(region, minConfidence), maxRows, 0, workers);
      List<DatasetReport> reports = new ArrayList<>();
      LineageEmitter emitter = openLineage || lineage.requested() ? lineage.open(clock, env) : null;
      try {
        for (Path f : files) {
          reports.add(scanOne(scanner, f, emitter));
        }
      } finally {
        if (emitter != null) {
          emitter.close();
        }
      }
      if (format.equals("json")) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "bulwark/data-scan/v1");
        doc.put("files", reports);
        out.println(m.writeValueAsString(doc));
      } else {
        reports.forEach(r -> table(r, out));
      }
      out.flush();
      boolean found = reports.stream().anyMatch(r -> !r.findings().isEmpty() || !r.textHits().isEmpty());
      return failOnPii && found ? Exits.FOUND : Exits.OK;
    } catch (Exception e) {
      return Exits.report(e, err);
    }
  }

  private static DatasetReport scanOne(DatasetScanner scanner, Path f, LineageEmitter emitter) throws Exception {
    String job = "data-scan." + f.getFileName();
    if (emitter == null) {
      return scanner.scan(f.toString(), f);
    }
    OpenLineage ol = emitter.openLineage();
    emitter.start(job, List.of(LineageDatasets.input(ol, f, Map.of(), List.of())), List.of());
    try {
      DatasetReport r = scanner.scan(f.toString(), f);
      Map<String, String> schema = new LinkedHashMap<>();
      r.columns().forEach(c -> schema.put(c, null));
      emitter.complete(job, List.of(LineageDatasets.input(ol, f, schema, r.findings())), List.of());
      return r;
    } catch (Exception e) {
      emitter.fail(job, List.of(LineageDatasets.input(ol, f, Map.of(), List.of())), e.getMessage());
      throw e;
    }
  }

  static void table(DatasetReport r, PrintWriter out) {
    out.printf(Locale.ROOT, "%s (%s, %d %s%s)%n", r.path(), r.format().toString().toLowerCase(Locale.ROOT), r.rows(),
        r.textHits().isEmpty() && !r.columns().isEmpty() ? "rows" : "lines", r.complete() ? "" : ", sampled");
    for (String part : r.passedOver()) {
      out.printf(Locale.ROOT, "  not scanned: %s%n", part);
    }
    if (r.findings().isEmpty() && r.textHits().isEmpty()) {
      out.println("  no personal data found");
      return;
    }
    if (!r.findings().isEmpty()) {
      out.printf(Locale.ROOT, "  %-24s %-16s %7s %5s  %s%n", "COLUMN", "ENTITY", "SHARE", "CONF", "SAMPLE");
      for (ColumnFinding f : r.findings()) {
        out.printf(Locale.ROOT, "  %-24s %-16s %6.1f%% %5.2f  %s%n", f.column(), f.entity().id(), f.share() * 100,
            f.confidence(), f.sample());
      }
    }
    if (!r.textHits().isEmpty()) {
      out.printf(Locale.ROOT, "  %-12s %-16s %5s  %s%n", "LINE:COL", "ENTITY", "CONF", "SAMPLE");
      for (TextHit h : r.textHits()) {
        out.printf(Locale.ROOT, "  %-12s %-16s %5.2f  %s%n", h.line() + ":" + h.column(), h.entity().id(),
            h.confidence(), h.sample());
      }
    }
  }
}
