package dev.bulwark.iac.gitlab;

import static dev.bulwark.iac.YamlSource.list;
import static dev.bulwark.iac.YamlSource.map;
import static dev.bulwark.iac.YamlSource.string;

import dev.bulwark.iac.Subject;
import dev.bulwark.iac.YamlSource;
import dev.bulwark.iac.shell.ShellParser;
import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.policy.yaml.Positions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A GitLab CI file as one check subject: {@code pipeline}, {@code jobs} (every top-level mapping that is
 * not a global keyword, hidden {@code .templates} included), {@code images} (image and services entries of
 * the file, {@code default} and jobs), {@code scripts} (script, before_script, after_script as text and
 * parsed commands) and {@code variables} (global and job variables with their values).
 */
public final class GitlabModel {
  private static final Set<String> GLOBAL_KEYS = Set.of("stages", "variables", "default", "include", "workflow",
      "image", "services", "before_script", "after_script", "cache", "spec");
  private static final List<String> SCRIPT_KEYS = List.of("before_script", "script", "after_script");

  private GitlabModel() {}

  public static Subject subject(Map<String, Object> doc, Positions positions, String path) {
    List<Object> jobs = new ArrayList<>();
    List<Object> images = new ArrayList<>();
    List<Object> scripts = new ArrayList<>();
    List<Object> variables = new ArrayList<>();
    addHolder("", doc, images, scripts, variables, positions);
    Map<String, Object> def = map(doc, "default");
    if (def != null) {
      addHolder("default", def, images, scripts, variables, positions);
    }
    for (Map.Entry<String, Object> e : doc.entrySet()) {
      Map<String, Object> job = map(e.getValue());
      if (job == null || GLOBAL_KEYS.contains(e.getKey())) {
        continue;
      }
      Map<String, Object> jw = new LinkedHashMap<>();
      jw.put("name", e.getKey());
      jw.put("job", job);
      jw.put("hidden", e.getKey().startsWith("."));
      Pos p = positions.of(job);
      if (p != null) {
        positions.node(jw, p);
      }
      jobs.add(jw);
      addHolder(e.getKey(), job, images, scripts, variables, positions);
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("pipeline", doc);
    vars.put("jobs", jobs);
    vars.put("images", images);
    vars.put("scripts", scripts);
    vars.put("variables", variables);
    vars.put("file", Map.of("path", path));
    Pos start = positions.of(doc);
    return new Subject(vars, start == null ? Pos.START : start, "");
  }

  private static void addHolder(String job, Map<String, Object> holder, List<Object> images, List<Object> scripts,
      List<Object> variables, Positions positions) {
    Object image = holder.get("image");
    if (image instanceof String s) {
      images.add(image(job, "image", holder, "image", s, positions));
    } else if (map(image) != null && map(image).get("name") instanceof String s) {
      images.add(image(job, "image", map(image), "name", s, positions));
    }
    List<Object> services = list(holder.get("services"));
    for (int i = 0; i < services.size(); i++) {
      Object svc = services.get(i);
      if (svc instanceof String s) {
        images.add(image(job, "service", services, String.valueOf(i), s, positions));
      } else if (map(svc) != null && map(svc).get("name") instanceof String s) {
        images.add(image(job, "service", map(svc), "name", s, positions));
      }
    }
    if (!job.isEmpty() || holder.containsKey("stages") || holder.containsKey("before_script")) {
      for (String key : SCRIPT_KEYS) {
        if (job.isEmpty() && key.equals("script")) {
          continue;
        }
        if (holder.containsKey(key)) {
          String text = String.join("\n", YamlSource.strings(holder.get(key)));
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("job", job);
          s.put("owner", holder);
          s.put("key", key);
          s.put("text", text);
          s.put("commands", ShellParser.parse(text));
          Pos p = positions.ofKey(holder, key);
          if (p != null) {
            positions.node(s, p);
          }
          scripts.add(s);
        }
      }
    }
    Map<String, Object> vars = map(holder, "variables");
    if (vars != null) {
      for (Map.Entry<String, Object> e : vars.entrySet()) {
        Object v = e.getValue();
        Map<String, Object> vm = map(v);
        String value = vm != null ? string(vm.get("value")) : string(v);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("job", job);
        entry.put("owner", vars);
        entry.put("name", e.getKey());
        entry.put("value", value);
        Pos p = positions.ofKey(vars, e.getKey());
        if (p != null) {
          positions.node(entry, p);
        }
        variables.add(entry);
      }
    }
  }

  private static Map<String, Object> image(String job, String kind, Object owner, String key, String ref,
      Positions positions) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("job", job);
    m.put("kind", kind);
    m.put("owner", owner);
    m.put("key", key);
    m.put("ref", ref);
    Pos p = owner instanceof List<?> ? positions.ofItem(owner, Integer.parseInt(key)) : positions.ofKey(owner, key);
    if (p != null) {
      positions.node(m, p);
    }
    return m;
  }
}
