package dev.bulwark.iac.k8s;

import static dev.bulwark.iac.YamlSource.list;
import static dev.bulwark.iac.YamlSource.map;
import static dev.bulwark.iac.YamlSource.string;

import dev.bulwark.iac.Subject;
import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.policy.yaml.Positions;
import dev.bulwark.policy.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes resources as check subjects. Every resource of every document (and of {@code *List} kinds)
 * is one subject with {@code resource}, {@code pods} and {@code containers}. Pod specs are found wherever
 * they sit (a map with a {@code containers} list: Pods, workload templates, CronJob job templates, Kubeflow
 * {@code *ReplicaSpecs}, Ray groups, any CRD) plus KServe {@code InferenceService} components, whose
 * framework entries ({@code model}, {@code sklearn}...) count as containers, and Argo Workflows (Kubeflow
 * Pipelines), whose templates' containers run under the workflow spec.
 */
public final class KubernetesModel {
  private static final Set<String> KSERVE_COMPONENTS = Set.of("predictor", "transformer", "explainer");
  private static final Set<String> KSERVE_FRAMEWORKS = Set.of("model", "sklearn", "xgboost", "tensorflow", "pytorch",
      "triton", "onnx", "huggingface", "lightgbm", "paddle", "pmml", "alibi", "art", "torchserve");
  private static final Set<String> SC_POD_FIELDS = Set.of("runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions",
      "seccompProfile", "windowsOptions", "appArmorProfile");
  private static final int MAX_WALK = 100_000;
  private static final Set<String> ARGO_KINDS = Set.of("Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate",
      "CronWorkflow");

  private KubernetesModel() {}

  public static List<Subject> subjects(YamlDocuments docs, String path) {
    return subjects(docs, path, List.of());
  }

  /** @param kustomizedImages image names a kustomization rewrites ({@code file.kustomizedImages} in checks) */
  public static List<Subject> subjects(YamlDocuments docs, String path, List<Object> kustomizedImages) {
    List<Subject> out = new ArrayList<>();
    for (int d = 0; d < docs.documents().size(); d++) {
      Map<String, Object> doc = map(docs.documents().get(d));
      if (doc == null) {
        continue;
      }
      if (string(doc.get("kind")).endsWith("List") && doc.get("items") instanceof List<?>) {
        for (Object item : list(doc.get("items"))) {
          Map<String, Object> r = map(item);
          if (r != null && r.containsKey("kind")) {
            out.add(subject(r, docs.positions(), path, kustomizedImages));
          }
        }
      } else if (doc.containsKey("kind") && doc.containsKey("apiVersion")) {
        out.add(subject(doc, docs.positions(), path, kustomizedImages));
      }
    }
    return out;
  }

  static Subject subject(Map<String, Object> resource, Positions positions, String path, List<Object> kustomizedImages) {
    List<Object> pods = new ArrayList<>();
    List<Object> containers = new ArrayList<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    if (string(resource.get("kind")).equals("InferenceService")) {
      Map<String, Object> spec = map(resource, "spec");
      for (String comp : KSERVE_COMPONENTS) {
        Map<String, Object> c = map(spec, comp);
        if (c != null) {
          addPod(c, positions, pods, containers, seen);
          for (String fw : KSERVE_FRAMEWORKS) {
            Map<String, Object> f = map(c, fw);
            if (f != null) {
              containers.add(container(f, c, "model", positions));
            }
          }
        }
      }
    }
    String kind = string(resource.get("kind"));
    if (ARGO_KINDS.contains(kind)) {
      Map<String, Object> spec = map(resource, "spec");
      Map<String, Object> wf = kind.equals("CronWorkflow") ? map(spec, "workflowSpec") : spec;
      if (wf != null) {
        addArgo(wf, positions, pods, containers, seen);
      }
    }
    int[] budget = {MAX_WALK};
    walk(resource, 0, positions, pods, containers, seen, budget);
    Map<String, Object> vars = new HashMap<>();
    vars.put("resource", resource);
    vars.put("pods", pods);
    vars.put("containers", containers);
    vars.put("file", Map.of("path", path, "kustomizedImages", kustomizedImages));
    Map<String, Object> meta = map(resource, "metadata");
    String name = meta == null ? "" : string(meta.get("name"));
    if (name.isEmpty() && meta != null) {
      name = string(meta.get("generateName"));
    }
    String namespace = meta == null ? "" : string(meta.get("namespace"));
    Pos start = positions.of(resource);
    String label = string(resource.get("kind")) + (namespace.isEmpty() ? "" : "/" + namespace) + (name.isEmpty() ? "" : "/" + name);
    return new Subject(vars, start == null ? Pos.START : start, label);
  }

