package dev.bulwark.policy.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.cel.common.values.NullValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a (multi-document) YAML stream into plain values while remembering where every node starts.
 *
 * <p>Safe on hostile input: nothing is instantiated from tags, aliases are resolved by sharing the anchored
 * node (so an alias bomb costs no memory) and counted, and size, depth, node and document counts are
 * bounded by {@link YamlLimits}. Merge keys ({@code <<: *base}) are applied shallowly.
 */
public final class PositionedYaml {
  private static final String MERGE_KEY = "<<";

  private final YamlLimits limits;
  private final YAMLFactory factory;

  public PositionedYaml(YamlLimits limits) {
    this.limits = limits;
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Math.max(1, limits.maxAliases()));
    options.setNestingDepthLimit(limits.maxDepth() + 1);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes() + 16));
    options.setAllowDuplicateKeys(true);
    this.factory = YAMLFactory.builder().loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth() + 1)
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes() + 16)).build())
        .build();
  }

  public PositionedYaml() {
    this(YamlLimits.DEFAULT);
  }

  public YamlDocuments read(String text) throws YamlException {
    if (text.length() > limits.maxBytes()) {
      throw new YamlException(null, "YAML text of " + text.length() + " characters exceeds the limit of " + limits.maxBytes());
    }
    State state = new State();
    List<Object> docs = new ArrayList<>();
    List<Pos> starts = new ArrayList<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (docs.size() >= limits.maxDocuments()) {
          throw new YamlException(pos(parser), "more than " + limits.maxDocuments() + " documents");
        }
        starts.add(pos(parser));
        docs.add(value(parser, token, state, 0));
      }
    } catch (YamlException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      Pos p = null;
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
        p = pos(jpe.getLocation());
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      int cut = message.indexOf("\n at [Source");
      throw new YamlException(p, "invalid YAML: " + (cut > 0 ? message.substring(0, cut) : message).strip());
    }
    return new YamlDocuments(docs, state.positions, starts, text);
  }

  private static final class State {
    final Positions positions = new Positions();
    final Map<String, Object> anchors = new HashMap<>();
    int nodes;
    int aliases;
  }

  private Object value(JsonParser parser, JsonToken token, State state, int depth) throws IOException, YamlException {
    Pos at = pos(parser);
    if (++state.nodes > limits.maxNodes()) {
      throw new YamlException(at, "more than " + limits.maxNodes() + " YAML nodes");
    }
    if (depth > limits.maxDepth()) {
      throw new YamlException(at, "YAML nested deeper than " + limits.maxDepth());
    }
    String anchor = parser instanceof YAMLParser yp ? yp.getCurrentAnchor() : null;
    Object result;
    switch (token) {
      case START_OBJECT -> result = mapping(parser, state, depth, at);
      case START_ARRAY -> result = sequence(parser, state, depth, at);
      case VALUE_STRING -> {
        if (parser instanceof YAMLParser yp && yp.isCurrentAlias()) {
          if (++state.aliases > limits.maxAliases()) {
            throw new YamlException(at, "more than " + limits.maxAliases() + " aliases");
          }
          // Jackson does not report anchors on scalars; an alias to one reads as an empty string
          return state.anchors.getOrDefault(parser.getText(), "");
        }
        result = parser.getText();
      }
      case VALUE_NUMBER_INT -> result = switch (parser.getNumberType()) {
        case INT, LONG -> parser.getLongValue();
        default -> parser.getText();
      };
      case VALUE_NUMBER_FLOAT -> result = parser.getDoubleValue();
      case VALUE_TRUE -> result = Boolean.TRUE;
      case VALUE_FALSE -> result = Boolean.FALSE;
      case VALUE_NULL -> result = NullValue.NULL_VALUE;
      default -> result = parser.getText() == null ? NullValue.NULL_VALUE : parser.getText();
    }
    if (anchor != null) {
      state.anchors.put(anchor, result);
    }
    return result;
  }

  private Map<String, Object> mapping(JsonParser parser, State state, int depth, Pos at) throws IOException, YamlException {
    Map<String, Object> map = new LinkedHashMap<>();
    String anchor = parser instanceof YAMLParser yp ? yp.getCurrentAnchor() : null;
    if (anchor != null) {
      state.anchors.put(anchor, map);
    }
    state.positions.node(map, at);
    List<Object> merges = new ArrayList<>();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
      if (t != JsonToken.FIELD_NAME) {
        throw new YamlException(pos(parser), "expected a mapping key, found " + t);
      }
      String key = parser.currentName();
      Pos keyPos = pos(parser);
      JsonToken vt = parser.nextToken();
      Pos valuePos = pos(parser);
      Object v = value(parser, vt, state, depth + 1);
      if (MERGE_KEY.equals(key)) {
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

  @SuppressWarnings("unchecked")
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

  private List<Object> sequence(JsonParser parser, State state, int depth, Pos at) throws IOException, YamlException {
    List<Object> list = new ArrayList<>();
    String anchor = parser instanceof YAMLParser yp ? yp.getCurrentAnchor() : null;
    if (anchor != null) {
      state.anchors.put(anchor, list);
    }
    state.positions.node(list, at);
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new YamlException(pos(parser), "unterminated sequence");
      }
      Pos itemPos = pos(parser);
      list.add(value(parser, t, state, depth + 1));
      state.positions.item(list, list.size() - 1, itemPos);
    }
    return list;
  }

  private static Pos pos(JsonParser parser) {
    return pos(parser.currentTokenLocation());
  }

  private static Pos pos(JsonLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) {
      return null;
    }
    return new Pos(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }
}
