package dev.bulwark.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.data.lineage.LineageDatasets;
import dev.bulwark.spi.CommandPlugin;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {

  private static final Map<String, String> ENV = Map.of("BULWARK_MASK_KEY", "cli-test-key-0123456789abcdef");
  private final Path customers = Fixtures.path("pii-datasets/customers");
  private final ObjectMapper json = new ObjectMapper();

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    DataCommand root = new DataCommand();
    CommandLine cl = new CommandLine(root);
    cl.setExecutionStrategy(parseResult -> {
      // inject the fake environment and clock into whichever subcommand runs
      Object cmd = parseResult.subcommand() == null ? null : parseResult.subcommand().commandSpec().userObject();
      if (cmd instanceof DataMaskCommand m) {
        m.env = ENV;
        m.clock = Fixtures.CLOCK;
      } else if (cmd instanceof DataScanCommand s) {
        s.env = ENV;
        s.clock = Fixtures.CLOCK;
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void pluginIsRegistered() {
    assertThat(ServiceLoader.load(CommandPlugin.class).stream().map(p -> p.get().command()))
        .anySatisfy(c -> assertThat(c).isInstanceOf(DataCommand.class));
  }

  @Test
  void scanPrintsAPerColumnTableAndJson() throws IOException {
    Run table = run("scan", customers.resolve("customers.csv").toString());
    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("COLUMN", "email", "100.0%", "card_number", "credit-card")
        .doesNotContain("@example.com");
    Run j = run("scan", "--format", "json", "--fail-on-pii", customers.resolve("customers.jsonl").toString());
    assertThat(j.exit()).isEqualTo(1);
    JsonNode doc = json.readTree(j.out());
    assertThat(doc.path("schema").asText()).isEqualTo("bulwark/data-scan/v1");
    assertThat(doc.path("files").get(0).path("findings")).isNotEmpty();
  }

  @Test
  void unreadableInputExitsWithTwoAndNamesTheFile(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b\n\"open");
    Run r = run("scan", bad.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.csv").contains("unterminated");
    assertThat(run("scan", dir.resolve("missing.csv").toString()).exit()).isEqualTo(2);
  }

  @Test
  void maskWritesOutputReportAndLineageFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("masked.csv");
    Path ol = dir.resolve("lineage.jsonl");
    Run r = run("mask", customers.resolve("customers.csv").toString(), "-o", out.toString(), "--auto",
        "--openlineage-file", ol.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("masked", "pseudonym", "report:");
    JsonNode report = json.readTree(dir.resolve("masked.csv.mask-report.json").toFile());
    assertThat(report.path("schema").asText()).isEqualTo("bulwark/mask-report/v1");
    assertThat(report.path("rows").asLong()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(ol)) {
      events.add(json.readTree(line));
    }
    assertThat(events).extracting(e -> e.path("eventType").asText()).containsExactly("START", "COMPLETE");
    assertThat(events.get(0).path("run").path("runId").asText()).isEqualTo(events.get(1).path("run").path("runId").asText());
    JsonNode output = events.get(1).path("outputs").get(0);
    assertThat(output.path("namespace").asText()).isEqualTo(LineageDatasets.FILE_NAMESPACE);
    JsonNode email = output.path("facets").path("columnLineage").path("fields").path("email");
    assertThat(email.path("inputFields").get(0).path("field").asText()).isEqualTo("email");
    assertThat(email.path("inputFields").get(0).path("transformations").get(0).path("masking").asBoolean()).isTrue();
    assertThat(output.path("facets").path("schema").path("fields")).hasSize(14);
  }

  @Test
  void maskRefusesTheInputAsOutputAndKeyOnCommandLine(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.copy(customers.resolve("customers.csv"), in);
    Run same = run("mask", in.toString(), "-o", in.toString(), "--auto");
    assertThat(same.exit()).isEqualTo(2);
    assertThat(same.err()).contains("refusing to overwrite the input");
    Run noKey = run("mask", in.toString(), "-o", dir.resolve("o.csv").toString(), "--auto", "--key-env", "NOPE");
    assertThat(noKey.exit()).isEqualTo(2);
    assertThat(noKey.err()).contains("NOPE");
    assertThat(dir.resolve("o.csv")).doesNotExist();
    assertThat(run("mask", in.toString(), "-o", dir.resolve("x.csv").toString()).err()).contains("nothing to do");
  }

  @Test
  void lineageIsPostedToAnHttpEndpointWithFailOnError(@TempDir Path dir) throws IOException {
    List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    List<String> paths = Collections.synchronizedList(new ArrayList<>());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(201, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Run ok = run("mask", customers.resolve("customers.parquet").toString(), "-o", dir.resolve("m.parquet").toString(),
          "--auto", "--openlineage-url", url);
      assertThat(ok.exit()).as(ok.err()).isZero();
      Path bad = Files.writeString(dir.resolve("bad.csv"), "email\n\"x@example.com\n");
      Run failed = run("mask", bad.toString(), "-o", dir.resolve("b.csv").toString(), "--auto", "--openlineage-url", url);
      assertThat(failed.exit()).isEqualTo(2);
      Run scanned = run("scan", "--openlineage", "--openlineage-url", url, customers.resolve("customers.csv").toString());
      assertThat(scanned.exit()).isZero();
    } finally {
      server.stop(0);
    }
    assertThat(paths).allMatch(p -> p.equals("POST /api/v1/lineage"));
    List<String> types = bodies.stream().map(b -> {
      try {
        return json.readTree(b).path("eventType").asText();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(types).containsExactly("START", "COMPLETE", "START", "FAIL", "START", "COMPLETE");
    JsonNode fail = json.readTree(bodies.get(3));
    assertThat(fail.path("run").path("facets").path("errorMessage").path("message").asText()).contains("unterminated");
    JsonNode scanComplete = json.readTree(bodies.get(5));
    assertThat(scanComplete.path("inputs").get(0).path("facets").path("tags").path("tags").toString()).contains("\"pii\"");
  }
}