  /**
   * Argo Workflows (what Kubeflow Pipelines compile to): the workflow spec is the pod spec (hostNetwork,
   * securityContext, volumes, automountServiceAccountToken); each template's container, script, init
   * containers and sidecars are its containers.
   */
  private static void addArgo(Map<String, Object> wf, Positions positions, List<Object> pods, List<Object> containers,
      Map<Object, Boolean> seen) {
    seen.put(wf, true);
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("spec", wf);
    Map<String, Object> sc = map(wf, "securityContext");
    pod.put("sc", sc == null ? Map.of() : sc);
    Pos p = positions.of(wf);
    if (p != null) {
      positions.node(pod, p);
    }
    pods.add(pod);
    for (Object t : list(wf.get("templates"))) {
      Map<String, Object> tm = map(t);
      if (tm == null) {
        continue;
      }
      seen.put(tm, true);
      for (String key : List.of("container", "script")) {
        Map<String, Object> c = map(tm, key);
        if (c != null) {
          seen.put(c, true);
          containers.add(container(c, wf, "container", positions, string(tm.get("name"))));
        }
      }
      for (String key : List.of("initContainers", "sidecars")) {
        for (Object c : list(tm.get(key))) {
          Map<String, Object> cm = map(c);
          if (cm != null) {
            containers.add(container(cm, wf, key.equals("sidecars") ? "sidecar" : "initContainer", positions, null));
          }
        }
      }
    }
  }

  private static void walk(Object node, int depth, Positions positions, List<Object> pods, List<Object> containers,
      Map<Object, Boolean> seen, int[] budget) {
    if (depth > 24 || --budget[0] < 0) {
      return;
    }
    if (node instanceof Map<?, ?> m) {
      if (seen.put(m, true) != null) {
        return;
      }
      Map<String, Object> map = map(m);
      if (map.get("containers") instanceof List<?> cs && !cs.isEmpty() && cs.stream().allMatch(c -> c instanceof Map<?, ?>)) {
        addPod(map, positions, pods, containers, seen);
        return;
      }
      for (Object v : map.values()) {
        walk(v, depth + 1, positions, pods, containers, seen, budget);
      }
    } else if (node instanceof List<?> l) {
      for (Object v : l) {
        walk(v, depth + 1, positions, pods, containers, seen, budget);
      }
    }
  }

  private static void addPod(Map<String, Object> spec, Positions positions, List<Object> pods, List<Object> containers,
      Map<Object, Boolean> seen) {
    if (seen.containsKey(spec) && pods.stream().anyMatch(p -> ((Map<?, ?>) p).get("spec") == spec)) {
      return;
    }
    seen.put(spec, true);
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("spec", spec);
    Map<String, Object> sc = map(spec, "securityContext");
    pod.put("sc", sc == null ? Map.of() : sc);
    Pos p = positions.of(spec);
    if (p != null) {
      positions.node(pod, p);
    }
    pods.add(pod);
    for (String type : List.of("initContainers", "containers", "ephemeralContainers")) {
      for (Object c : list(spec.get(type))) {
        Map<String, Object> cm = map(c);
        if (cm != null) {
          containers.add(container(cm, spec, type.substring(0, type.length() - 1), positions));
        }
      }
    }
  }

  private static Map<String, Object> container(Map<String, Object> c, Map<String, Object> podSpec, String type,
      Positions positions) {
    return container(c, podSpec, type, positions, null);
  }

  private static Map<String, Object> container(Map<String, Object> c, Map<String, Object> podSpec, String type,
      Positions positions, String fallbackName) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("container", c);
    w.put("pod", podSpec);
    w.put("type", type);
    String name = string(c.get("name"));
    w.put("name", name.isEmpty() && fallbackName != null ? fallbackName : name);
    Map<String, Object> sc = map(c, "securityContext");
    Map<String, Object> podSc = map(podSpec, "securityContext");
    w.put("sc", sc == null ? Map.of() : sc);
    Map<String, Object> effective = new LinkedHashMap<>();
    if (podSc != null) {
      podSc.forEach((k, v) -> {
        if (SC_POD_FIELDS.contains(k)) {
          effective.put(k, v);
        }
      });
    }
    if (sc != null) {
      effective.putAll(sc);
    }
    w.put("effective", effective);
    Pos p = positions.of(c);
    if (p != null) {
      positions.node(w, p);
    }
    return w;
  }
}
