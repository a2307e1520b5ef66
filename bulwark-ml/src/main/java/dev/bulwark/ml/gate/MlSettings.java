package dev.bulwark.ml.gate;

import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.UnreadableInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code ml.*} settings of a scan; relative data paths resolve against the scan target. */
final class MlSettings {
  private final ScanContext context;

  MlSettings(ScanContext context) {
    this.context = context;
  }

  String required(String key) {
    return context.setting(key).filter(v -> !v.isBlank())
        .orElseThrow(() -> new IllegalArgumentException("setting " + key + " is required"));
  }

  String optional(String key, String fallback) {
    return context.setting(key).filter(v -> !v.isBlank()).orElse(fallback);
  }

  List<String> list(String key, String fallback) {
    List<String> out = new ArrayList<>();
    for (String part : optional(key, fallback).split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  Path path(String key) throws UnreadableInputException {
    String value = required(key);
    Path p = Path.of(value);
    if (!p.isAbsolute()) {
      Path base = context.root().map(r -> Files.isDirectory(r) ? r : r.getParent()).orElse(Path.of("."));
      p = base.resolve(p);
    }
    if (!Files.isRegularFile(p)) {
      throw new UnreadableInputException(value, "data file of setting " + key + " not found");
    }
    return p;
  }
}
