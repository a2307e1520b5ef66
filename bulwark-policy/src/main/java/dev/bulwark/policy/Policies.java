package dev.bulwark.policy;

import dev.bulwark.spi.ScanContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds and loads the policy files of a scan: setting {@code policy.files} (comma-separated files,
 * directories or built-in pack names {@code baseline} and {@code strict}; default {@code baseline}).
 * In a directory every {@code *.yaml}/{@code *.yml} is a policy except test files ({@code *_test.yaml},
 * {@code *.test.yaml}, files under {@code tests/}). Compiled files are cached by path, size and time.
 */
public final class Policies {
  public static final String FILES = "policy.files";
  public static final String FAIL_ON = "policy.failOn";
  public static final List<String> BUILT_IN = List.of("baseline", "strict");
  private static final long MAX_POLICY_BYTES = 4L << 20;
  private static final Map<String, PolicyFile> CACHE = new ConcurrentHashMap<>();

  private Policies() {}

  public static List<PolicyFile> forScan(ScanContext context) throws PolicyException, IOException {
    return load(context.setting(FILES).orElse("baseline"));
  }

  /** Loads every entry of a comma-separated list. */
  public static List<PolicyFile> load(String spec) throws PolicyException, IOException {
    List<PolicyFile> out = new ArrayList<>();
    for (String raw : spec.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (BUILT_IN.contains(entry) && !Files.exists(Paths.get(entry))) {
        out.add(builtIn(entry));
      } else {
        for (Path p : policyFiles(Paths.get(entry))) {
          out.add(file(p));
        }
      }
    }
    return out;
  }

  public static PolicyFile builtIn(String name) throws PolicyException {
    String key = "builtin:" + name;
    PolicyFile cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    PolicyFile f = loader().load(key, resource("/dev/bulwark/policy/packs/" + name + ".yaml"));
    CACHE.put(key, f);
    return f;
  }

  public static String resource(String name) {
    try (InputStream in = Policies.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no built-in resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PolicyFile file(Path p) throws PolicyException, IOException {
    if (!Files.isRegularFile(p)) {
      throw new PolicyException(List.of(new PolicyProblem(new SourcePos(p.toString(), 0, 0), true,
          "no such policy file or directory")));
    }
    long size = Files.size(p);
    if (size > MAX_POLICY_BYTES) {
      throw new PolicyException(List.of(new PolicyProblem(new SourcePos(p.toString(), 0, 0), true,
          "policy file is " + size + " bytes, more than " + MAX_POLICY_BYTES)));
    }
    String key = p.toAbsolutePath().normalize() + "|" + size + "|" + Files.getLastModifiedTime(p).toMillis();
    PolicyFile cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    PolicyFile f = loader().load(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    CACHE.put(key, f);
    return f;
  }

  /** The policy files a path stands for: itself, or the policy YAML files under a directory, sorted. */
  public static List<Path> policyFiles(Path p) throws IOException, PolicyException {
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    if (!Files.isDirectory(p)) {
      throw new PolicyException(List.of(new PolicyProblem(new SourcePos(p.toString(), 0, 0), true,
          "no such policy file or directory")));
    }
    try (Stream<Path> walk = Files.walk(p, 8)) {
      return walk.filter(Files::isRegularFile).filter(Policies::isPolicyFile).sorted().toList();
    }
  }

  static boolean isPolicyFile(Path p) {
    String n = p.getFileName().toString();
    if (!(n.endsWith(".yaml") || n.endsWith(".yml")) || isTestFile(p)) {
      return false;
    }
    return !n.startsWith(".");
  }

  public static boolean isTestFile(Path p) {
    String n = p.getFileName().toString();
    for (Path part : p) {
      if (part.toString().equals("tests")) {
        return true;
      }
    }
    return n.matches(".*[_.]test\\.ya?ml");
  }

  private static PolicyLoader loader() {
    return new PolicyLoader(PolicyInputs.discovered());
  }
}
