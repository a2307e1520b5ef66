package dev.bulwark.sbom.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Jackson mappers for scanned JSON, YAML and TOML with bounds on nesting, string length and (YAML) aliases,
 * so that a hostile lockfile cannot exhaust the stack or memory. Files are read whole up to {@link #MAX_BYTES}.
 */
public final class Parsers {

  /** Largest manifest or lockfile read (the engine's per-file limit applies when smaller). */
  public static final long MAX_BYTES = 64L << 20;

  private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(256)
      .maxStringLength(16 << 20)
      .maxNumberLength(200)
      .maxNameLength(64 << 10)
      .build();

  // one holder per format, so that a scan without YAML or TOML files never loads those parsers
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build());
  }

  private static final class Toml {
    static final ObjectMapper MAPPER = new ObjectMapper(TomlFactory.builder().streamReadConstraints(CONSTRAINTS).build());
  }

  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
        .loaderOptions(yamlLoaderOptions())
        .streamReadConstraints(CONSTRAINTS)
        .build());
  }

  private Parsers() {}

  private static LoaderOptions yamlLoaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit((int) MAX_BYTES);
    o.setNestingDepthLimit(100);
    o.setMaxAliasesForCollections(20);
    o.setAllowRecursiveKeys(false);
    o.setAllowDuplicateKeys(true);
    return o;
  }

  public static byte[] read(ScanFile file, ScanContext context) throws IOException {
    return file.readAllBytes(Math.min(MAX_BYTES, context.limits().maxFileBytes()));
  }

  public static String readText(ScanFile file, ScanContext context) throws IOException {
    byte[] b = read(file, context);
    int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    return new String(b, start, b.length - start, java.nio.charset.StandardCharsets.UTF_8);
  }

  public static JsonNode json(ScanFile file, ScanContext context) throws IOException {
    return parse(Json.MAPPER, file, readText(file, context), "JSON");
  }

  public static JsonNode json(String path, String text) throws IOException {
    return parse(Json.MAPPER, path, text, "JSON");
  }

  public static JsonNode toml(ScanFile file, ScanContext context) throws IOException {
    return parse(Toml.MAPPER, file, readText(file, context), "TOML");
  }

  /**
   * A lockfile's {@code [[key]]} array of tables, or null when the file has none; any other value under
   * {@code key} makes the file unreadable.
   */
  public static JsonNode arrayOfTables(JsonNode root, String key, String path) throws UnreadableInputException {
    JsonNode tables = root.get(key);
    if (tables != null && !tables.isArray()) {
      throw new UnreadableInputException(path, "[[" + key + "]] is not an array of tables");
    }
    return tables;
  }

  public static JsonNode toml(String path, String text) throws IOException {
    return parse(Toml.MAPPER, path, text, "TOML");
  }

  public static JsonNode yaml(ScanFile file, ScanContext context) throws IOException {
    return parse(Yaml.MAPPER, file, readText(file, context), "YAML");
  }

  public static JsonNode yaml(String path, String text) throws IOException {
    return parse(Yaml.MAPPER, path, text, "YAML");
  }

  /**
   * Every document of a YAML stream ({@code ---} separated), at most {@code maxDocuments}; empty documents are
   * skipped. More documents than that make the file unreadable.
   */
  public static List<JsonNode> yamlDocuments(String path, String text, int maxDocuments) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = Yaml.MAPPER.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node == null || node.isMissingNode() || node.isNull()) {
          continue;
        }
        if (out.size() == maxDocuments) {
          throw new UnreadableInputException(path, "more than " + maxDocuments + " YAML documents");
        }
        out.add(node);
      }
    } catch (UnreadableInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableInputException(path, "malformed YAML: " + firstLine(e.getMessage()), e);
    }
    if (out.isEmpty()) {
      throw new UnreadableInputException(path, "empty YAML document");
    }
    return out;
  }

  private static JsonNode parse(ObjectMapper mapper, ScanFile file, String text, String format) throws IOException {
    return parse(mapper, file.path(), text, format);
  }

  private static JsonNode parse(ObjectMapper mapper, String path, String text, String format) throws IOException {
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new UnreadableInputException(path, "empty " + format + " document");
      }
      return node;
    } catch (UnreadableInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableInputException(path, "malformed " + format + ": " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "parse error";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Text of a node, or null when missing, null or not a scalar. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
