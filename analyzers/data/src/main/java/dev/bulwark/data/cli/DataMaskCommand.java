package dev.bulwark.data.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.data.lineage.LineageDatasets;
import dev.bulwark.data.lineage.LineageEmitter;
import dev.bulwark.data.mask.AtomicOutput;
import dev.bulwark.data.mask.DatasetMasker;
import dev.bulwark.data.mask.MaskKey;
import dev.bulwark.data.mask.MaskRules;
import dev.bulwark.data.mask.MaskSummary;
import io.openlineage.client.OpenLineage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark data mask IN -o OUT}: a masked copy of a dataset, a JSON report, optional lineage. */
@Command(name = "mask", mixinStandardHelpOptions = true,
    description = "Write a masked copy of a CSV/TSV, JSON Lines or Parquet dataset; the input is never modified.")
public final class DataMaskCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN")
  Path in;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT")
  Path out;

  @Option(names = "--rules", paramLabel = "FILE", description = "Masking rules (YAML or JSON) per column and per entity.")
  Path rulesFile;

  @Option(names = "--auto", description = "Mask the columns that detection finds (rules still win).")
  boolean auto;

  @Option(names = "--key-env", defaultValue = MaskKey.DEFAULT_ENV, paramLabel = "VAR",
      description = "Environment variable holding the HMAC key (default: ${DEFAULT-VALUE}).")
  String keyEnv;

  @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the HMAC key (instead of --key-env).")
  Path keyFile;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: OUT.mask-report.json).")
  Path report;

  @Option(names = "--force", description = "Replace OUT when it exists (never the input).")
  boolean force;

  @Option(names = "--region", description = "ISO country for national phone numbers.")
  String region;

  @ArgGroup(exclusive = false)
  LineageOptions lineage = new LineageOptions();

  Map<String, String> env = System.getenv();
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LineageEmitter emitter = null;
    String job = "data-mask." + in.getFileName();
    List<OpenLineage.InputDataset> inputs = List.of();
    try {
      if (rulesFile == null && !auto) {
        throw new IllegalArgumentException("nothing to do: give --rules FILE, --auto, or both");
      }
      if (!Files.isRegularFile(in)) {
        throw new IllegalArgumentException(in + ": no such file");
      }
      Path reportPath = report != null ? report : out.resolveSibling(out.getFileName() + ".mask-report.json");
      DatasetMasker.checkPaths(in, out, force);
      DatasetMasker.checkPaths(in, reportPath, true);
      Supplier<MaskKey> key = keySupplier();
      MaskRules rules = rulesFile == null ? MaskRules.EMPTY : MaskRules.read(rulesFile, key);
      if (lineage.requested()) {
        emitter = lineage.open(clock, env);
        inputs = List.of(LineageDatasets.input(emitter.openLineage(), in, Map.of(), List.of()));
        emitter.start(job, inputs, List.of(LineageDatasets.plannedOutput(emitter.openLineage(), out)));
      }
      MaskSummary summary = new DatasetMasker(rules, auto, key, new TextDetector(region, TextDetector.DEFAULT_THRESHOLD),
          clock).mask(in, out);
      writeReport(summary, reportPath);
      if (emitter != null) {
        OpenLineage ol = emitter.openLineage();
        Map<String, String> schema = new java.util.LinkedHashMap<>();
        summary.columns().forEach(c -> schema.put(c.name(), c.type()));
        emitter.complete(job, List.of(LineageDatasets.input(ol, in, schema, List.of())),
            List.of(LineageDatasets.output(ol, in, out, summary)));
      }
      print(summary, reportPath, stdout);
      return Exits.OK;
    } catch (Exception e) {
      if (emitter != null) {
        try {
          emitter.fail(job, inputs, e.getMessage());
        } catch (RuntimeException lineageFailure) {
          err.println("bulwark data: could not send the FAIL lineage event: " + lineageFailure.getMessage());
        }
      }
      return Exits.report(e, err);
    } finally {
      if (emitter != null) {
        try {
          emitter.close();
        } catch (IOException e) {
          err.println("bulwark data: " + e.getMessage());
        }
      }
    }
  }

  private Supplier<MaskKey> keySupplier() {
    return () -> {
      if (keyFile != null) {
        try {
          return MaskKey.fromFile(keyFile);
        } catch (IOException e) {
          throw new IllegalArgumentException(keyFile + ": cannot read the masking key: " + e.getMessage(), e);
        }
      }
      return MaskKey.fromEnv(env, keyEnv);
    };
  }

  private static void writeReport(MaskSummary summary, Path reportPath) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try (AtomicOutput o = new AtomicOutput(reportPath)) {
      m.writeValue(o.temp().toFile(), summary);
      o.commit();
    }
  }

  private static void print(MaskSummary s, Path reportPath, PrintWriter out) {
    out.printf(Locale.ROOT, "masked %s -> %s (%s, %d rows, %d ms)%n", s.input(), s.output(), s.format(), s.rows(),
        s.durationMillis());
    out.printf(Locale.ROOT, "  %-24s %-8s %-10s %-6s %-16s %10s%n", "COLUMN", "ACTION", "OPERATOR", "SCOPE", "ENTITY", "CHANGED");
    for (MaskSummary.ColumnSummary c : s.columns()) {
      out.printf(Locale.ROOT, "  %-24s %-8s %-10s %-6s %-16s %10s%n", c.name(), c.action(),
          c.operator() == null ? "-" : c.operator(), c.scope() == null ? "-" : c.scope(),
          c.entity() == null ? "-" : c.entity(), c.action().equals("kept") ? "-" : String.valueOf(c.changed()));
    }
    out.println("report: " + reportPath);
    out.flush();
  }
}
