package dev.bulwark.sbom.java;

import dev.bulwark.sbom.internal.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelProcessor;
import org.apache.maven.model.io.ModelParseException;
import org.apache.maven.model.io.ModelReader;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The model builder's POM reader, hardened for hostile POMs: each POM is bounded in size and counted against
 * the {@link ResolutionBudget}, must parse under {@link SecureXml} first (no DOCTYPE, so no entities of any
 * kind reach Maven's own parser), and a file is read only from the folders the budget allows, so a
 * {@code <relativePath>} cannot walk out of the scanned tree's copy or the local repositories.
 */
final class SecurePomReader implements ModelReader {

  @Override
  public Model read(File input, Map<String, ?> options) throws IOException {
    checkFile(input);
    Model model = parse(input.getPath(), readBounded(Files.newInputStream(input.toPath())), options);
    model.setPomFile(input);
    return model;
  }

  @Override
  public Model read(Reader input, Map<String, ?> options) throws IOException {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    try (input) {
      for (int n; (n = input.read(buf)) >= 0; ) {
        b.append(buf, 0, n);
        if (b.length() > ResolutionBudget.MAX_POM_BYTES) {
          throw new ModelParseException("POM larger than " + ResolutionBudget.MAX_POM_BYTES + " bytes", -1, -1);
        }
      }
    }
    return parse("POM", b.toString().getBytes(StandardCharsets.UTF_8), options);
  }

  @Override
  public Model read(InputStream input, Map<String, ?> options) throws IOException {
    if (options != null && options.get(ModelProcessor.SOURCE) instanceof FileModelSource f) {
      checkFile(f.getPomFile());
    }
    return parse("POM", readBounded(input), options);
  }

  private static void checkFile(File file) throws IOException {
    ResolutionBudget budget = ResolutionBudget.current();
    if (budget == null || !budget.mayRead(file.toPath())) {
      throw new ModelParseException("POM outside the scanned tree and the local repositories: " + file, -1, -1);
    }
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(ResolutionBudget.MAX_POM_BYTES + 1);
      if (bytes.length > ResolutionBudget.MAX_POM_BYTES) {
        throw new ModelParseException("POM larger than " + ResolutionBudget.MAX_POM_BYTES + " bytes", -1, -1);
      }
      return bytes;
    }
  }

  private static Model parse(String name, byte[] bytes, Map<String, ?> options) throws IOException {
    ResolutionBudget budget = ResolutionBudget.current();
    if (budget != null && !budget.allowPom()) {
      throw new ModelParseException("resolution budget exhausted: " + budget.exhausted(), -1, -1);
    }
    SecureXml.parse(name, bytes);
    boolean strict = options == null || !Boolean.FALSE.equals(options.get(IS_STRICT));
    try {
      return new MavenXpp3Reader().read(new ByteArrayInputStream(bytes), strict);
    } catch (XmlPullParserException e) {
      throw new ModelParseException(e.getMessage(), e.getLineNumber(), e.getColumnNumber(), e);
    }
  }
}
