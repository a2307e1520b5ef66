package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the HTML report in the system's headless Chromium (skipped when there is none): the filters
 * work, and nothing from hostile scanned text executes. A probe script appended to the page writes what
 * it observed into the document title, which {@code --dump-dom} returns.
 */
class HtmlBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path tmp;

  private String run(String html, String probe) throws Exception {
    String page = html.replace("<head>\n", "<head>\n<script>window.alert = function () { window.__alerted = true; };</script>\n")
        .replace("</body>", "<script>" + probe + "</script></body>");
    Path file = tmp.resolve("page.html");
    Files.writeString(file, page, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + tmp.resolve("profile"), "--dump-dom", file.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(dom);
    assertThat(m.find()).as("page title in %s", dom.length() > 300 ? dom.substring(0, 300) : dom).isTrue();
    return m.group(1);
  }

  @Test
  void filtersWorkAndHostileTextStaysInert() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no system Chromium");
    String title = run(Goldens.render(new HtmlReportWriter(), SampleReports.aiApp()), """
        var f = document.getElementById('component-filter');
        f.value = 'log4j'; f.dispatchEvent(new Event('input'));
        var rows = 0;
        document.querySelectorAll('#component-table tbody tr').forEach(function (r) { if (r.style.display !== 'none') rows++; });
        var s = document.getElementById('severity-filter');
        s.value = '1'; s.dispatchEvent(new Event('change'));
        var crit = 0;
        document.querySelectorAll('details.finding').forEach(function (d) { if (d.style.display !== 'none') crit++; });
        document.title = 'rows=' + rows + ' critical=' + crit;
        """);
    assertThat(title).isEqualTo("rows=2 critical=3");

    String hostile = run(Goldens.render(new HtmlReportWriter(), SampleReports.hostile()), """
        document.title = 'alerted=' + (window.__alerted === true) + ' scripts=' + document.scripts.length
            + ' images=' + document.images.length;
        """);
    // our alert trap, the report's own script and the probe: three scripts, no image, no alert
    assertThat(hostile).isEqualTo("alerted=false scripts=3 images=0");
  }
}
