package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Component;
import dev.bulwark.spi.BoundedInputStream;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads existing SBOMs — CycloneDX JSON and XML (1.0–1.6) and SPDX 2.x JSON — so that their components
 * are matched against vulnerabilities like those Bulwark catalogs itself ({@code bulwark scan bom.cdx.json}).
 * Files are recognised by content, not name: {@code "bomFormat": "CycloneDX"}, the CycloneDX XML
 * namespace, or {@code "spdxVersion"} near the start of a JSON object.
 *
 * <p>Settings: {@code sbomFile.maxBytes} (default: the scan's maxFileBytes) and
 * {@code sbomFile.maxComponents} (default 1,000,000) bound what one file may hold.
 */
public final class SbomFileCataloger implements Cataloger {

  enum Format { CYCLONEDX_JSON, CYCLONEDX_XML, SPDX_JSON }

  static final int DEFAULT_MAX_COMPONENTS = 1_000_000;

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(20_000_000).build())
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

  @Override
  public String id() {
    return "sbom/sbom-file";
  }

  @Override
  public boolean readsInventoryDocuments() {
    return true;
  }

  @Override
  public boolean claims(ScanFile file) {
    FileKind kind = file.kind();
    if (kind != FileKind.TEXT) {
      return false;
    }
    return sniff(file.head()) != null;
  }

  /** Whether {@code text} holds {@code "key": "valuePrefix...} (any whitespace around the colon). */
  static boolean stringField(String text, String key, String valuePrefix) {
    String quoted = "\"" + key + "\"";
    for (int at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
      int i = at + quoted.length();
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= text.length() || text.charAt(i) != ':') {
        continue;
      }
      i++;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (text.startsWith("\"" + valuePrefix, i)) {
        return true;
      }
    }
    return false;
  }

  /** Which SBOM format the first bytes show, or null. */
  static Format sniff(byte[] head) {
    // cheap byte check first: claims() runs on every text file of a scan
    int b = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
    while (b < head.length && (head[b] == ' ' || head[b] == '\n' || head[b] == '\r' || head[b] == '\t')) {
      b++;
    }
    if (b >= head.length || (head[b] != '{' && head[b] != '<')) {
      return null;
    }
    String text = new String(head, StandardCharsets.UTF_8);
    int i = 0;
    if (text.startsWith("\uFEFF")) {
      i = 1;
    }
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= text.length()) {
      return null;
    }
    char first = text.charAt(i);
    if (first == '{') {
      // the field with its value, not just the name: JSON Schemas of these formats name the fields too
      if (stringField(text, "bomFormat", "CycloneDX")) {
        return Format.CYCLONEDX_JSON;
      }
      if (stringField(text, "spdxVersion", "SPDX-")) {
        return Format.SPDX_JSON;
      }
    } else if (first == '<' && text.contains(CycloneDxXmlReader.NAMESPACE_PREFIX) && text.contains("bom")) {
      return Format.CYCLONEDX_XML;
    }
    return null;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    Format format = sniff(file.head());
    if (format == null) {
      return List.of();
    }
    long maxBytes = context.setting("sbomFile.maxBytes").map(Long::parseLong).orElse(context.limits().maxFileBytes());
    int maxComponents = context.setting("sbomFile.maxComponents").map(Integer::parseInt).orElse(DEFAULT_MAX_COMPONENTS);
    if (file.size() > maxBytes) {
      throw new UnreadableInputException(file.path(), "SBOM is " + file.size() + " bytes, more than the limit of "
          + maxBytes + " (sbomFile.maxBytes)");
    }
    SbomAssembler out = new SbomAssembler(file.path());
    try (InputStream in = new BoundedInputStream(new BufferedInputStream(file.open(), 1 << 16), maxBytes,
        limit -> new UnreadableInputException(file.path(), "SBOM grew past the limit of " + limit + " bytes while reading"))) {
      switch (format) {
        case CYCLONEDX_XML -> CycloneDxXmlReader.read(in, out, maxComponents);
        case CYCLONEDX_JSON, SPDX_JSON -> {
          try (JsonParser p = JSON.createParser(in)) {
            if (format == Format.CYCLONEDX_JSON) {
              CycloneDxJsonReader.read(p, MAPPER, out, maxComponents);
            } else {
              SpdxJsonReader.read(p, MAPPER, out, maxComponents);
            }
          }
        }
      }
    } catch (SbomFormatException e) {
      throw new UnreadableInputException(file.path(), label(format) + ": " + e.getMessage(), e);
    } catch (StreamConstraintsException e) {
      throw new UnreadableInputException(file.path(), label(format) + " exceeds a parser limit: " + e.getOriginalMessage(), e);
    } catch (JacksonException e) {
      throw new UnreadableInputException(file.path(), "malformed " + label(format) + ": " + e.getOriginalMessage(), e);
    }
    return out.components();
  }

  private static String label(Format f) {
    return switch (f) {
      case CYCLONEDX_JSON -> "CycloneDX JSON";
      case CYCLONEDX_XML -> "CycloneDX XML";
      case SPDX_JSON -> "SPDX JSON";
    };
  }
}
