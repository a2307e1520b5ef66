package dev.bulwark.engine;

import dev.bulwark.model.ScanReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Bulwark's own name and version, from the build. */
public final class ToolVersion {
  private static final ScanReport.ToolInfo INFO = load();

  private ToolVersion() {}

  public static ScanReport.ToolInfo info() {
    return INFO;
  }

  private static ScanReport.ToolInfo load() {
    Properties p = new Properties();
    try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": the version is informative, never worth failing a scan over
    }
    return new ScanReport.ToolInfo("bulwark", p.getProperty("version", "unknown"));
  }
}
