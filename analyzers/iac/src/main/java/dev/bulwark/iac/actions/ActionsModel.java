package dev.bulwark.iac.actions;

import static dev.bulwark.iac.YamlSource.list;
import static dev.bulwark.iac.YamlSource.map;
import static dev.bulwark.iac.YamlSource.string;

import dev.bulwark.iac.Subject;
import dev.bulwark.iac.shell.ShellParser;
import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.policy.yaml.Positions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GitHub Actions workflow (or composite action) as one check subject: {@code workflow}, {@code triggers}
 * (event names from {@code on:} in any of its three forms), {@code jobs} ({@code id}, {@code job}),
 * {@code steps} ({@code job}, {@code step}, {@code uses}, {@code run}, {@code with}, {@code commands}) and
 * {@code uses} (every step and job {@code uses:} with its owner node).
 */
public final class ActionsModel {

  private ActionsModel() {}

  public static Subject subject(Map<String, Object> wf, Positions positions, String path) {
    List<Object> triggers = new ArrayList<>();
    Object on = wf.containsKey("on") ? wf.get("on") : wf.get("true");
    if (on instanceof String s) {
      triggers.add(s);
    } else if (on instanceof List<?> l) {
      l.forEach(x -> triggers.add(string(x)));
    } else if (on instanceof Map<?, ?> m) {
      m.keySet().forEach(k -> triggers.add(String.valueOf(k)));
    }
    List<Object> jobs = new ArrayList<>();
    List<Object> steps = new ArrayList<>();
    List<Object> uses = new ArrayList<>();
    Map<String, Object> jobsMap = map(wf, "jobs");
    if (jobsMap != null) {
      for (Map.Entry<String, Object> e : jobsMap.entrySet()) {
        Map<String, Object> job = map(e.getValue());
        if (job == null) {
          continue;
        }
        Map<String, Object> jw = new LinkedHashMap<>();
        jw.put("id", e.getKey());
        jw.put("job", job);
        jw.put("runsOn", runsOn(job.get("runs-on")));
        register(positions, jw, job);
        jobs.add(jw);
        if (job.get("uses") instanceof String u) {
          uses.add(use(job, u, "job", e.getKey(), positions));
        }
        addSteps(e.getKey(), job, list(job.get("steps")), steps, uses, positions);
      }
    }
    Map<String, Object> runs = map(wf, "runs");
    boolean composite = runs != null;
    if (runs != null) {
      addSteps("", runs, list(runs.get("steps")), steps, uses, positions);
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("workflow", wf);
    vars.put("triggers", triggers);
    vars.put("jobs", jobs);
    vars.put("steps", steps);
    vars.put("uses", uses);
    vars.put("file", Map.of("path", path, "composite", composite));
    Pos start = positions.of(wf);
    return new Subject(vars, start == null ? Pos.START : start, string(wf.get("name")));
  }

  private static void addSteps(String jobId, Map<String, Object> job, List<Object> list, List<Object> steps,
      List<Object> uses, Positions positions) {
    int index = 0;
    for (Object o : list) {
      Map<String, Object> step = map(o);
      if (step == null) {
        continue;
      }
      Map<String, Object> sw = new LinkedHashMap<>();
      sw.put("job", jobId);
      sw.put("jobNode", job);
      sw.put("step", step);
      sw.put("index", (long) index++);
      String u = string(step.get("uses"));
      String run = string(step.get("run"));
      sw.put("uses", u);
      sw.put("run", run);
      Map<String, Object> with = map(step, "with");
      sw.put("with", with == null ? Map.of() : with);
      sw.put("commands", run.isEmpty() ? List.of() : ShellParser.parse(run));
      register(positions, sw, step);
      steps.add(sw);
      if (!u.isEmpty()) {
        uses.add(use(step, u, "step", jobId, positions));
      }
    }
  }

  private static Map<String, Object> use(Map<String, Object> owner, String value, String kind, String jobId,
      Positions positions) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("node", owner);
    m.put("value", value.strip());
    m.put("kind", kind);
    m.put("job", jobId);
    String v = value.strip();
    int at = v.lastIndexOf('@');
    m.put("ref", at >= 0 ? v.substring(at + 1) : "");
    String action = at >= 0 ? v.substring(0, at) : v;
    m.put("action", action);
    int slash = action.indexOf('/');
    m.put("owner", slash > 0 ? action.substring(0, slash).toLowerCase(java.util.Locale.ROOT) : "");
    m.put("local", v.startsWith("./") || v.startsWith(".\\"));
    m.put("docker", v.startsWith("docker://"));
    Map<String, Object> with = map(owner, "with");
    m.put("with", with == null ? Map.of() : with);
    m.put("secrets", owner.get("secrets") == null ? "" : owner.get("secrets") instanceof String s ? s : "map");
    m.put("secretsNode", owner.get("secrets") instanceof Map<?, ?> sm ? sm : Map.of());
    Pos p = positions.ofKey(owner, "uses");
    if (p != null) {
      positions.node(m, p);
    }
    return m;
  }

  private static List<Object> runsOn(Object v) {
    List<Object> out = new ArrayList<>();
    if (v instanceof String s) {
      out.add(s);
    } else if (v instanceof List<?> l) {
      l.forEach(x -> out.add(string(x)));
    } else if (v instanceof Map<?, ?> m) {
      Object labels = m.get("labels");
      if (labels instanceof String s) {
        out.add(s);
      } else {
        list(labels).forEach(x -> out.add(string(x)));
      }
      Object group = m.get("group");
      if (group != null) {
        out.add("group:" + string(group));
      }
    }
    return out;
  }

  private static void register(Positions positions, Object wrapper, Object node) {
    Pos p = positions.of(node);
    if (p != null) {
      positions.node(wrapper, p);
    }
  }
}
