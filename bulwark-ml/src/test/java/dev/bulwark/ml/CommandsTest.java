package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.ml.cli.DriftCommand;
import dev.bulwark.ml.cli.DriftCommandPlugin;
import dev.bulwark.ml.cli.FairnessCommand;
import dev.bulwark.ml.cli.FairnessCommandPlugin;
import dev.bulwark.ml.data.TableSource;
import dev.bulwark.spi.CommandPlugin;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandsTest {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static String fairnessData() {
    return Fixtures.path("fairness/small/data.csv").toString();
  }

  @Test
  void bothCommandsAreRegisteredPlugins() {
    List<String> names = new ArrayList<>();
    for (CommandPlugin p : ServiceLoader.load(CommandPlugin.class)) {
      names.add(new CommandLine(p.command()).getCommandName());
    }
    assertThat(names).contains("fairness", "drift");
    assertThat(new FairnessCommandPlugin().command()).isNotSameAs(new FairnessCommandPlugin().command());
    assertThat(new DriftCommandPlugin().command()).isInstanceOf(DriftCommand.class);
  }

  @Test
  void fairnessWritesJsonHtmlAndPngsAndFailsOnFourFifths() throws Exception {
    Path json = tmp.resolve("f.json");
    Path html = tmp.resolve("f.html");
    Path png = tmp.resolve("png");
    Run r = run(new FairnessCommand(), "--data", fairnessData(), "--label", "label", "--prediction", "pred",
        "--sensitive", "race,sex", "--bootstrap", "50", "--seed", "3", "-o", "json=" + json, "-o", "html=" + html, "-o", "png-dir=" + png);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1); // race fails the four-fifths rule in this fixture
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.get("schema").asText()).isEqualTo("bulwark/fairness/v1");
    assertThat(root.at("/data/rows").asLong()).isEqualTo(3000);
    assertThat(root.get("groups").get(0).fieldNames()).toIterable().contains("attribute", "group", "count", "tp", "fp", "tn", "fn",
        "selectionRate", "tpr", "fpr", "fnr", "tnr", "ppv", "npv", "accuracy");
    assertThat(root.at("/metrics/race").fieldNames()).toIterable().contains("demographicParityDifference", "demographicParityRatio",
        "equalizedOddsDifference", "equalizedOddsRatio", "equalOpportunityDifference", "predictiveParityDifference",
        "disparateImpactRatio", "fourFifthsRule");
    assertThat(root.at("/metrics/race/fourFifthsRule").asBoolean()).isFalse();
    assertThat(root.at("/metrics/race & sex")).isNotNull();
    assertThat(root.at("/intervals/metrics/race/demographicParityDifference/low").isNumber()).isTrue();
    assertThat(root.get("passed").asBoolean()).isFalse();
    String page = Files.readString(html);
    assertThat(page).contains("<svg", "Selection rate by race", "four-fifths").doesNotContain("<script");
    try (Stream<Path> files = Files.list(png)) {
      List<Path> pngs = files.toList();
      assertThat(pngs).hasSize(12);
      for (Path p : pngs) {
        byte[] head = Arrays.head(p);
        assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      }
    }
  }

  @Test
  void failOnConditionsReplaceTheDefault() {
    Run pass = run(new FairnessCommand(), "--data", fairnessData(), "--label", "label", "--prediction", "pred",
        "--sensitive", "sex", "--fail-on", "dp-diff>0.2");
    assertThat(pass.code()).isZero();
    assertThat(pass.out()).contains("sex", "demographicParityDifference");
    Run fail = run(new FairnessCommand(), "--data", fairnessData(), "--label", "label", "--prediction", "pred",
        "--sensitive", "race", "--fail-on", "dp-diff>0.2,eo-ratio<0.5");
    assertThat(fail.code()).isEqualTo(1);
    assertThat(fail.out()).contains("FAILED dp-diff>0.2 on race", "FAILED eo-ratio<0.5 on race");
    Run none = run(new FairnessCommand(), "--data", fairnessData(), "--label", "label", "--prediction", "pred",
        "--sensitive", "race", "--fail-on", "none");
    assertThat(none.code()).isZero();
  }

  @Test
  void scoresWithAThresholdAndAReferenceGroup() throws Exception {
    Path json = tmp.resolve("t.json");
    Run r = run(new FairnessCommand(), "--data", fairnessData(), "--label", "label", "--prediction", "score",
        "--threshold", "0.5", "--sensitive", "race", "--reference-group", "race=B", "-o", "json=" + json);
    assertThat(r.code()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.at("/metrics/race/referenceGroup").asText()).isEqualTo("B");
    // score >= 0.5 is exactly how pred was made, so the figures equal the pred-based reference
    JsonNode expected = Reference.expected().at("/fairness/small/metrics/race");
    Reference.assertStatistic("dp", root.at("/metrics/race/demographicParityDifference").asDouble(),
        expected.get("demographicParityDifference").asDouble());
  }

  @Test
  void usageErrorsAndUnreadableDataExitTwoAndWriteNothing() throws Exception {
    Path json = tmp.resolve("never.json");
    Run missing = run(new FairnessCommand(), "--data", tmp.resolve("nope.csv").toString(), "--label", "label",
        "--prediction", "pred", "--sensitive", "race", "-o", "json=" + json);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.csv", "not a readable file");
    Run badColumn = run(new FairnessCommand(), "--data", fairnessData(), "--label", "label", "--prediction", "pred",
        "--sensitive", "religion", "-o", "json=" + json);
    assertThat(badColumn.code()).isEqualTo(2);
    assertThat(badColumn.err()).contains("data.csv", "no column 'religion'");
    Path garbage = tmp.resolve("model.parquet");
    Files.writeString(garbage, "PAR1 this is not parquet at all");
    Run bad = run(new DriftCommand(), "--reference", garbage.toString(), "--current", garbage.toString(), "-o", "json=" + json);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("model.parquet", "Parquet");
    Run badOutput = run(new DriftCommand(), "--reference", garbage.toString(), "--current", garbage.toString(), "-o", "xml=x");
    assertThat(badOutput.code()).isEqualTo(2);
    assertThat(badOutput.err()).contains("unknown output format 'xml'");
    Run badFailOn = run(new FairnessCommand(), "--data", fairnessData(), "--label", "label", "--prediction", "pred",
        "--sensitive", "race", "--fail-on", "vibes>3");
    assertThat(badFailOn.code()).isEqualTo(2);
    assertThat(json).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void driftWritesJsonHtmlPngAndExitsOneOnDatasetDrift() throws Exception {
    Path dir = Fixtures.path("drift/equal");
    Path json = tmp.resolve("d.json");
    Path html = tmp.resolve("d.html");
    Run r = run(new DriftCommand(), "--reference", dir.resolve("reference.csv").toString(), "--current",
        dir.resolve("current.csv").toString(), "-o", "json=" + json, "-o", "html=" + html, "-o", "png-dir=" + tmp.resolve("png"), "-o", "table");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Dataset drift: DETECTED", "1.064e-239");
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.get("schema").asText()).isEqualTo("bulwark/drift/v1");
    assertThat(root.at("/reference/rows").asLong()).isEqualTo(400);
    assertThat(root.at("/datasetDrift/detected").asBoolean()).isTrue();
    JsonNode sep = root.get("columns").get(1);
    assertThat(sep.get("name").asText()).isEqualTo("sep");
    assertThat(sep.at("/tests/ks/pValue").asDouble()).isGreaterThan(0).isLessThan(1e-200);
    assertThat(json.toFile().length()).isGreaterThan(0);
    assertThat(Files.readString(json, StandardCharsets.UTF_8)).contains("E-239");
    assertThat(Files.readString(html)).contains("<svg", "sep (histogram, drift)");
    try (Stream<Path> files = Files.list(tmp.resolve("png"))) {
      assertThat(files.count()).isEqualTo(3);
    }
  }

  @Test
  void overridesForceTypesAndTests() throws Exception {
    Path dir = Fixtures.path("drift/small");
    Path json = tmp.resolve("o.json");
    Run r = run(new DriftCommand(), "--reference", dir.resolve("reference.csv").toString(), "--current",
        dir.resolve("current.csv").toString(), "--columns", "x_int,few", "--categorical", "x_int", "--numeric", "few",
        "--numeric-test", "psi", "--categorical-test", "jensenshannon", "--jensen-shannon", "0.01", "-o", "json=" + json);
    assertThat(r.err()).isEmpty();
    JsonNode cols = new ObjectMapper().readTree(json.toFile()).get("columns");
    assertThat(cols.get(0).get("type").asText()).isEqualTo("categorical");
    assertThat(cols.get(0).get("method").asText()).isEqualTo("jensen-shannon >= 0.01");
    assertThat(cols.get(1).get("type").asText()).isEqualTo("numeric");
    assertThat(cols.get(1).get("method").asText()).isEqualTo("psi >= 0.1");
    assertThat(cols.get(1).at("/tests/ks/method").asText()).isEqualTo("exact");
  }

  @Test
  void globCharactersInFileNamesAreReadLiterally() throws Exception {
    Path dir = Fixtures.path("drift/small");
    Path weird = tmp.resolve("cur[1]*.csv");
    Files.copy(dir.resolve("current.csv"), weird);
    Files.writeString(tmp.resolve("cur1x.csv"), "x_same\n1\n");
    Run r = run(new DriftCommand(), "--reference", dir.resolve("reference.csv").toString(), "--current", weird.toString(),
        "--columns", "x_shift");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("(250 rows)");
  }

  @Test
  void aValueLateInTheFileThatBreaksTheSampledTypeIsHandled() throws Exception {
    StringBuilder b = new StringBuilder("x,label,pred,g\n");
    for (int i = 0; i < 30_000; i++) {
      b.append(i % 97).append(',').append(i % 2).append(',').append(i % 3 == 0 ? 1 : 0).append(',').append(i % 4).append('\n');
    }
    b.append("n/a,1,1,unknown\n");
    Path late = tmp.resolve("late.csv");
    Files.writeString(late, b.toString());
    Run drift = run(new DriftCommand(), "--reference", late.toString(), "--current", late.toString());
    assertThat(drift.err()).isEmpty();
    assertThat(drift.code()).isZero();
    assertThat(drift.out()).contains("30001 rows");
    Run fairness = run(new FairnessCommand(), "--data", late.toString(), "--label", "label", "--prediction", "pred",
        "--sensitive", "g", "--fail-on", "none");
    assertThat(fairness.err()).isEmpty();
    assertThat(fairness.out()).contains("unknown");
  }

  @Test
  void gzipIsReadByContentWhateverTheName() throws Exception {
    Path dir = Fixtures.path("drift/large");
    Path plainName = tmp.resolve("reference.csv");
    Files.copy(dir.resolve("reference.csv.gz"), plainName);
    Run named = run(new DriftCommand(), "--reference", dir.resolve("reference.csv.gz").toString(),
        "--current", dir.resolve("current.csv.gz").toString(), "--columns", "g_tail");
    Run unnamed = run(new DriftCommand(), "--reference", plainName.toString(),
        "--current", dir.resolve("current.csv.gz").toString(), "--columns", "g_tail");
    assertThat(unnamed.err()).isEmpty();
    assertThat(unnamed.out()).contains("12000 rows").isEqualTo(named.out().replace(dir.resolve("reference.csv.gz").toString(), plainName.toString()));
    // a file named .gz that is not gzip is read as it is, not rejected by a decompressor
    Path notGzip = tmp.resolve("current.csv.gz");
    Files.copy(Fixtures.path("drift/small/current.csv"), notGzip);
    Run plain = run(new DriftCommand(), "--reference", notGzip.toString(), "--current", notGzip.toString(), "--columns", "x_shift");
    assertThat(plain.err()).isEmpty();
    assertThat(plain.out()).contains("250 rows");
  }

  @Test
  void aGzipBombOrCorruptGzipIsUnreadableInputNamingTheFile() throws Exception {
    // 16 MiB of CSV rows deflate to ~16 KiB; 70 gzip members of it (a valid multi-member file of
    // ~1 MiB) expand to 1.1 GiB, past the fixed allowance and 100 times the file's size
    java.io.ByteArrayOutputStream member = new java.io.ByteArrayOutputStream();
    byte[] row = "1,0,1,a\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (var gz = new java.util.zip.GZIPOutputStream(member)) {
      gz.write("x,label,pred,g\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] block = new byte[row.length * 8192];
      for (int i = 0; i < 8192; i++) {
        System.arraycopy(row, 0, block, i * row.length, row.length);
      }
      for (long written = 0; written < 16L << 20; written += block.length) {
        gz.write(block);
      }
    }
    Path bomb = tmp.resolve("bomb.csv.gz");
    try (var out = Files.newOutputStream(bomb)) {
      for (int i = 0; i < 70; i++) {
        out.write(member.toByteArray());
      }
    }
    assertThat(Files.size(bomb)).isLessThan(4L << 20);
    Path json = tmp.resolve("out.json");
    Run r = run(new FairnessCommand(), "--data", bomb.toString(), "--label", "label", "--prediction", "pred",
        "--sensitive", "g", "-o", "json=" + json);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bomb.csv.gz", "expands to more than");
    assertThat(json).doesNotExist();

    Path corrupt = tmp.resolve("corrupt.csv.gz");
    byte[] good = Files.readAllBytes(Fixtures.path("drift/large/current.csv.gz"));
    Files.write(corrupt, java.util.Arrays.copyOf(good, good.length / 2));
    Run c = run(new DriftCommand(), "--reference", corrupt.toString(), "--current", corrupt.toString());
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("corrupt.csv.gz", "gzip");
  }

  @Test
  void eachSessionSpillsIntoItsOwnTemporaryDirectoryAndRemovesIt() throws Exception {
    Path first;
    Path second;
    try (TableSource a = new TableSource("40MB", 1); TableSource b = new TableSource("40MB", 1);
        var sa = a.connection().createStatement(); var sb = b.connection().createStatement()) {
      first = Path.of(setting(sa, "temp_directory"));
      second = Path.of(setting(sb, "temp_directory"));
      assertThat(first).isNotEqualTo(second).isDirectory();
      assertThat(second).isDirectory();
      // more than the memory limit: both spill, each into its own folder, and both answer right
      sa.execute("CREATE TABLE t AS SELECT range AS i, md5(range::VARCHAR) AS h FROM range(2000000)");
      sb.execute("CREATE TABLE t AS SELECT range AS i, md5((range + 1)::VARCHAR) AS h FROM range(2000000)");
      assertThat(scalar(sa, "SELECT count(DISTINCT h) FROM (SELECT h FROM t ORDER BY h)")).isEqualTo(2000000L);
      assertThat(scalar(sb, "SELECT count(*) FROM t WHERE h = md5('1')")).isEqualTo(1L);
    }
    assertThat(first).doesNotExist();
    assertThat(second).doesNotExist();
  }

  @Test
  void tooManyColumnsToCompareIsUnreadableInput() throws Exception {
    int n = dev.bulwark.ml.drift.DriftAnalysis.MAX_COLUMNS + 1;
    StringBuilder header = new StringBuilder();
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < n; i++) {
      header.append(i == 0 ? "" : ",").append("c").append(i);
      row.append(i == 0 ? "" : ",").append(i % 7);
    }
    Path wide = tmp.resolve("wide.csv");
    Files.writeString(wide, header + "\n" + row + "\n" + row + "\n");
    Run r = run(new DriftCommand(), "--reference", wide.toString(), "--current", wide.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("wide.csv", n + " columns to compare", "--columns");
    Run named = run(new DriftCommand(), "--reference", wide.toString(), "--current", wide.toString(), "--columns", "c1,c2");
    assertThat(named.err()).isEmpty();
    assertThat(named.code()).isZero();
  }

  private static String setting(java.sql.Statement s, String name) throws java.sql.SQLException {
    try (var rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long scalar(java.sql.Statement s, String sql) throws java.sql.SQLException {
    try (var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static final class Arrays {
    static byte[] head(Path p) throws java.io.IOException {
      try (var in = Files.newInputStream(p)) {
        return in.readNBytes(4);
      }
    }
  }
}
