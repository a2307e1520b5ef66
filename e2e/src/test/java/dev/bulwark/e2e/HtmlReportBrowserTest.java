package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The HTML report in a real browser (the system Chromium, headless, driven by Selenium): it renders,
 * its filters work, and hostile names from scanned files stay inert text. {@code .ci/run} installs
 * Chromium and ChromeDriver; the test is skipped only where they are absent.
 */
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @TempDir static Path dir;
  private static WebDriver browser;
  private static Path report;

  @BeforeAll
  static void scanAndOpenBrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "Chromium and ChromeDriver are not installed");
    Path target = dir.resolve("app");
    Files.createDirectories(target);
    // a real package-lock.json whose package name carries markup, as an attacker could publish
    Files.writeString(target.resolve("package-lock.json"), """
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
         "packages": {
           "": {"name": "app", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}},
           "node_modules/left-pad": {"version": "1.3.0", "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"},
           "node_modules/%s": {"version": "6.6.6"}
         }}
        """.formatted(HOSTILE.replace("\"", "\\\"")));
    Files.copy(Cli.example().resolve("java-sidecar/pom.xml"), target.resolve("pom.xml"));
    Files.copy(Cli.example().resolve("k8s/deployment.yaml"), target.resolve("deployment.yaml"));
    report = dir.resolve("report.html");
    Cli.Result r = Cli.run("scan", target.toString(), "--offline", "-q", "--db", dir.resolve("none.db").toString(),
        "-o", "html=" + report);
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + dir.resolve("chrome-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.get(report.toUri().toString());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void rendersSummaryChartsAndTables() {
    assertThat(browser.getTitle()).containsIgnoringCase("bulwark");
    assertThat(browser.findElement(By.id("summary")).getText()).isNotBlank();
    assertThat(browser.findElements(By.cssSelector("svg"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#component-table tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(browser.findElements(By.cssSelector("details.finding"))).isNotEmpty();
  }

  @Test
  void hostileNamesStayText() {
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(browser.findElements(By.cssSelector("#component-table img"))).isEmpty();
    assertThat(browser.findElement(By.id("component-table")).getText()).contains(HOSTILE);
  }

  @Test
  void componentFilterHidesRowsThatDoNotMatch() {
    WebElement filter = browser.findElement(By.id("component-filter"));
    filter.clear();
    filter.sendKeys("log4j");
    List<WebElement> visible = browser.findElements(By.cssSelector("#component-table tbody tr")).stream()
        .filter(WebElement::isDisplayed).toList();
    assertThat(visible).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).containsIgnoringCase("log4j"));
    filter.clear();
    filter.sendKeys(" ");
    filter.clear();
  }

  @Test
  void severityFilterHidesLowerFindings() {
    Select severity = new Select(browser.findElement(By.id("severity-filter")));
    List<WebElement> all = browser.findElements(By.cssSelector("details.finding"));
    severity.selectByIndex(0);
    long shown = all.stream().filter(WebElement::isDisplayed).count();
    severity.selectByIndex(severity.getOptions().size() - 1);
    long shownAll = all.stream().filter(WebElement::isDisplayed).count();
    assertThat(shown).isLessThanOrEqualTo(shownAll);
    assertThat(shownAll).isEqualTo(all.size());
  }

}
