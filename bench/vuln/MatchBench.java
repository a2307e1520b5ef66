import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.vuln.InventoryMatcher;
import dev.bulwark.vuln.db.OsvDatabase;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Matches N components against an imported OSV database, warm (JIT and page cache), each run with fresh
 * per-scan caches as a real scan has. Three mixes: 0%, 10% and 50% of the components are packages named in
 * advisories (real names from the database with common old versions, so many match); the rest have none.
 * Usage: java -cp <vuln classpath> MatchBench.java OSV_DB [N] [RUNS]
 */
public class MatchBench {
  public static void main(String[] args) throws Exception {
    String db = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    for (int percent : new int[] {0, 10, 50}) {
      run(db, n, runs, percent);
    }
  }

  static void run(String db, int n, int runs, int percent) throws Exception {
    List<String[]> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
         ResultSet r = c.createStatement().executeQuery("SELECT DISTINCT base_ecosystem, name FROM affected"
             + " WHERE base_ecosystem IN ('PyPI','npm','Maven','Go','crates.io','RubyGems','NuGet','Packagist')"
             + " ORDER BY base_ecosystem, name")) {
      while (r.next()) names.add(new String[] {r.getString(1), r.getString(2)});
    }
    Random rnd = new Random(42);
    String[] versions = {"0.1.0", "1.0.0", "1.2.3", "2.0.0", "2.14.1", "3.1.4", "4.17.20", "9.0.0"};
    List<Component> cs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String[] p = rnd.nextInt(100) < percent ? names.get(rnd.nextInt(names.size())) : new String[] {"PyPI", "no-advisory-" + i};
      String v = versions[rnd.nextInt(versions.length)];
      cs.add(Component.builder(ComponentType.LIBRARY, p[1] + "#" + i).ref("c" + i).ecosystem(p[0]).version(v).build());
    }
    // the component name carries '#i' only to keep refs unique; use the real name for lookup
    List<Component> comps = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Component c = cs.get(i);
      String real = c.name().substring(0, c.name().lastIndexOf('#'));
      comps.add(Component.builder(ComponentType.LIBRARY, real).ref(c.ref()).ecosystem(c.ecosystem()).version(c.version()).build());
    }
    Inventory inv = Inventory.of(comps);
    double[] rates = new double[runs];
    // Process CPU (every thread: the matcher decodes, matches and parses in parallel) summed over all timed
    // runs, since the OS counts it in 10 ms ticks; it includes GC and JIT threads.
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    int findings = 0;
    long cpuTotal = 0;
    try (OsvDatabase d = OsvDatabase.openReadOnly(Paths.get(db))) {
      for (int w = 0; w < 5; w++) new InventoryMatcher(d).match(inv); // warm-up
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        List<Finding> f = new InventoryMatcher(d).match(inv);
        double s = (System.nanoTime() - t) / 1e9;
        cpuTotal += os.getProcessCpuTime() - cpu;
        findings = f.size();
        rates[i] = n / s;
      }
    }
    Arrays.sort(rates);
    double cpuRate = (double) n * runs / (cpuTotal / 1e9);
    // On a shared machine wall time includes waiting for a core; CPU time is what the matcher costs.
    System.out.printf("match: %d components (%d%% named in advisories), %d findings: median %.0f components/s wall"
        + " (best %.0f), %.0f components per CPU-second (target 50000: %.2fx wall, %.2fx CPU)%n", n, percent, findings,
        rates[runs / 2], rates[runs - 1], cpuRate, rates[runs / 2] / 50_000, cpuRate / 50_000);
  }
}
