package dev.bulwark.data.cli;

import dev.bulwark.data.lineage.LineageEmitter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --openlineage-file} / {@code --openlineage-url}; the API key comes from OPENLINEAGE_API_KEY. */
final class LineageOptions {

  @Option(names = "--openlineage-file", paramLabel = "FILE", description = "Append OpenLineage events (JSON lines) to FILE.")
  Path file;

  @Option(names = "--openlineage-url", paramLabel = "URL",
      description = "POST OpenLineage events to URL (e.g. Marquez at http://localhost:5000); key from OPENLINEAGE_API_KEY.")
  URI url;

  boolean requested() {
    return file != null || url != null;
  }

  LineageEmitter open(Clock clock, Map<String, String> env) {
    if (file != null && url != null) {
      throw new IllegalArgumentException("give --openlineage-file or --openlineage-url, not both");
    }
    if (file != null) {
      return LineageEmitter.toFile(file, clock);
    }
    if (url != null) {
      if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
        throw new IllegalArgumentException("--openlineage-url must be an http(s) URL: " + url);
      }
      return LineageEmitter.toUrl(url, env.get("OPENLINEAGE_API_KEY"), clock);
    }
    // --openlineage without a destination: the OpenLineage convention of OPENLINEAGE_URL
    String envUrl = env.get("OPENLINEAGE_URL");
    if (envUrl != null && !envUrl.isBlank()) {
      return LineageEmitter.toUrl(URI.create(envUrl), env.get("OPENLINEAGE_API_KEY"), clock);
    }
    throw new IllegalArgumentException("--openlineage needs --openlineage-file FILE, --openlineage-url URL or OPENLINEAGE_URL");
  }
}
