package dev.bulwark.engine;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** Records every path it sees; files named {@code boom} make it throw, {@code broken} make it report bad input. */
final class RecordingAnalyzer implements FileAnalyzer {
  final Set<String> seen = new ConcurrentSkipListSet<>();

  @Override
  public String id() {
    return "test/recording";
  }

  @Override
  public Scanner scanner() {
    return Scanner.SECRET;
  }

  @Override
  public boolean accepts(ScanFile file) {
    return true;
  }

  @Override
  public List<Finding> analyze(ScanFile file, ScanContext context) throws IOException {
    seen.add(file.path());
    if (file.name().equals("boom")) {
      throw new IllegalStateException("kaboom");
    }
    if (file.name().equals("broken")) {
      throw new UnreadableInputException(file.path(), "not valid");
    }
    if (file.name().equals("secret.txt")) {
      return List.of(Finding.builder(Scanner.SECRET, "test-rule", Severity.HIGH, "planted").location(Location.of(file.path())).build());
    }
    return List.of();
  }
}
