import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.vuln.InventoryMatcher;
import dev.bulwark.vuln.db.OsvDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipFile;

/**
 * Writes examples/osv-seed/: every OSV record (copied byte for byte from the shared zips) that matches the
 * example app's pinned packages, as found by Bulwark's own matcher over a database imported from the same zips.
 * Usage: java -cp <vuln module classpath> SeedExamples.java OSV_DB SHARED_OSV_DIR OUT_DIR
 */
public class SeedExamples {
  public static void main(String[] args) throws Exception {
    String[][] pkgs = {
        {"pkg:pypi/torch@1.13.1", "PyPI"}, {"pkg:pypi/transformers@4.30.0", "PyPI"}, {"pkg:pypi/numpy@1.21.0", "PyPI"},
        {"pkg:pypi/pillow@9.0.0", "PyPI"}, {"pkg:pypi/requests@2.25.1", "PyPI"}, {"pkg:pypi/pyyaml@5.3.1", "PyPI"},
        {"pkg:pypi/flask@2.0.1", "PyPI"}, {"pkg:pypi/jinja2@2.11.2", "PyPI"},
        {"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "Maven"},
        {"pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10.1", "Maven"}};
    List<Component> cs = new ArrayList<>();
    for (String[] p : pkgs) {
      String v = p[0].substring(p[0].indexOf('@') + 1);
      cs.add(Component.builder(ComponentType.LIBRARY, p[0]).purl(p[0]).version(v).build());
    }
    TreeSet<String> ids = new TreeSet<>();
    try (OsvDatabase db = OsvDatabase.openReadOnly(Paths.get(args[0]))) {
      for (Finding f : new InventoryMatcher(db).match(Inventory.of(cs))) {
        ids.add(f.rule());
        ids.addAll(f.aliases());
        System.out.println(f.component() + " " + f.rule() + " " + f.severity());
      }
    }
    Path out = Files.createDirectories(Paths.get(args[2]));
    int n = 0;
    for (String zip : List.of("PyPI.zip", "Maven.zip")) {
      try (ZipFile z = new ZipFile(Paths.get(args[1], zip).toFile())) {
        for (String id : ids) {
          var e = z.getEntry(id + ".json");
          if (e != null && !Files.exists(out.resolve(id + ".json"))) {
            Files.write(out.resolve(id + ".json"), z.getInputStream(e).readAllBytes());
            n++;
          }
        }
      }
    }
    System.out.println(n + " records written to " + out);
  }
}
