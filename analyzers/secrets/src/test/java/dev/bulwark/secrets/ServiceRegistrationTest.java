package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.CommandPlugin;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.Plugins;
import dev.bulwark.spi.ReportStage;
import dev.bulwark.spi.TargetAnalyzer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The engine and CLI find every plugin of this module through ServiceLoader. */
class ServiceRegistrationTest {

  @Test
  void pluginsAreRegistered() {
    assertThat(Plugins.load(FileAnalyzer.class, FileAnalyzer::id)).extracting(FileAnalyzer::id).contains("secrets");
    assertThat(Plugins.load(TargetAnalyzer.class, TargetAnalyzer::id)).extracting(TargetAnalyzer::id)
        .contains("secrets-git-history");
    assertThat(Plugins.load(ReportStage.class, ReportStage::id)).filteredOn(s -> s.id().equals("secrets-baseline"))
        .singleElement().satisfies(s -> assertThat(s.order()).isEqualTo(200));
    assertThat(Plugins.load(CommandPlugin.class, p -> p.getClass().getName()))
        .extracting(p -> new CommandLine(p.command()).getCommandName()).contains("secrets");
  }
}
