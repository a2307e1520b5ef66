package dev.bulwark.policy.yaml;

import dev.cel.common.values.NullValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a (multi-document) YAML stream into plain values while remembering where every node starts. Built
 * on SnakeYAML's event parser, so no object is ever constructed from a tag.
 *
 * <p>Safe on hostile input: aliases are resolved by sharing the anchored node (an alias bomb costs no
 * memory) and counted; size, depth, node and document counts are bounded by {@link YamlLimits}. Plain
 * scalars are typed as Kubernetes reads them (YAML 1.1: {@code yes}/{@code on} are booleans); quoted ones
 * stay strings. Merge keys ({@code <<: *base}) are applied shallowly; keys are always strings.
 */
public final class PositionedYaml {
  private static final String MERGE_KEY = "<<";

  private final YamlLimits limits;
  private final LoaderOptions options;
  private final Resolver resolver = new Resolver();

  public PositionedYaml(YamlLimits limits) {
    this.limits = limits;
    this.options = new LoaderOptions();
    options.setMaxAliasesForCollections(Math.max(1, limits.maxAliases()));
    options.setNestingDepthLimit(limits.maxDepth() + 1);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes() + 16));
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
  }

  public PositionedYaml() {
    this(YamlLimits.DEFAULT);
  }

  public YamlDocuments read(String text) throws YamlException {
    if (text.length() > limits.maxBytes()) {
      throw new YamlException(null, "YAML text of " + text.length() + " characters exceeds the limit of " + limits.maxBytes());
    }
    State state = new State(new ParserImpl(new StreamReader(new StringReader(text)), options));
    List<Object> docs = new ArrayList<>();
    List<Pos> starts = new ArrayList<>();
    try {
      while (true) {
        Event e = state.parser.getEvent();
        if (e.is(Event.ID.StreamEnd)) {
          break;
        }
        if (!e.is(Event.ID.DocumentStart)) {
          continue;
        }
        if (docs.size() >= limits.maxDocuments()) {
          throw new YamlException(pos(e.getStartMark()), "more than " + limits.maxDocuments() + " documents");
        }
        state.anchors.clear();
        Event first = state.parser.getEvent();
        if (first.is(Event.ID.DocumentEnd)) {
          starts.add(pos(first.getStartMark()));
          docs.add(NullValue.NULL_VALUE);
          continue;
        }
        starts.add(pos(first.getStartMark()));
        docs.add(value(first, state, 0));
        Event end = state.parser.getEvent();
        if (!end.is(Event.ID.DocumentEnd)) {
          throw new YamlException(pos(end.getStartMark()), "expected the end of the document");
        }
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new YamlException(m == null ? null : pos(m), "invalid YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()));
    } catch (RuntimeException e) {
      throw new YamlException(null, "invalid YAML: " + firstLine(String.valueOf(e.getMessage())));
    }
    return new YamlDocuments(docs, state.positions, starts, text);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl >= 0 ? s.substring(0, nl) : s).strip();
  }

  private static final class State {
    final Parser parser;
    final Positions positions = new Positions();
    final Map<String, Object> anchors = new HashMap<>();
    int nodes;
    int aliases;

    State(Parser parser) {
      this.parser = parser;
    }
  }

  private Object value(Event e, State state, int depth) throws YamlException {
    Pos at = pos(e.getStartMark());
    if (++state.nodes > limits.maxNodes()) {
      throw new YamlException(at, "more than " + limits.maxNodes() + " YAML nodes");
    }
    if (depth > limits.maxDepth()) {
      throw new YamlException(at, "YAML nested deeper than " + limits.maxDepth());
    }
    if (e instanceof AliasEvent alias) {
      if (++state.aliases > limits.maxAliases()) {
        throw new YamlException(at, "more than " + limits.maxAliases() + " aliases");
      }
      Object target = state.anchors.get(alias.getAnchor());
      if (target == null) {
        throw new YamlException(at, "alias *" + alias.getAnchor() + " refers to no anchor");
      }
      return target;
    }
    String anchor = e instanceof NodeEvent ne ? ne.getAnchor() : null;
    Object result;
    if (e instanceof MappingStartEvent) {
      result = mapping(state, depth, at, anchor);
    } else if (e instanceof SequenceStartEvent) {
      result = sequence(state, depth, at, anchor);
    } else if (e instanceof ScalarEvent s) {
      result = scalar(s);
    } else {
      throw new YamlException(at, "unexpected " + e.getEventId());
    }
    if (anchor != null) {
      state.anchors.put(anchor, result);
    }
    return result;
  }

  private Object scalar(ScalarEvent s) {
    String v = s.getValue();
    if (!s.getImplicit().canOmitTagInPlainScalar()) {
      return v;
    }
    Tag tag = resolver.resolve(NodeId.scalar, v, true);
    if (Tag.NULL.equals(tag)) {
      return NullValue.NULL_VALUE;
    }
    if (Tag.BOOL.equals(tag)) {
      String l = v.toLowerCase(Locale.ROOT);
      return l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y");
    }
    if (Tag.INT.equals(tag)) {
      try {
        String d = v.replace("_", "");
        if (d.startsWith("0o")) {
          return Long.parseLong(d.substring(2), 8);
        }
        return d.matches("[-+]?0[0-7]+") ? Long.parseLong(d, 8) : Long.decode(d);
      } catch (NumberFormatException ex) {
        return v;
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      String l = v.toLowerCase(Locale.ROOT).replace("_", "");
      if (l.endsWith(".inf")) {
        return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (l.equals(".nan")) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(l);
      } catch (NumberFormatException ex) {
        return v;
      }
    }
    return v;
  }

  private Map<String, Object> mapping(State state, int depth, Pos at, String anchor) throws YamlException {
    Map<String, Object> map = new LinkedHashMap<>();
    if (anchor != null) {
      state.anchors.put(anchor, map);
    }
    state.positions.node(map, at);
    List<Object> merges = new ArrayList<>();
    while (true) {
      Event k = state.parser.getEvent();
      if (k.is(Event.ID.MappingEnd)) {
        break;
      }
      Pos keyPos = pos(k.getStartMark());
      Object keyValue = value(k, state, depth + 1);
      String key = keyValue instanceof String s ? s : k instanceof ScalarEvent se ? se.getValue() : String.valueOf(keyValue);
      Event ve = state.parser.getEvent();
      Pos valuePos = pos(ve.getStartMark());
      Object v = value(ve, state, depth + 1);
      if (MERGE_KEY.equals(key) && k instanceof ScalarEvent) {
        merges.add(v);
        continue;
      }
      map.put(key, v);
      state.positions.key(map, key, keyPos, valuePos);
    }
    for (Object m : merges) {
      if (m instanceof Map<?, ?> source) {
        mergeInto(map, source, state);
      } else if (m instanceof List<?> sources) {
        for (Object s : sources) {
          if (s instanceof Map<?, ?> source) {
            mergeInto(map, source, state);
          }
        }
      }
    }
    return map;
  }

  private void mergeInto(Map<String, Object> map, Map<?, ?> source, State state) throws YamlException {
    for (Map.Entry<?, ?> e : source.entrySet()) {
      if (++state.nodes > limits.maxNodes()) {
        throw new YamlException(null, "more than " + limits.maxNodes() + " YAML nodes (merge keys)");
      }
      String key = String.valueOf(e.getKey());
      if (!map.containsKey(key)) {
        map.put(key, e.getValue());
        Pos kp = state.positions.ofKey(source, key);
        if (kp != null) {
          state.positions.key(map, key, kp, state.positions.ofValue(source, key));
        }
      }
    }
  }

  private List<Object> sequence(State state, int depth, Pos at, String anchor) throws YamlException {
    List<Object> list = new ArrayList<>();
    if (anchor != null) {
      state.anchors.put(anchor, list);
    }
    state.positions.node(list, at);
    while (true) {
      Event e = state.parser.getEvent();
      if (e.is(Event.ID.SequenceEnd)) {
        break;
      }
      Pos itemPos = pos(e.getStartMark());
      list.add(value(e, state, depth + 1));
      state.positions.item(list, list.size() - 1, itemPos);
    }
    return list;
  }

  private static Pos pos(Mark m) {
    return m == null ? null : new Pos(m.getLine() + 1, m.getColumn() + 1);
  }
}
