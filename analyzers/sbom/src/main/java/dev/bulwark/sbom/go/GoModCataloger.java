package dev.bulwark.sbom.go;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go modules: {@code go.mod} requirements ({@code // indirect} ones transitive), with {@code replace} directives
 * applied (a replacement by a local folder is first-party) and the {@code h1:} checksums of the {@code go.sum}
 * beside it. The main module is first-party and depends on the direct requirements. Hand-written line parser.
 */
public final class GoModCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/go-mod";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("go.mod") && file.kind() == FileKind.TEXT;
  }

  record Require(String module, String version, boolean indirect, int line) {}

  record Replace(String module, String oldVersion, String target, String version) {}

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    String module = null;
    List<Require> requires = new ArrayList<>();
    List<Replace> replaces = new ArrayList<>();
    String block = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      boolean indirect = indirect(raw);
      String line = stripComment(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (block != null) {
        if (line.equals(")")) {
          block = null;
          continue;
        }
        directive(block, line, indirect, i + 1, requires, replaces);
        continue;
      }
      int sp = firstSpace(line);
      String verb = sp < 0 ? line : line.substring(0, sp);
      String rest = sp < 0 ? "" : line.substring(sp + 1).strip();
      if (rest.equals("(")) {
        block = verb;
        continue;
      }
      if (verb.equals("module")) {
        module = unquote(rest);
      } else {
        directive(verb, rest, indirect, i + 1, requires, replaces);
      }
    }
    Map<String, String> sums = goSum(file, context);
    Map<String, Component> out = new LinkedHashMap<>();
    List<String> direct = new ArrayList<>();
    for (Require r : requires) {
      String mod = r.module();
      String version = r.version();
      boolean local = false;
      String replacedBy = null;
      Replace rep = replacement(replaces, mod, version);
      if (rep != null) {
        replacedBy = rep.target() + (rep.version() == null ? "" : "@" + rep.version());
        if (rep.version() == null) {
          local = true;
        } else {
          mod = rep.target();
          version = rep.version();
        }
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, mod).version(version)
          .ecosystem(Ecosystems.GO).scope(r.indirect() ? DependencyScope.TRANSITIVE : DependencyScope.DIRECT)
          .location(Location.atLine(file.path(), r.line())).firstParty(local);
      if (local) {
        b.ref("go-local:" + file.path() + ":" + mod).property("go:replacedBy", replacedBy);
      } else {
        b.purl(Purls.golang(mod, version));
        if (replacedBy != null) {
          b.property("go:replaces", r.module() + "@" + r.version());
        }
        String h1 = sums.get(mod + " " + version);
        if (h1 != null) {
          b.property("go:h1", h1);
        }
      }
      Component c = b.build();
      out.merge(c.ref(), c, Component::mergedWith);
      if (!r.indirect()) {
        direct.add(c.ref());
      }
    }
    if (module != null) {
      Component self = Component.builder(ComponentType.APPLICATION, module).purl(Purls.golang(module, null))
          .ecosystem(Ecosystems.GO).firstParty(true).location(Location.of(file.path())).dependsOn(direct).build();
      out.merge(self.ref(), self, Component::mergedWith);
    }
    return List.copyOf(out.values());
  }

  private static void directive(String verb, String line, boolean indirect, int lineNo, List<Require> requires,
      List<Replace> replaces) {
    if (verb.equals("require")) {
      String[] f = fields(line);
      if (f.length >= 2) {
        requires.add(new Require(unquote(f[0]), f[1], indirect, lineNo));
      }
    } else if (verb.equals("replace")) {
      int arrow = line.indexOf("=>");
      if (arrow < 0) {
        return;
      }
      String[] left = fields(line.substring(0, arrow));
      String[] right = fields(line.substring(arrow + 2));
      if (left.length >= 1 && right.length >= 1) {
        replaces.add(new Replace(unquote(left[0]), left.length > 1 ? left[1] : null, unquote(right[0]),
            right.length > 1 ? right[1] : null));
      }
    }
  }

  /** A replacement of this very version wins over one of every version; replacements do not chain. */
  private static Replace replacement(List<Replace> replaces, String module, String version) {
    Replace any = null;
    for (Replace rep : replaces) {
      if (rep.module().equals(module)) {
        if (version.equals(rep.oldVersion())) {
          return rep;
        }
        if (rep.oldVersion() == null) {
          any = rep;
        }
      }
    }
    return any;
  }

  /** As cmd/go reads it: the first comment is exactly {@code indirect}, or starts with {@code indirect;}. */
  static boolean indirect(String raw) {
    int c = raw.indexOf("//");
    if (c < 0) {
      return false;
    }
    String[] f = fields(raw.substring(c + 2));
    return f.length == 1 && f[0].equals("indirect") || f.length > 1 && f[0].equals("indirect;");
  }

  /** {@code module version h1:...} lines of go.sum (not the {@code /go.mod} ones). */
  private static Map<String, String> goSum(ScanFile mod, ScanContext context) {
    Map<String, String> out = new HashMap<>();
    var sum = context.tree().sibling(mod, "go.sum");
    if (sum.isEmpty()) {
      return out;
    }
    try {
      for (String line : Parsers.readText(sum.get(), context).split("\n")) {
        String[] f = fields(line);
        if (f.length == 3 && !f[1].endsWith("/go.mod")) {
          out.put(f[0] + " " + f[1], f[2]);
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  static String[] fields(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out.toArray(String[]::new);
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String stripComment(String s) {
    int c = s.indexOf("//");
    return c < 0 ? s : s.substring(0, c);
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("`") && t.endsWith("`"))) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
