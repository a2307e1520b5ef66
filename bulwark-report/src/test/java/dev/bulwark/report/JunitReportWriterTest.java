package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element suite(Document d, String name) {
    NodeList suites = d.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element e = (Element) suites.item(i);
      if (e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no suite " + name);
  }

  @Test
  void suitesPerScannerWithGateFailuresAndSkips() throws Exception {
    Document d = parse(Goldens.render(new JunitReportWriter(), SampleReports.aiApp()));
    Element root = d.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(1 + 5 + 14));
    Element vuln = suite(d, "bulwark.vuln");
    assertThat(vuln.getAttribute("tests")).isEqualTo("4");
    // fired rule names Log4Shell only among vuln findings; the VEX-suppressed lodash finding is skipped
    assertThat(vuln.getAttribute("failures")).isEqualTo("1");
    assertThat(vuln.getAttribute("skipped")).isEqualTo("1");
    assertThat(vuln.getElementsByTagName("failure").getLength()).isEqualTo(1);
    Element model = suite(d, "bulwark.model");
    assertThat(model.getAttribute("failures")).isEqualTo("1");
    Element analyzers = suite(d, "bulwark.analyzers");
    assertThat(analyzers.getAttribute("tests")).isEqualTo("5");
    assertThat(analyzers.getAttribute("errors")).isEqualTo("1");
    assertThat(analyzers.getAttribute("skipped")).isEqualTo("1");
    assertThat(suite(d, "bulwark.gate").getElementsByTagName("failure").getLength()).isEqualTo(1);
    int suiteFailures = 0;
    NodeList suites = d.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      suiteFailures += Integer.parseInt(((Element) suites.item(i)).getAttribute("failures"));
    }
    assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(suiteFailures));
  }

  @Test
  void withoutFiredRulesHighAndCriticalFail() throws Exception {
    var report = SampleReports.aiApp().withVerdict(new dev.bulwark.model.Verdict(
        dev.bulwark.model.Verdict.Result.FAIL, java.util.List.of("fail-on high"), java.util.List.of()));
    Document d = parse(Goldens.render(new JunitReportWriter(), report));
    assertThat(suite(d, "bulwark.vuln").getAttribute("failures")).isEqualTo("2");
    assertThat(suite(d, "bulwark.secret").getAttribute("failures")).isEqualTo("1");
    assertThat(suite(d, "bulwark.iac").getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void aPassingVerdictFailsNoFinding() throws Exception {
    Document d = parse(Goldens.render(new JunitReportWriter(), SampleReports.aiApp().withVerdict(dev.bulwark.model.Verdict.pass())));
    assertThat(d.getElementsByTagName("failure").getLength()).isZero();
    assertThat(suite(d, "bulwark.vuln").getElementsByTagName("system-out").getLength()).isEqualTo(3);
  }

  @Test
  void onlyFailRulesFail() throws Exception {
    var base = SampleReports.aiApp();
    String torch = base.findings().get(1).id();
    var report = base.withVerdict(new dev.bulwark.model.Verdict(dev.bulwark.model.Verdict.Result.WARN, java.util.List.of("warned"),
        java.util.List.of(new dev.bulwark.model.Verdict.FiredRule("warn-torch", "warn", "torch", java.util.List.of(torch)))));
    Document d = parse(Goldens.render(new JunitReportWriter(), report));
    assertThat(d.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void cleanScanShowsPassingTests() throws Exception {
    Document d = parse(Goldens.render(new JunitReportWriter(), SampleReports.clean()));
    assertThat(d.getDocumentElement().getAttribute("tests")).isEqualTo("2");
    assertThat(d.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    assertThat(d.getElementsByTagName("testcase").getLength()).isEqualTo(2);
  }

  @Test
  void hostileTextStaysWellFormed() throws Exception {
    Document d = parse(Goldens.render(new JunitReportWriter(), SampleReports.hostile()));
    assertThat(d.getDocumentElement().getTextContent()).contains("<script>alert(1)</script>");
  }
}
