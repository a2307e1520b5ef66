package dev.bulwark.iac;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.policy.CelEnvironment;
import dev.bulwark.policy.Rule;
import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.policy.yaml.Positions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates checks on subjects and turns their results into findings with exact positions. A check returns
 * a bool (the subject itself is the hit), a node of the parsed document or a list of nodes, or
 * {@code at(node, key[, detail])} hits; a string is a detail at the subject. A check that fails to
 * evaluate on hostile input is skipped for that subject (logged), unless {@code strict} (tests).
 */
public final class CheckRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);
  private static final int MAX_HITS_PER_RULE = 1_000;
  /** Evaluations skipped because a check failed on unexpected input, with the last error (diagnostics). */
  static final java.util.concurrent.atomic.AtomicLong SKIPPED = new java.util.concurrent.atomic.AtomicLong();
  static volatile String lastSkip = "";

  private final List<Rule> rules;
  private final boolean strict;

  public CheckRunner(List<Rule> rules, boolean strict) {
    this.rules = List.copyOf(rules);
    this.strict = strict;
  }

  record Hit(Pos pos, String detail) {}

  public List<Finding> run(String path, Subject subject, Positions positions) {
    List<Finding> out = new ArrayList<>();
    for (Rule rule : rules) {
      Object result;
      try {
        result = rule.evaluate(subject.variables());
      } catch (Exception e) {
        if (strict) {
          throw new IllegalStateException("check " + rule.id() + " failed on " + path + " " + subject.label() + ": " + e.getMessage(), e);
        }
        LOG.debug("check {} skipped on {} {}: {}", rule.id(), path, subject.label(), e.getMessage());
        SKIPPED.incrementAndGet();
        lastSkip = rule.id() + " on " + path + " " + subject.label() + ": " + e.getMessage();
        continue;
      }
      Set<Hit> hits = new LinkedHashSet<>();
      collect(result, subject, positions, hits, 0);
      Map<String, Integer> occurrences = new HashMap<>();
      for (Hit h : hits) {
        if (out.size() >= MAX_HITS_PER_RULE * rules.size()) {
          break;
        }
        // stable across edits that move lines: what the hit is about, and its rank among equal hits
        String material = subject.label() + "|" + h.detail();
        int n = occurrences.merge(material, 1, Integer::sum);
        out.add(finding(rule, path, subject, h, material + "|" + n));
      }
    }
    return out;
  }

  private static void collect(Object result, Subject subject, Positions positions, Set<Hit> hits, int depth) {
    if (result == null || hits.size() >= MAX_HITS_PER_RULE || depth > 4) {
      return;
    }
    if (result instanceof Boolean b) {
      if (b) {
        hits.add(new Hit(subject.start(), ""));
      }
      return;
    }
    if (result instanceof String s) {
      if (!s.isEmpty()) {
        hits.add(new Hit(subject.start(), s));
      }
      return;
    }
    Pos known = positions.of(result);
    if (known != null) {
      hits.add(new Hit(known, ""));
      return;
    }
    if (result instanceof Map<?, ?> m && m.containsKey(CelEnvironment.HIT_NODE)) {
      Object node = m.get(CelEnvironment.HIT_NODE);
      String key = (String) m.get(CelEnvironment.HIT_KEY);
      Object detail = m.get(CelEnvironment.HIT_DETAIL);
      Pos p;
      if (node instanceof List<?> && key != null && isIndex(key)) {
        p = positions.ofItem(node, Integer.parseInt(key));
      } else {
        p = positions.ofKey(node, key);
      }
      hits.add(new Hit(p == null ? subject.start() : p, detail == null ? "" : String.valueOf(detail)));
      return;
    }
    if (result instanceof Collection<?> c) {
      for (Object o : c) {
        collect(o, subject, positions, hits, depth + 1);
      }
      return;
    }
    if (result instanceof Map<?, ?>) {
      hits.add(new Hit(subject.start(), ""));
    }
  }

  private static boolean isIndex(String key) {
    if (key.isEmpty() || key.length() > 9) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (!Character.isDigit(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static Finding finding(Rule rule, String path, Subject subject, Hit hit, String fingerprint) {
    Map<String, Object> vars = new HashMap<>(subject.variables());
    vars.put("detail", hit.detail());
    String title = rule.message().render(vars);
    Pos p = hit.pos() == null ? Pos.START : hit.pos();
    String docs = rule.docs().isEmpty() ? "docs/rules/iac/" + rule.id() + ".md" : rule.docs();
    return Finding.builder(Scanner.IAC, rule.id(), rule.severity(), title)
        .description(rule.description())
        .location(new Location(path, p.line(), p.column(), null))
        .evidence("resource", subject.label().isEmpty() ? null : subject.label())
        .evidence("detail", hit.detail().isEmpty() ? null : hit.detail())
        .reference(docs)
        .fingerprint(fingerprint)
        .build();
  }
}
