package dev.bulwark.sbom.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One pip requirements file parsed line by line; no regex on the scanned text. */
record RequirementsFile(List<Requirement> requirements, List<Include> includes) {

  record Include(String path, boolean constraint, int line) {}

  record Requirement(String name, String version, String specifier, List<String> extras, String marker, String url,
      boolean editable, boolean firstParty, List<String> hashes, int line, List<String> via, boolean viaRoot) {}

  /** Folders conda builds packages in, as they appear in {@code pip freeze}'s {@code file:} URLs. */
  private static final List<String> CONDA_BUILD_DIRS = List.of("/croot/", "/conda-bld/", "/feedstock_root/",
      "/tmp/build/", ":/bld/");

  private static final List<String> IGNORED_OPTIONS = List.of("-i", "--index-url", "--extra-index-url", "-f",
      "--find-links", "--trusted-host", "--no-binary", "--only-binary", "--pre", "--prefer-binary",
      "--require-hashes", "--use-feature", "--no-index", "-Z", "--always-unzip", "--config-settings",
      "--global-option", "--install-option");

  static RequirementsFile parse(String path, String text) {
    List<Requirement> reqs = new ArrayList<>();
    List<Include> includes = new ArrayList<>();
    String[] physical = text.split("\n", -1);
    int i = 0;
    ViaCollector via = null;
    while (i < physical.length) {
      int first = i + 1;
      String raw = physical[i];
      StringBuilder logical = new StringBuilder();
      String line = raw;
      while (line.endsWith("\\") || line.endsWith("\\\r")) {
        logical.append(line, 0, line.lastIndexOf('\\')).append(' ');
        i++;
        line = i < physical.length ? physical[i] : "";
      }
      logical.append(line);
      i++;
      String stripped = logical.toString().strip();
      if (stripped.startsWith("#")) {
        String comment = stripped.substring(1).strip();
        if (via != null) {
          if (comment.startsWith("via")) {
            via.started = true;
            String rest = comment.substring(3).strip();
            if (!rest.isEmpty()) {
              via.add(rest);
            }
          } else if (via.started && !comment.isEmpty() && raw.indexOf('#') < raw.length() - 1
              && raw.length() - raw.stripLeading().length() > 0 && rawIndentAfterHash(raw) >= 3) {
            via.add(comment);
          } else if (via.started) {
            via = null;
          }
        }
        continue;
      }
      if (via != null) {
        reqs.set(reqs.size() - 1, via.finish());
        via = null;
      }
      String content = stripComment(stripped);
      if (content.isEmpty()) {
        continue;
      }
      String lower = content.toLowerCase(Locale.ROOT);
      String inc = optionValue(content, "-r", "--requirement");
      if (inc != null) {
        includes.add(new Include(inc, false, first));
        continue;
      }
      String con = optionValue(content, "-c", "--constraint");
      if (con != null) {
        includes.add(new Include(con, true, first));
        continue;
      }
      boolean editable = false;
      String ed = optionValue(content, "-e", "--editable");
      if (ed != null) {
        editable = true;
        content = ed;
      } else if (content.startsWith("-")) {
        if (IGNORED_OPTIONS.stream().anyMatch(lower::startsWith)) {
          continue;
        }
        continue;
      }
      Requirement r = requirement(content, editable, first);
      if (r != null) {
        reqs.add(r);
        via = new ViaCollector(r);
      }
    }
    if (via != null) {
      reqs.set(reqs.size() - 1, via.finish());
    }
    return new RequirementsFile(reqs, includes);
  }

  private static int rawIndentAfterHash(String raw) {
    int hash = raw.indexOf('#');
    int j = hash + 1;
    while (j < raw.length() && raw.charAt(j) == ' ') {
      j++;
    }
    return j - hash - 1;
  }

  private static final class ViaCollector {
    final Requirement req;
    final List<String> parents = new ArrayList<>();
    boolean root;
    boolean started;

