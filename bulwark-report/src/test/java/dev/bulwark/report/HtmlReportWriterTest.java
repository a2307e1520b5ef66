package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  @Test
  void hostileStringsStayInert() throws Exception {
    String html = Goldens.render(new HtmlReportWriter(), SampleReports.hostile());
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(count(html, "<script")).as("only our own script element").isEqualTo(1);
    assertThat(html).doesNotContain("<img", "<svg onload", "alert(3)</script>", "href=\"javascript:", "\u001b");
    String ownScript = html.substring(html.indexOf("<script>"), html.indexOf("</script>"));
    assertThat(ownScript).doesNotContain("alert");
    // the quote that tries to break out of an attribute is escaped
    assertThat(html).doesNotContain("\"><img").contains("&quot;&gt;&lt;img");
    assertThat(html).contains("<a href=\"https://example.com/?q=&lt;b&gt;\"");
  }

  @Test
  void loadsNothingFromElsewhere() throws Exception {
    String html = Goldens.render(new HtmlReportWriter(), SampleReports.aiApp());
    assertThat(html).contains("Content-Security-Policy", "default-src 'none'");
    Matcher m = Pattern.compile("(?i)<(script|link|img|iframe|object|embed)[^>]*\\s(src|href)=").matcher(html);
    assertThat(m.find()).as("no element loads a resource").isFalse();
    assertThat(html).doesNotContain("@import", "url(");
  }

  @Test
  void hasSummaryChartsFindingsAndComponents() throws Exception {
    var report = SampleReports.aiApp();
    String html = Goldens.render(new HtmlReportWriter(), report);
    assertThat(html).contains("Verdict: FAIL", "Findings by severity", "Findings by scanner", "<svg",
        "id=\"component-filter\"", "id=\"finding-filter\"", "fails gate", "iac/helm");
    assertThat(count(html, "<details class=\"finding")).isEqualTo(report.findings().size());
    assertThat(count(html, "<tr><td>")).isEqualTo(report.components().size());
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
