import dev.bulwark.model.Component;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.Plugins;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalogers alone, in one JVM: per project the CPU milliseconds of the first (cold) pass and the median of
 * ten warm passes, to separate cataloguing cost from the CLI's start-up. Run by catalog-only.sh.
 */
public class CatalogBench {
  public static void main(String[] args) throws Exception {
    List<Cataloger> catalogers = Plugins.load(Cataloger.class, Cataloger::id);
    var mx = ManagementFactory.getThreadMXBean();
    System.out.printf("%-42s %6s %9s %9s%n", "project", "comps", "cold_ms", "warm_ms");
    try (var dirs = Files.list(Path.of(args[0]))) {
      for (Path p : dirs.filter(Files::isDirectory).sorted().toList()) {
        ScanContext ctx = Fixtures.context(p);
        long t = mx.getCurrentThreadCpuTime();
        int n = dev.bulwark.model.Inventory.of(run(catalogers, ctx)).components().size();
        long cold = mx.getCurrentThreadCpuTime() - t;
        long[] warm = new long[10];
        for (int i = 0; i < warm.length; i++) {
          ctx = Fixtures.context(p);
          t = mx.getCurrentThreadCpuTime();
          run(catalogers, ctx);
          warm[i] = mx.getCurrentThreadCpuTime() - t;
        }
        java.util.Arrays.sort(warm);
        System.out.printf("%-42s %6d %9.1f %9.1f%n", p.getFileName(), n, cold / 1e6, warm[warm.length / 2] / 1e6);
      }
    }
  }

  private static List<Component> run(List<Cataloger> catalogers, ScanContext ctx) throws Exception {
    List<Component> out = new ArrayList<>();
    for (ScanFile f : ctx.tree().files()) {
      for (Cataloger c : catalogers) {
        if (c.claims(f)) {
          out.addAll(c.catalog(f, ctx));
        }
      }
    }
    return out;
  }
}
