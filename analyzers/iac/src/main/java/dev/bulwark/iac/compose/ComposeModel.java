package dev.bulwark.iac.compose;

import static dev.bulwark.iac.YamlSource.list;
import static dev.bulwark.iac.YamlSource.map;
import static dev.bulwark.iac.YamlSource.string;

import dev.bulwark.iac.Subject;
import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.policy.yaml.Positions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compose file as one check subject: {@code compose} and {@code services}, each with {@code name},
 * {@code service}, {@code volumes} (short {@code src:dst:mode} and long syntax alike: {@code source},
 * {@code target}) and {@code environment} (list {@code KEY=value} and map forms alike: {@code name},
 * {@code value}, {@code literal}).
 */
public final class ComposeModel {

  private ComposeModel() {}

  public static Subject subject(Map<String, Object> doc, Positions positions, String path) {
    List<Object> services = new ArrayList<>();
    Map<String, Object> svcs = map(doc, "services");
    if (svcs != null) {
      for (Map.Entry<String, Object> e : svcs.entrySet()) {
        Map<String, Object> svc = map(e.getValue());
        if (svc == null) {
          continue;
        }
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("name", e.getKey());
        w.put("service", svc);
        w.put("volumes", volumes(svc, positions));
        w.put("environment", environment(svc, positions));
        Pos p = positions.of(svc);
        if (p != null) {
          positions.node(w, p);
        }
        services.add(w);
      }
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("compose", doc);
    vars.put("services", services);
    vars.put("file", Map.of("path", path));
    Pos start = positions.of(doc);
    return new Subject(vars, start == null ? Pos.START : start, "");
  }

  private static List<Object> volumes(Map<String, Object> svc, Positions positions) {
    List<Object> out = new ArrayList<>();
    List<Object> vols = list(svc.get("volumes"));
    for (int i = 0; i < vols.size(); i++) {
      Object v = vols.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      if (v instanceof String s) {
        String[] parts = s.split(":");
        m.put("source", parts.length > 1 ? parts[0] : "");
        m.put("target", parts.length > 1 ? parts[1] : parts[0]);
        m.put("mode", parts.length > 2 ? parts[2] : "");
      } else if (map(v) != null) {
        m.put("source", string(map(v).get("source")));
        m.put("target", string(map(v).get("target")));
        m.put("mode", Boolean.TRUE.equals(map(v).get("read_only")) ? "ro" : "");
      } else {
        continue;
      }
      Pos p = positions.ofItem(vols, i);
      if (p != null) {
        positions.node(m, p);
      }
      out.add(m);
    }
    return out;
  }

  private static List<Object> environment(Map<String, Object> svc, Positions positions) {
    List<Object> out = new ArrayList<>();
    Object env = svc.get("environment");
    if (env instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        String s = string(l.get(i));
        int eq = s.indexOf('=');
        Map<String, Object> m = entry(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1), eq >= 0);
        Pos p = positions.ofItem(l, i);
        if (p != null) {
          positions.node(m, p);
        }
        out.add(m);
      }
    } else if (map(env) != null) {
      for (Map.Entry<String, Object> e : map(env).entrySet()) {
        Object v = e.getValue();
        boolean literal = v != null && !(v instanceof dev.cel.common.values.NullValue);
        Map<String, Object> m = entry(e.getKey(), literal ? string(v) : "", literal);
        Pos p = positions.ofKey(env, e.getKey());
        if (p != null) {
          positions.node(m, p);
        }
        out.add(m);
      }
    }
    return out;
  }

  private static Map<String, Object> entry(String name, String value, boolean literal) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name.strip());
    m.put("value", value);
    m.put("literal", literal);
    return m;
  }
}
