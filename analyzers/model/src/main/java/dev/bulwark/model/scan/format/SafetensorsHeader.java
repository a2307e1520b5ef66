package dev.bulwark.model.scan.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates a safetensors header against the specification; the tensor data is never read.
 * Problems are returned as values, one line each.
 */
public record SafetensorsHeader(long headerLength, int tensors, long parameters, Map<String, String> metadata,
    Map<String, Integer> dtypes, List<String> problems) {
  public static final long MAX_HEADER = 100_000_000L;
  private static final ObjectMapper STRICT = Json.MAPPER.copy()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Map<String, Integer> BITS = Map.ofEntries(Map.entry("BOOL", 8), Map.entry("U8", 8),
      Map.entry("I8", 8), Map.entry("F8_E5M2", 8), Map.entry("F8_E4M3", 8), Map.entry("F8_E8M0", 8),
      Map.entry("I16", 16), Map.entry("U16", 16), Map.entry("F16", 16), Map.entry("BF16", 16), Map.entry("I32", 32),
      Map.entry("U32", 32), Map.entry("F32", 32), Map.entry("I64", 64), Map.entry("U64", 64), Map.entry("F64", 64),
      Map.entry("C64", 64), Map.entry("F4", 4), Map.entry("F6_E2M3", 6), Map.entry("F6_E3M2", 6));

  private record Span(String name, long begin, long end) {}

  public static SafetensorsHeader read(InputStream in, long fileSize) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, String> meta = new LinkedHashMap<>();
    Map<String, Integer> dtypes = new LinkedHashMap<>();
    byte[] len = in.readNBytes(8);
    if (len.length < 8) {
      return fail("file shorter than the 8-byte header length");
    }
    long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (n < 2 || n > MAX_HEADER) {
      return fail("header length " + Long.toUnsignedString(n) + " is out of bounds (2.." + MAX_HEADER + ")");
    }
    if (8 + n > fileSize) {
      return fail("header length " + n + " runs past the end of the " + fileSize + "-byte file");
    }
    byte[] header = in.readNBytes((int) n);
    if (header.length < n) {
      return fail("header cut short");
    }
    if (header[0] != '{') {
      problems.add("header does not start with '{'");
    }
    JsonNode root;
    try {
      root = STRICT.readTree(header);
    } catch (IOException e) {
      return fail("header is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      return fail("header is not a JSON object");
    }
    long dataSize = fileSize - 8 - n;
    List<Span> spans = new ArrayList<>();
    long params = 0;
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String name = e.getKey();
      JsonNode t = e.getValue();
      if (name.equals("__metadata__")) {
        if (!t.isObject()) {
          problems.add("__metadata__ is not an object");
          continue;
        }
        for (Map.Entry<String, JsonNode> m : t.properties()) {
          if (!m.getValue().isTextual()) {
            problems.add("__metadata__ value '" + m.getKey() + "' is not a string");
          } else {
            meta.put(m.getKey(), m.getValue().asText());
          }
        }
        continue;
      }
      String dtype = t.path("dtype").asText("");
      Integer bits = BITS.get(dtype);
      JsonNode shape = t.get("shape");
      JsonNode offs = t.get("data_offsets");
      if (bits == null) {
        problems.add("tensor '" + name + "' has unknown dtype '" + dtype + "'");
        continue;
      }
      dtypes.merge(dtype, 1, Integer::sum);
      if (shape == null || !shape.isArray() || offs == null || !offs.isArray() || offs.size() != 2
          || !offs.get(0).canConvertToLong() || !offs.get(1).canConvertToLong()) {
        problems.add("tensor '" + name + "' lacks a shape array or a [begin, end] data_offsets pair");
        continue;
      }
      long elems = 1;
      boolean badShape = false;
      for (JsonNode d : shape) {
        if (!d.canConvertToLong() || d.asLong() < 0) {
          badShape = true;
          break;
        }
        try {
          elems = Math.multiplyExact(elems, d.asLong());
        } catch (ArithmeticException ex) {
          badShape = true;
          break;
        }
      }
      long begin = offs.get(0).asLong();
      long end = offs.get(1).asLong();
      if (badShape) {
        problems.add("tensor '" + name + "' has an invalid shape");
        continue;
      }
      params += elems;
      if (begin < 0 || end < begin || end > dataSize) {
        problems.add("tensor '" + name + "' has data_offsets [" + begin + ", " + end + "] outside the "
            + dataSize + "-byte data");
        continue;
      }
      long expected = (elems * bits + 7) / 8;
      if (end - begin != expected) {
        problems.add("tensor '" + name + "' is " + (end - begin) + " bytes but " + dtype + " x " + shape
            + " needs " + expected);
      }
      spans.add(new Span(name, begin, end));
    }
    spans.sort(Comparator.comparingLong(Span::begin).thenComparingLong(Span::end));
    long cursor = 0;
    for (Span s : spans) {
      if (s.begin() < cursor) {
        problems.add("tensor '" + s.name() + "' overlaps the tensor before it");
      } else if (s.begin() > cursor) {
        problems.add((s.begin() - cursor) + " unindexed bytes before tensor '" + s.name() + "'");
      }
      cursor = Math.max(cursor, s.end());
    }
    if (problems.isEmpty() && cursor != dataSize) {
      problems.add((dataSize - cursor) + " bytes after the last tensor are not indexed by the header");
    }
    return new SafetensorsHeader(n, spans.size(), params, meta, dtypes, List.copyOf(problems));
  }

  private static SafetensorsHeader fail(String problem) {
    return new SafetensorsHeader(-1, 0, 0, Map.of(), Map.of(), List.of(problem));
  }

}
