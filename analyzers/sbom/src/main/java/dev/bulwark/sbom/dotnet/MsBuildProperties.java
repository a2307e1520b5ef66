package dev.bulwark.sbom.dotnet;

import dev.bulwark.sbom.internal.SecureXml;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A bounded, static reading of MSBuild properties: {@code <PropertyGroup>} definitions in file order, each value
 * expanded when it is defined (as MSBuild's first pass does), so a later definition overrides an earlier one and
 * a chain of definitions costs one lookup per step. Nothing is executed: property functions ({@code $([...])}),
 * undefined properties and definitions under a condition other than {@code '$(X)' == ''} leave a value unknown
 * or unapplied. Imports are followed only for literal paths (optionally prefixed by
 * {@code $(MSBuildThisFileDirectory)}) and for the {@code GetPathOfFileAbove(name, '$(MSBuildThisFileDirectory)../')}
 * idiom, inside the scanned tree.
 */
final class MsBuildProperties {

  static final int MAX_FILES = 32;
  static final int MAX_IMPORT_DEPTH = 8;
  static final int MAX_FILE_BYTES = 1 << 20;
  static final int MAX_VALUE_CHARS = 4096;
  static final int MAX_PROPERTIES = 4096;

  private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.\\-]*)\\)");
  private static final Pattern EMPTY_TEST =
      Pattern.compile("\\s*'\\$\\(([A-Za-z_][A-Za-z0-9_.\\-]*)\\)'\\s*==\\s*''\\s*");
  private static final Pattern FILE_ABOVE = Pattern.compile(
      "\\$\\(\\[MSBuild\\]::GetPathOfFileAbove\\(\\s*'?([A-Za-z0-9_.\\-]+)'?\\s*,\\s*'?\\$\\(MSBuildThisFileDirectory\\)\\.\\.[/\\\\]?'?\\s*\\)\\)");
  private static final Pattern EXISTS = Pattern.compile("\\s*Exists\\([^)]*\\)\\s*");

  /** Unknown values are kept as {@code null} under their (lower-case) name. */
  private final Map<String, String> values = new HashMap<>();
  private final ScanContext context;
  private int filesRead;
  /** Every file read (imports included), in the order MSBuild imports them. */
  private final List<Read> files = new ArrayList<>();

  record Read(ScanFile file, Element root) {}

  MsBuildProperties(ScanContext context) {
    this.context = context;
  }

  /** The files read so far, imports included, in import order. */
  List<Read> filesRead() {
    return List.copyOf(files);
  }

  /** Reads the properties of {@code file} and of what it imports; returns the parsed root, or empty. */
  Optional<Element> read(ScanFile file) {
    return read(file, 0);
  }

  private Optional<Element> read(ScanFile file, int depth) {
    if (depth > MAX_IMPORT_DEPTH || filesRead >= MAX_FILES || file.size() > MAX_FILE_BYTES) {
      return Optional.empty();
    }
    filesRead++;
    try {
      Element root = SecureXml.parse(file.path(), file.readAllBytes(MAX_FILE_BYTES)).getDocumentElement();
      files.add(new Read(file, root));
      define(file, root, depth);
      return Optional.of(root);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: its properties stay unknown
    }
  }

  /** Also reads an already parsed root (the project itself). */
  void define(ScanFile file, Element root, int depth) {
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      String tag = SecureXml.localName(e);
      if (tag.equals("PropertyGroup") && applies(e)) {
        for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
          if (p instanceof Element prop && applies(prop) && values.size() < MAX_PROPERTIES) {
            values.put(SecureXml.localName(prop).toLowerCase(Locale.ROOT), expand(prop.getTextContent().strip()));
          }
        }
      } else if (tag.equals("Import") && (e.getAttribute("Condition").isBlank() || EXISTS.matcher(e.getAttribute("Condition")).matches())) {
        importTarget(file, e.getAttribute("Project").strip()).ifPresent(t -> read(t, depth + 1));
      }
    }
  }

  /** The value of a property reference-bearing text, or {@code null} when any part of it is unknown. */
  String expand(String text) {
    if (text == null) {
      return null;
    }
    if (text.contains("$([") || text.contains("@(") || text.contains("%(")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = REFERENCE.matcher(text);
    int last = 0;
    while (m.find()) {
      String key = m.group(1).toLowerCase(Locale.ROOT);
      String v = values.get(key);
      if (v == null) {
        return null;
      }
      out.append(text, last, m.start()).append(v);
      last = m.end();
      if (out.length() > MAX_VALUE_CHARS) {
        return null;
      }
    }
    out.append(text, last, text.length());
    return out.indexOf("$(") >= 0 || out.length() > MAX_VALUE_CHARS ? null : out.toString();
  }

  /** Only unconditioned definitions and {@code '$(X)' == ''} defaults are applied. */
  private boolean applies(Element e) {
    String c = e.getAttribute("Condition");
    if (c.isBlank()) {
      return true;
    }
    Matcher m = EMPTY_TEST.matcher(c);
    if (!m.matches()) {
      return false;
    }
    String key = m.group(1).toLowerCase(Locale.ROOT);
    return !values.containsKey(key) || "".equals(values.get(key));
  }

  private Optional<ScanFile> importTarget(ScanFile from, String project) {
    Matcher above = FILE_ABOVE.matcher(project);
    if (above.matches()) {
      return fileAbove(parentOf(from.parent()), above.group(1));
    }
    String p = project.replace('\\', '/');
    if (p.startsWith("$(MSBuildThisFileDirectory)")) {
      p = p.substring("$(MSBuildThisFileDirectory)".length());
    }
    if (p.isEmpty() || p.contains("$") || p.contains("*") || p.startsWith("/")) {
      return Optional.empty();
    }
    return normalize(from.parent().isEmpty() ? p : from.parent() + "/" + p).flatMap(context.tree()::file);
  }

  /** The nearest {@code name} in {@code folder} or one of its parents, as MSBuild's GetPathOfFileAbove finds it. */
  Optional<ScanFile> fileAbove(String folder, String name) {
    String f = folder;
    for (int depth = 0; depth < 64 && f != null; depth++) {
      Optional<ScanFile> hit = context.tree().file(f.isEmpty() ? name : f + "/" + name);
      if (hit.isPresent()) {
        return hit;
      }
      f = f.isEmpty() ? null : parentOf(f);
    }
    return Optional.empty();
  }

  private static String parentOf(String folder) {
    if (folder == null || folder.isEmpty()) {
      return null;
    }
    int cut = folder.lastIndexOf('/');
    return cut < 0 ? "" : folder.substring(0, cut);
  }

  /** Resolves {@code .} and {@code ..}; a path that would leave the scanned tree gives empty. */
  static Optional<String> normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(s);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
  }
}