    ViaCollector(Requirement req) {
      this.req = req;
    }

    void add(String entry) {
      if (entry.startsWith("-r") || entry.startsWith("-c") || entry.contains("(") || entry.contains("/")) {
        root = true;
      } else {
        int sp = entry.indexOf(' ');
        String name = sp < 0 ? entry : entry.substring(0, sp);
        int br = name.indexOf('[');
        parents.add(br < 0 ? name : name.substring(0, br));
      }
    }

    Requirement finish() {
      if (!started) {
        return req;
      }
      return new Requirement(req.name(), req.version(), req.specifier(), req.extras(), req.marker(), req.url(),
          req.editable(), req.firstParty(), req.hashes(), req.line(), List.copyOf(parents), root || parents.isEmpty());
    }
  }

  /** The value of {@code -r file}, {@code -rfile}, {@code --requirement file} or {@code --requirement=file}. */
  private static String optionValue(String content, String shortOpt, String longOpt) {
    if (content.startsWith(longOpt)) {
      String rest = content.substring(longOpt.length());
      if (rest.startsWith("=") || rest.startsWith(" ") || rest.startsWith("\t")) {
        return rest.substring(1).strip();
      }
      return null;
    }
    if (content.startsWith(shortOpt) && !content.startsWith(shortOpt + "-")) {
      return content.substring(shortOpt.length()).strip();
    }
    return null;
  }

  /** A '#' at the start or after whitespace starts a comment. */
  static String stripComment(String s) {
    for (int j = 0; j < s.length(); j++) {
      if (s.charAt(j) == '#' && (j == 0 || Character.isWhitespace(s.charAt(j - 1)))) {
        return s.substring(0, j).strip();
      }
    }
    return s.strip();
  }

  private static Requirement requirement(String content, boolean editable, int line) {
    List<String> hashes = new ArrayList<>();
    StringBuilder spec = new StringBuilder();
    // as pip's break_args_options: the requirement ends at the first word starting with '-'; the rest are
    // options (--hash, and global ones such as -f/--find-links that pip also accepts on a requirement line)
    String[] tokens = content.split("\\s+");
    int t = 0;
    while (t < tokens.length && !tokens[t].startsWith("-")) {
      spec.append(spec.length() > 0 ? " " : "").append(tokens[t]);
      t++;
    }
    for (; t < tokens.length; t++) {
      if (tokens[t].startsWith("--hash=")) {
        hashes.add(tokens[t].substring("--hash=".length()));
      } else if (tokens[t].equals("--hash") && t + 1 < tokens.length) {
        // optparse also takes the value as the next word: --hash sha256:...
        hashes.add(tokens[++t]);
      }
    }
    String s = spec.toString();
    if (s.isEmpty()) {
      return null;
    }
    // "name @ url" is a PEP 508 direct reference: its name is the declared one, not the URL's last segment
    Pep508 p = Pep508.parse(s);
    if ((p == null || p.url() == null) && looksLikeUrlOrPath(s)) {
      String marker = null;
      int semi = s.indexOf("; ");
      if (semi > 0) {
        marker = s.substring(semi + 1).strip();
        s = s.substring(0, semi).strip();
      }
      List<String> extras = new ArrayList<>();
      int bracket = s.lastIndexOf('[');
      if (s.endsWith("]") && bracket > s.lastIndexOf('/') && !s.contains("#")) {
        // a path with extras: -e .[dev] or ./libs/core[gpu]
        for (String e : s.substring(bracket + 1, s.length() - 1).split(",")) {
          if (!e.isBlank()) {
            extras.add(e.strip());
          }
        }
        s = s.substring(0, bracket);
      }
      boolean local = isLocal(s);
      String name = eggName(s);
      if (name == null) {
        name = nameFromPath(s);
      }
      if (name == null || name.isEmpty()) {
        return null;
      }
      String version = local ? null : wheelVersion(s);
      return new Requirement(name, version, null, List.copyOf(extras), marker, s, editable, local, hashes, line, List.of(), true);
    }
    if (p == null) {
      return null;
    }
    boolean local = p.url() != null && isLocal(p.url()) && !isCondaBuild(p.url());
    String version = p.url() == null ? p.pinnedVersion() : local ? null : wheelVersion(p.url());
    return new Requirement(p.name(), version, p.specifier(), p.extras(), p.marker(), p.url(), editable, local, hashes,
        line, List.of(), true);
  }

