package dev.bulwark.sbom.java;

import static dev.bulwark.sbom.internal.SecureXml.child;
import static dev.bulwark.sbom.internal.SecureXml.childText;
import static dev.bulwark.sbom.internal.SecureXml.children;

import dev.bulwark.sbom.internal.SecureXml;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** The parts of one pom.xml that cataloguing needs, as written (not interpolated, not inherited). */
record Pom(String path, String text, String groupId, String artifactId, String version, String packaging,
    Parent parent, Map<String, String> properties, List<Dep> managed, List<Dep> dependencies, List<String> licenses) {

  record Parent(String groupId, String artifactId, String version, String relativePath) {}

  record Dep(String groupId, String artifactId, String version, String scope, String type, String classifier,
      boolean optional) {}

  /** groupId, falling back to the parent's as Maven does. */
  String effectiveGroupId() {
    return groupId != null ? groupId : parent != null ? parent.groupId() : null;
  }

  String effectiveVersion() {
    return version != null ? version : parent != null ? parent.version() : null;
  }

  static Pom parse(String path, byte[] bytes) throws IOException {
    Element project = SecureXml.parse(path, bytes).getDocumentElement();
    if (project == null || !SecureXml.localName(project).equals("project")) {
      throw new UnreadableInputException(path, "not a Maven POM: root element is not <project>");
    }
    Parent parent = null;
    Element p = child(project, "parent");
    if (p != null) {
      parent = new Parent(childText(p, "groupId"), childText(p, "artifactId"), childText(p, "version"),
          child(p, "relativePath") == null ? "../pom.xml" : nullToEmpty(childText(p, "relativePath")));
    }
    Map<String, String> props = new LinkedHashMap<>();
    Element propsEl = child(project, "properties");
    if (propsEl != null) {
      for (org.w3c.dom.Node n = propsEl.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          props.put(SecureXml.localName(e), e.getTextContent().strip());
        }
      }
    }
    List<Dep> managed = deps(child(child(project, "dependencyManagement"), "dependencies"));
    List<Dep> deps = deps(child(project, "dependencies"));
    // dependencies declared in profiles are part of the project's declared needs too
    for (Element profile : children(child(project, "profiles"), "profile")) {
      deps.addAll(deps(child(profile, "dependencies")));
      managed.addAll(deps(child(child(profile, "dependencyManagement"), "dependencies")));
    }
    List<String> licenses = new ArrayList<>();
    for (Element l : children(child(project, "licenses"), "license")) {
      String name = childText(l, "name");
      licenses.add(name != null ? name : childText(l, "url"));
    }
    return new Pom(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), childText(project, "groupId"),
        childText(project, "artifactId"), childText(project, "version"), childText(project, "packaging"), parent,
        props, managed, deps, licenses);
  }

  private static List<Dep> deps(Element list) {
    List<Dep> out = new ArrayList<>();
    for (Element d : children(list, "dependency")) {
      out.add(new Dep(childText(d, "groupId"), childText(d, "artifactId"), childText(d, "version"),
          childText(d, "scope"), childText(d, "type"), childText(d, "classifier"),
          "true".equalsIgnoreCase(childText(d, "optional"))));
    }
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
