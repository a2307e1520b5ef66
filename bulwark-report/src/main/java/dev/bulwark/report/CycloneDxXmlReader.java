package dev.bulwark.report;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CycloneDX XML (any 1.x namespace) with StAX: no DTDs, no external entities, bounded nesting.
 * Elements are matched by local name inside the CycloneDX namespace; unknown elements are skipped.
 */
final class CycloneDxXmlReader {
  static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";
  private static final int MAX_NESTING = 32;

  private CycloneDxXmlReader() {}

  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  static void read(InputStream in, SbomAssembler out, int maxComponents) throws IOException {
    try {
      XMLStreamReader x = factory().createXMLStreamReader(in);
      try {
        if (x.nextTag() != XMLStreamConstants.START_ELEMENT || !"bom".equals(x.getLocalName())
            || x.getNamespaceURI() == null || !x.getNamespaceURI().startsWith(NAMESPACE_PREFIX)) {
          throw new SbomFormatException("the root element is not a CycloneDX <bom>");
        }
        while (nextChild(x)) {
          switch (x.getLocalName()) {
            case "metadata" -> metadata(x, out, maxComponents);
            case "components" -> components(x, out, 0, maxComponents);
            case "dependencies" -> dependencies(x, out);
            default -> skip(x);
          }
        }
      } finally {
        x.close();
      }
    } catch (XMLStreamException e) {
      throw new SbomFormatException("malformed XML: " + e.getMessage());
    }
  }

  /** Moves to the next child start element; false at the parent's end. */
  private static boolean nextChild(XMLStreamReader x) throws XMLStreamException {
    while (x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
    return false;
  }

  private static void skip(XMLStreamReader x) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static String text(XMLStreamReader x) throws XMLStreamException {
    StringBuilder b = new StringBuilder();
    int depth = 1;
    while (depth > 0 && x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        if (depth == 1 && b.length() < 1_000_000) {
          b.append(x.getText());
        }
      } else if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return b.toString().trim();
  }

  private static void metadata(XMLStreamReader x, SbomAssembler out, int max) throws XMLStreamException, IOException {
    while (nextChild(x)) {
      switch (x.getLocalName()) {
        case "component" -> {
          String ref = x.getAttributeValue(null, "bom-ref");
          component(x, out, true, 0, max);
          out.root(ref);
        }
        case "tools" -> tools(x, out);
        default -> skip(x);
      }
    }
  }

  private static void tools(XMLStreamReader x, SbomAssembler out) throws XMLStreamException {
    int depth = 1;
    String group = null;
    while (depth > 0 && x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String n = x.getLocalName();
        if (n.equals("group") || n.equals("vendor")) {
          group = text(x);
        } else if (n.equals("name")) {
          if ("bulwark".equals(text(x)) && (group == null || "dev.bulwark".equals(group))) {
            out.writtenByBulwark();
          }
        } else {
          depth++;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static void components(XMLStreamReader x, SbomAssembler out, int depth, int max)
      throws XMLStreamException, IOException {
    while (nextChild(x)) {
      if ("component".equals(x.getLocalName())) {
        component(x, out, false, depth, max);
      } else {
        skip(x);
      }
    }
  }

  private static void component(XMLStreamReader x, SbomAssembler out, boolean subject, int depth, int max)
      throws XMLStreamException, IOException {
    if (depth > MAX_NESTING) {
      throw new SbomFormatException("components nested deeper than " + MAX_NESTING);
    }
    if (out.size() >= max) {
      throw new SbomFormatException("more than " + max + " components");
    }
    SbomEntry e = new SbomEntry();
    e.subject = subject;
    e.bomRef = x.getAttributeValue(null, "bom-ref");
    e.type = x.getAttributeValue(null, "type");
    out.add(e);
    while (nextChild(x)) {
      switch (x.getLocalName()) {
        case "group" -> e.group = text(x);
        case "name" -> e.name = text(x);
        case "version" -> e.version = text(x);
        case "purl" -> e.purl = text(x);
        case "scope" -> e.scope = text(x);
        case "licenses" -> licenses(x, e);
        case "hashes" -> {
          while (nextChild(x)) {
            String alg = x.getAttributeValue(null, "alg");
            CycloneDxJsonReader.addHash(e, alg, text(x));
          }
        }
        case "properties" -> {
          while (nextChild(x)) {
            String name = x.getAttributeValue(null, "name");
            String value = text(x);
            if (name != null) {
              e.properties.add(new String[] {name, value});
            }
          }
        }
        case "components" -> components(x, out, depth + 1, max);
        default -> skip(x);
      }
    }
  }

  private static void licenses(XMLStreamReader x, SbomEntry e) throws XMLStreamException {
    while (nextChild(x)) {
      if ("expression".equals(x.getLocalName())) {
        String t = text(x);
        if (!t.isEmpty()) {
          e.licenses.add(t);
        }
      } else if ("license".equals(x.getLocalName())) {
        String id = null;
        String name = null;
        while (nextChild(x)) {
          switch (x.getLocalName()) {
            case "id" -> id = text(x);
            case "name" -> name = text(x);
            default -> skip(x);
          }
        }
        if (id != null || name != null) {
          e.licenses.add(id != null ? id : name);
        }
      } else {
        skip(x);
      }
    }
  }

  private static void dependencies(XMLStreamReader x, SbomAssembler out) throws XMLStreamException {
    while (nextChild(x)) {
      if (!"dependency".equals(x.getLocalName())) {
        skip(x);
        continue;
      }
      String from = x.getAttributeValue(null, "ref");
      while (nextChild(x)) {
        if ("dependency".equals(x.getLocalName())) {
          out.edge(from, x.getAttributeValue(null, "ref"));
        }
        skip(x);
      }
    }
  }
}
