package dev.bulwark.model.scan.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an ONNX ModelProto says about itself, read by field number: producer, opsets, operator domains
 * (in nested graphs too), external data locations and the parameter count of its initializers.
 */
public record OnnxModel(long irVersion, String producer, List<String> opsets, Set<String> nodeDomains,
    Set<String> functionDomains, List<String> externalLocations, long parameters, long nodes) {
  private static final int MAX_GRAPH_DEPTH = 64;

  public static OnnxModel parse(byte[] bytes) throws Proto.MalformedException {
    Builder b = new Builder();
    Proto.of(bytes).forEach(f -> {
      switch (f.number()) {
        case 1 -> b.ir = f.varint();
        case 2 -> b.producer = f.string();
        case 8 -> b.opsets.add(opset(f.message()));
        case 7 -> graph(f.message(), b, 0);
        case 25 -> function(f.message(), b);
        default -> { }
      }
    });
    return new OnnxModel(b.ir, b.producer, List.copyOf(b.opsets), b.domains, b.functionDomains,
        List.copyOf(b.locations), b.params, b.nodes);
  }

  private static final class Builder {
    long ir;
    String producer = "";
    final List<String> opsets = new ArrayList<>();
    final Set<String> domains = new LinkedHashSet<>();
    final Set<String> functionDomains = new LinkedHashSet<>();
    final List<String> locations = new ArrayList<>();
    long params;
    long nodes;
  }

  private static String opset(Proto p) throws Proto.MalformedException {
    String[] domain = {""};
    long[] version = {0};
    p.forEach(f -> {
      if (f.number() == 1 && f.wireType() == 2) domain[0] = f.string();
      if (f.number() == 2 && f.wireType() == 0) version[0] = f.varint();
    });
    return (domain[0].isEmpty() ? "ai.onnx" : domain[0]) + ":" + version[0];
  }

  private static void graph(Proto g, Builder b, int depth) throws Proto.MalformedException {
    if (depth > MAX_GRAPH_DEPTH) {
      throw new Proto.MalformedException("graphs nested deeper than " + MAX_GRAPH_DEPTH);
    }
    g.forEach(f -> {
      if (f.wireType() != 2) return;
      switch (f.number()) {
        case 1 -> node(f.message(), b, depth);
        case 5 -> tensor(f.message(), b, true);
        case 15 -> sparse(f.message(), b);
        default -> { }
      }
    });
  }

  private static void function(Proto fn, Builder b) throws Proto.MalformedException {
    fn.forEach(f -> {
      if (f.number() == 10 && f.wireType() == 2) b.functionDomains.add(f.string());
      if (f.number() == 7 && f.wireType() == 2) node(f.message(), b, 1);
    });
  }

  private static void node(Proto n, Builder b, int depth) throws Proto.MalformedException {
    b.nodes++;
    String[] domain = {""};
    n.forEach(f -> {
      if (f.wireType() != 2) return;
      if (f.number() == 7) domain[0] = f.string();
      if (f.number() == 5) attribute(f.message(), b, depth);
    });
    b.domains.add(domain[0]);
  }

  private static void attribute(Proto a, Builder b, int depth) throws Proto.MalformedException {
    a.forEach(f -> {
      if (f.wireType() != 2) return;
      switch (f.number()) {
        case 6, 11 -> graph(f.message(), b, depth + 1);
        case 5, 10 -> tensor(f.message(), b, false);
        default -> { }
      }
    });
  }

  private static void sparse(Proto s, Builder b) throws Proto.MalformedException {
    s.forEach(f -> {
      if (f.wireType() == 2 && (f.number() == 1 || f.number() == 2)) tensor(f.message(), b, false);
    });
  }

  private static void tensor(Proto t, Builder b, boolean count) throws Proto.MalformedException {
    long[] elems = {1};
    boolean[] anyDim = {false};
    t.forEach(f -> {
      if (f.number() == 1) {
        anyDim[0] = true;
        if (f.wireType() == 0) {
          elems[0] = mul(elems[0], f.varint());
        } else if (f.wireType() == 2) {
          Proto packed = f.message();
          while (packed.hasNext()) {
            elems[0] = mul(elems[0], packedVarint(packed));
          }
        }
      } else if (f.number() == 13 && f.wireType() == 2) {
        String[] kv = {"", ""};
        f.message().forEach(e -> {
          if (e.wireType() == 2 && e.number() == 1) kv[0] = e.string();
          if (e.wireType() == 2 && e.number() == 2) kv[1] = e.string();
        });
        if (kv[0].equals("location")) b.locations.add(kv[1]);
      }
    });
    if (count) {
      b.params = mul(1, b.params + (anyDim[0] ? elems[0] : 1));
    }
  }

  private static long packedVarint(Proto p) throws Proto.MalformedException {
    // a packed varint run has no keys; read it with a fake key-less reader
    return p.nextRawVarint();
  }

  private static long mul(long a, long b) {
    if (b < 0) return a;
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** True when an external data location is absolute or climbs out of the model folder. */
  public static boolean escapes(String location) {
    String l = location.replace('\\', '/');
    if (l.startsWith("/") || l.startsWith("~") || (l.length() > 1 && l.charAt(1) == ':') || l.contains("://")) {
      return true;
    }
    int depth = 0;
    for (String part : l.split("/")) {
      if (part.equals("..")) {
        if (--depth < 0) return true;
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
    return false;
  }
}