  /**
   * {@code pip freeze} in a conda environment writes {@code name @ file:///croot/name_1690978916802/work} for
   * packages conda built: a third-party distribution whose version the line does not tell, not a local project.
   */
  static boolean isCondaBuild(String url) {
    String l = url.toLowerCase(Locale.ROOT).replace('\\', '/');
    return l.startsWith("file:") && CONDA_BUILD_DIRS.stream().anyMatch(l::contains);
  }

  private static boolean looksLikeUrlOrPath(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.contains("://") || l.startsWith("file:") || l.startsWith(".") || l.startsWith("/")
        || l.startsWith("git+") || l.startsWith("hg+") || l.startsWith("svn+") || l.startsWith("bzr+")
        || l.endsWith(".whl") || l.endsWith(".tar.gz") || l.endsWith(".zip") || l.equals(".");
  }

  private static boolean isLocal(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("file:") || l.startsWith(".") || l.startsWith("/") || !l.contains("://") && !l.contains("+");
  }

  /** {@code #egg=name} in a URL fragment. */
  private static String eggName(String url) {
    int egg = url.indexOf("#egg=");
    if (egg < 0) {
      egg = url.indexOf("&egg=");
    }
    if (egg < 0) {
      return null;
    }
    String rest = url.substring(egg + 5);
    int end = 0;
    while (end < rest.length() && Pep508.isNameChar(rest.charAt(end))) {
      end++;
    }
    return end == 0 ? null : rest.substring(0, end);
  }

  /** Name from a wheel/sdist file name or the last folder of a path or repository URL. */
  private static String nameFromPath(String s) {
    String p = s.regionMatches(true, 0, "file:", 0, 5) ? s.substring(5) : s;
    int hash = p.indexOf('#');
    if (hash >= 0) {
      p = p.substring(0, hash);
    }
    int at = p.lastIndexOf('@');
    if (at > p.lastIndexOf('/')) {
      p = p.substring(0, at);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String last = percentDecode(p.substring(p.lastIndexOf('/') + 1));
    if (last.endsWith(".git")) {
      last = last.substring(0, last.length() - 4);
    }
    if (last.endsWith(".whl")) {
      return last.split("-")[0];
    }
    for (String ext : List.of(".tar.gz", ".zip", ".tar.bz2", ".tgz")) {
      if (last.endsWith(ext)) {
        String stem = last.substring(0, last.length() - ext.length());
        int dash = stem.lastIndexOf('-');
        return dash > 0 ? stem.substring(0, dash) : stem;
      }
    }
    return last.equals(".") || last.equals("..") ? null : last;
  }

  private static String wheelVersion(String s) {
    String last = percentDecode(s.substring(s.lastIndexOf('/') + 1));
    int hash = last.indexOf('#');
    if (hash >= 0) {
      last = last.substring(0, hash);
    }
    if (last.endsWith(".whl")) {
      String[] parts = last.split("-");
      return parts.length >= 5 ? parts[1] : null;
    }
    for (String ext : List.of(".tar.gz", ".zip", ".tar.bz2", ".tgz")) {
      if (last.endsWith(ext)) {
        String stem = last.substring(0, last.length() - ext.length());
        int dash = stem.lastIndexOf('-');
        return dash > 0 && dash + 1 < stem.length() && Character.isDigit(stem.charAt(dash + 1)) ? stem.substring(dash + 1) : null;
      }
    }
    return null;
  }

  /** Decodes %XX escapes of a URL path segment; malformed escapes are kept as written. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
