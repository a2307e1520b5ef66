package dev.bulwark.sbom.ruby;

import dev.bulwark.model.DependencyKind;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each gem of a {@code Gemfile} (or {@code gems.rb}) is needed for, from its Bundler groups: read line by
 * line, never evaluated. The lockfile does not record groups, so without this every gem would be of unknown kind.
 * {@code group :a, :b do … end} blocks, {@code group:}/{@code groups:} options, and the development dependencies
 * of the gemspec a {@code gemspec} line pulls in (Bundler's {@code development_group}, {@code :development}).
 */
final class GemfileGroups {

  private static final int MAX_LINE = 4096;
  private static final Pattern GEM = Pattern.compile("^gem\\s*\\(?\\s*[\"']([^\"']+)[\"'](.*)$");
  private static final Pattern GROUP_OPTION =
      Pattern.compile(":?(?:groups?|development_group)\\s*(?::|=>)\\s*(\\[[^\\]]*\\]|:\\w+|\"[^\"]*\"|'[^']*')");
  private static final Pattern NAME = Pattern.compile(":(\\w+)|\"([^\"]*)\"|'([^']*)'");
  private static final Pattern OPENS_BLOCK = Pattern.compile("(?:\\bdo(?:\\s*\\|[^|]*\\|)?|^(?:if|unless|case|while|until|begin|def)\\b.*)$");
  private static final Pattern DEV_DEPENDENCY = Pattern.compile("\\.add_development_dependency\\s*\\(?\\s*[\"']([^\"']+)[\"']");

  private GemfileGroups() {}

  /** Gem name to kind, or empty when the lockfile has no Gemfile beside it. */
  static Optional<Map<String, DependencyKind>> of(ScanFile lock, ScanContext context) {
    String gemfileName = lock.name().equals("gems.locked") ? "gems.rb" : "Gemfile";
    Optional<ScanFile> gemfile = context.tree().sibling(lock, gemfileName);
    if (gemfile.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Set<String>> groups = new HashMap<>();
    Deque<List<String>> blocks = new ArrayDeque<>();
    try {
      for (String raw : Parsers.readText(gemfile.get(), context).split("\n")) {
        String line = raw.strip();
        // the patterns below backtrack within a line; no real Gemfile line is near this long
        if (line.isEmpty() || line.startsWith("#") || line.length() > MAX_LINE) {
          continue;
        }
        if (line.equals("end") || line.startsWith("end ") || line.startsWith("end#")) {
          blocks.pollFirst();
          continue;
        }
        Matcher gem = GEM.matcher(line);
        if (gem.find()) {
          Set<String> g = groups.computeIfAbsent(gem.group(1), x -> new LinkedHashSet<>());
          blocks.forEach(g::addAll);
          g.addAll(optionGroups(gem.group(2)));
          if (g.isEmpty()) {
            g.add("default");
          }
        } else if (line.startsWith("gemspec")) {
          List<String> dev = optionGroups(line);
          gemspecDevDependencies(lock, context).forEach(n -> groups.computeIfAbsent(n, x -> new LinkedHashSet<>())
              .addAll(dev.isEmpty() ? List.of("development") : dev));
        }
        if (OPENS_BLOCK.matcher(line).find()) {
          blocks.push(line.startsWith("group") ? names(line.substring("group".length()).replaceFirst("\\bdo\\b.*$", "")
              .replaceAll("\\w+:\\s*\\w+", "")) : List.of());
        }
      }
    } catch (Exception e) {
      // an unreadable Gemfile only loses the kinds
      return Optional.empty();
    }
    Map<String, DependencyKind> out = new HashMap<>();
    groups.forEach((name, g) -> out.put(name, g.stream().map(GemfileGroups::kind).min(Enum::compareTo).orElseThrow()));
    return Optional.of(out);
  }

  private static List<String> optionGroups(String options) {
    Matcher m = GROUP_OPTION.matcher(options);
    return m.find() ? names(m.group(1)) : List.of();
  }

  private static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }

  private static Set<String> gemspecDevDependencies(ScanFile lock, ScanContext context) {
    Set<String> out = new LinkedHashSet<>();
    for (ScanFile f : context.tree().files()) {
      if (f.parent().equals(lock.parent()) && f.name().endsWith(".gemspec")) {
        try {
          for (String line : Parsers.readText(f, context).split("\n")) {
            if (line.length() > MAX_LINE) {
              continue;
            }
            Matcher m = DEV_DEPENDENCY.matcher(line);
            while (m.find()) {
              out.add(m.group(1));
            }
          }
        } catch (Exception e) {
          // an unreadable gemspec only loses its development dependencies
        }
      }
    }
    return out;
  }

  /** Ordered as DependencyKind: RUNTIME first, so a gem in any runtime group stays runtime. */
  private static DependencyKind kind(String group) {
    return switch (group.toLowerCase(Locale.ROOT)) {
      case "test", "tests", "testing", "spec", "ci" -> DependencyKind.TEST;
      case "development", "dev", "develop", "doc", "docs", "lint", "linting", "debug", "tools" -> DependencyKind.DEVELOPMENT;
      default -> DependencyKind.RUNTIME;
    };
  }
}
