package dev.bulwark.data.mask;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.data.detect.ColumnFinding;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.spi.UnreadableInputException;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Masks JSON Lines record by record (the usual format of LLM fine-tuning data). Columns are the dotted
 * paths the readers flatten to ({@code contact.email}); a planned path's string or number value (or each
 * scalar of an array there) is replaced, a dropped path is removed. One record is held at a time, bounded
 * by the parser's limits.
 */
final class JsonLinesMasker {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build())
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private JsonLinesMasker() {}

  static MaskSummary mask(Path in, Path out, MaskRules rules, List<ColumnFinding> detected, boolean auto,
      Supplier<MaskKey> key, TextDetector detector, List<String> columns) throws IOException {
    Map<String, ColumnPlan> plans = MaskPlanner.plan(columns, rules, detected, auto, key);
    RowMasker counter = new RowMasker(columns, plans, detector, rules);
    long rows = 0;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(in), 1 << 16);
        JsonParser parser = FACTORY.createParser(raw);
        AtomicOutput output = new AtomicOutput(out)) {
      try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output.temp()),
          StandardCharsets.UTF_8), 1 << 16); JsonGenerator g = FACTORY.createGenerator(w)) {
        g.setRootValueSeparator(null);
        JsonToken t;
        while ((t = parser.nextToken()) != null) {
          if (t != JsonToken.START_OBJECT) {
            throw new UnreadableInputException(in.toString(), "record " + (rows + 1) + " is not a JSON object");
          }
          ObjectNode record = MAPPER.readTree(parser);
          apply(record, "", plans, counter, columns);
          MAPPER.writeTree(g, record);
          g.flush();
          w.write('\n');
          rows++;
        }
      } catch (JsonProcessingException e) {
        throw new UnreadableInputException(in.toString(), "malformed JSON after record " + rows + ": "
            + e.getOriginalMessage(), e);
      }
      output.commit();
    }
    return DatasetMasker.summary(in, out, "json-lines", rows, columns, plans, counter, null);
  }

  private static void apply(ObjectNode node, String prefix, Map<String, ColumnPlan> plans, RowMasker counter,
      List<String> columns) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    for (String name : names) {
      String path = prefix + name;
      JsonNode v = node.get(name);
      ColumnPlan p = plans.get(path);
      if (v.isObject()) {
        apply((ObjectNode) v, path + ".", plans, counter, columns);
      } else if (p != null && p.drops()) {
        node.remove(name);
      } else if (p != null && v.isArray()) {
        ArrayNode a = (ArrayNode) v;
        for (int i = 0; i < a.size(); i++) {
          if (a.get(i).isValueNode() && !a.get(i).isNull()) {
            a.set(i, TextNode.valueOf(counter.maskOne(columns.indexOf(path), a.get(i).asText())));
          }
        }
      } else if (p != null && v.isValueNode() && !v.isNull()) {
        node.set(name, TextNode.valueOf(counter.maskOne(columns.indexOf(path), v.asText())));
      }
    }
  }
}
