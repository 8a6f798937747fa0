package dev.alertbook.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the built example site and the srerun build in headless Chromium, the way an on-call
 * engineer uses them: search from the keyboard, theme, alert filter and sort, printing, and every
 * page type on a desktop and a phone, in both colour schemes, with WCAG AA text contrast.
 */
class SiteInBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path dir;

    static ChromeDriver driver;
    static StaticSite example;
    static StaticSite srerun;

    @BeforeAll
    static void buildAndServe() throws IOException {
        // CI must run these tests (.ci/run installs Chromium); a developer machine may lack it.
        if (!System.getenv().getOrDefault("CI", "").isBlank()) {
            assertThat(Browser.available()).as("CI is set but /usr/bin/chromium or /usr/bin/chromedriver is missing").isTrue();
        }
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        Path config = Files.writeString(dir.resolve("srerun.yml"), Files.readString(Path.of("bench/srerun.alertbook.yml"))
                .replace("https://srerun.github.io/prometheus-alerts/", "http://127.0.0.1/"));
        build("-C", ".", "-o", dir.resolve("example").toString());
        build("-C", "../shared/corpus/srerun", "--config", config.toString(), "-o", dir.resolve("srerun").toString());
        example = new StaticSite(dir.resolve("example"));
        srerun = new StaticSite(dir.resolve("srerun"));
        driver = Browser.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (example != null) {
            example.close();
            srerun.close();
        }
    }

    private static void build(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "build";
        System.arraycopy(args, 0, command, 1, args.length);
        StringWriter err = new StringWriter();
        int code = Main.run(command, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
    }

    @Test
    void slashFocusesSearchAndArrowKeysAndEnterPickAResult() {
        driver.get(srerun.url("/"));
        WebElement search = driver.findElement(By.id("search"));
        assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("body");

        new Actions(driver).sendKeys("/").perform();

        assertThat(driver.switchTo().activeElement()).isEqualTo(search);
        assertThat(search.getDomProperty("value")).as("the slash only focuses the box").isEmpty();
        assertThat(search.getDomAttribute("aria-expanded")).isEqualTo("false");

        List<WebElement> options = type(search, "wiregu");
        assertThat(options).extracting(SiteInBrowserTest::resultTitle).containsExactly("OPNsenseWireGuardPeerOffline",
                "OPNsenseWireGuardPeerStaleHandshake", "OPNsenseWireGuardInterfaceDown");
        assertThat(search.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(search.getDomAttribute("aria-activedescendant")).as("nothing picked yet").isNull();

        search.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(picked(search, options)).isEqualTo(1);
        search.sendKeys(Keys.ARROW_UP);
        assertThat(picked(search, options)).isZero();
        search.sendKeys(Keys.ARROW_UP);
        assertThat(picked(search, options)).as("up from the first wraps to the last").isEqualTo(2);
        search.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(picked(search, options)).as("down from the last wraps to the first").isEqualTo(1);
        assertThat(driver.switchTo().activeElement()).as("the focus stays in the box").isEqualTo(search);

        search.sendKeys(Keys.ENTER);

        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/runbooks/"));
        assertThat(driver.getCurrentUrl()).endsWith("/opnsensewireguardpeerstalehandshake/");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void enterWithoutPickingOpensTheBestResult() {
        driver.get(srerun.url("/"));
        WebElement search = driver.findElement(By.id("search"));
        type(search, "wiregu");

        search.sendKeys(Keys.ENTER);

        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/runbooks/"));
        assertThat(driver.getCurrentUrl()).endsWith("/opnsensewireguardpeeroffline/");
    }

    @Test
    void searchFindsBodyWordsButRanksAlertNamesAboveThem() {
        driver.get(srerun.url("/"));
        WebElement search = driver.findElement(By.id("search"));
        // "cqlsh" is only in the body of CassandraStorageExceptions, in no name, title or heading.
        assertThat(type(search, "cqlsh")).extracting(SiteInBrowserTest::resultTitle)
                .containsExactly("CassandraStorageExceptions");

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // KubernetesPodCrashLooping has it in its name; PrometheusTooManyRestarts only in its body.
        List<String> titles = type(search, "crashloop").stream().map(SiteInBrowserTest::resultTitle).toList();
        assertThat(titles).first().isEqualTo("KubernetesPodCrashLooping");
        assertThat(titles).contains("PrometheusTooManyRestarts");
    }

    @Test
    void searchRanksPagesWithEveryWordFirstForgivesTyposAndSaysWhenNothingMatches() {
        driver.get(srerun.url("/"));
        WebElement search = driver.findElement(By.id("search"));
        // "is" is too common to be indexed, and must not make the query find nothing.
        assertThat(type(search, "disk is full")).extracting(SiteInBrowserTest::resultTitle).first()
                .isEqualTo("NetdataPredictedDiskFull");
        assertThat(driver.findElements(By.cssSelector("#search-result-0 mark"))).as("the matched words are marked")
                .extracting(WebElement::getText).contains("Disk", "Full");
        clear(search);
        assertThat(type(search, "restart wireguard service")).extracting(SiteInBrowserTest::resultTitle).first()
                .as("the runbooks that say to restart the WireGuard service")
                .isIn("OPNsenseWireGuardPeerOffline", "OPNsenseWireGuardInterfaceDown");
        clear(search);
        assertThat(type(search, "wiregard")).extracting(SiteInBrowserTest::resultTitle).first().asString()
                .startsWith("OPNsenseWireGuard");
        clear(search);
        search.sendKeys("zzqxv");
        WebElement empty = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("#search-empty:not([hidden])")).stream().findFirst().orElse(null));
        assertThat(empty.getText()).startsWith("No runbook matches \u201czzqxv\u201d.");
        assertThat(empty.findElement(By.tagName("a")).getDomAttribute("href")).endsWith("/alerts/?q=zzqxv");
        assertThat(driver.findElement(By.id("search-results")).isDisplayed()).isFalse();
    }

    @Test
    void searchResultsShowTemplatesAsTheyWillRead() {
        driver.get(srerun.url("/"));
        WebElement search = driver.findElement(By.id("search"));
        List<WebElement> options = type(search, "HostOutOfMemory");
        assertThat(options.get(0).getText()).contains("<instance>").doesNotContain("{{");
    }

    private static void clear(WebElement search) {
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElements(
                By.cssSelector("#search-results:not([hidden]) [role=option]")).isEmpty());
    }

    @Test
    void aLinkedHeadingShowsBelowTheStickyHeader() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(srerun.url("/runbooks/blackbox-exporter/blackboxprobefailed/#mitigation"));
        Object top = driver.executeScript("return document.getElementById('mitigation').getBoundingClientRect().top");
        Object header = driver.executeScript("return document.querySelector('header.top').getBoundingClientRect().bottom");
        assertThat(((Number) top).doubleValue()).isGreaterThanOrEqualTo(((Number) header).doubleValue());
        assertThat(driver.findElement(By.cssSelector("#mitigation a.anchor")).getDomAttribute("href"))
                .as("the link to the heading is in the page").isEqualTo("#mitigation");
    }

    /**
     * Types a query into the search box and returns the result options. The first letter waits for
     * lunr and the index to load; after that each key renders its results before it returns.
     */
    private static List<WebElement> type(WebElement search, String query) {
        search.sendKeys(query.substring(0, 1));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#search-results:not([hidden]) [role=option]")).isEmpty());
        search.sendKeys(query.substring(1));
        return driver.findElements(By.cssSelector("#search-results:not([hidden]) [role=option]"));
    }

    private static String resultTitle(WebElement option) {
        return option.getText().lines().findFirst().orElse("");
    }

    /** The position of the option the box points at, checking that it alone is marked selected. */
    private static int picked(WebElement search, List<WebElement> options) {
        String id = search.getDomAttribute("aria-activedescendant");
        List<String> selected = options.stream().filter(option -> "true".equals(option.getDomAttribute("aria-selected")))
                .map(option -> option.getDomAttribute("id")).toList();
        assertThat(selected).containsExactly(id);
        return options.stream().map(option -> option.getDomAttribute("id")).toList().indexOf(id);
    }

    /**
     * Measures what the search costs a reader on the srerun corpus: loading lunr and the prebuilt
     * index, then one query. Printed for docs/benchmarks.md; asserted only loosely, as a
     * regression guard, since the machine's load varies.
     */
    @Test
    void searchLoadsAndAnswersQuickly() {
        driver.get(srerun.url("/"));
        Object timings = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const input = document.getElementById("search");
                const start = performance.now();
                const script = document.createElement("script");
                script.src = input.dataset.engine;
                script.onload = () => fetch(input.dataset.index).then(r => r.json()).then(data => {
                  const loaded = performance.now();
                  const index = alertbookIndex(data.index);
                  const ready = performance.now();
                  const hits = index.query(q => q.term("wiregu", { usePipeline: false,
                      wildcard: lunr.Query.wildcard.TRAILING }));
                  done([loaded - start, ready - loaded, performance.now() - ready, hits.length]);
                });
                document.head.appendChild(script);
                """);
        List<?> values = (List<?>) timings;
        System.out.printf("srerun search: fetch %.0f ms, index load %.0f ms, query %.1f ms, %s hits%n",
                ((Number) values.get(0)).doubleValue(), ((Number) values.get(1)).doubleValue(),
                ((Number) values.get(2)).doubleValue(), values.get(3));
        assertThat(((Number) values.get(3)).intValue()).isPositive();
        assertThat(((Number) values.get(1)).doubleValue() + ((Number) values.get(2)).doubleValue()).isLessThan(2000);
    }

    @Test
    void themeToggleSwitchesAndIsRemembered() {
        driver.get(example.url("/"));
        driver.executeScript("localStorage.removeItem('alertbook-theme')");
        driver.navigate().refresh();
        String before = background();

        driver.findElement(By.id("theme-toggle")).click();
        String after = background();
        assertThat(after).isNotEqualTo(before);

        driver.get(example.url("/alerts/"));
        assertThat(background()).isEqualTo(after);
        assertThat(driver.executeScript("return document.documentElement.dataset.theme")).isIn("dark", "light");
        driver.executeScript("localStorage.removeItem('alertbook-theme')");
    }

    @Test
    void alertsTableFiltersAndSorts() {
        driver.get(example.url("/alerts/"));
        WebElement filter = driver.findElement(By.id("alert-filter"));
        assertThat(filter.isDisplayed()).isTrue();

        filter.sendKeys("postgres critical");

        List<WebElement> visible = driver.findElements(By.cssSelector("#alerts tbody tr")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(visible).extracting(row -> row.findElement(By.tagName("td")).getText()).containsExactly("PostgresDown");

        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        new Select(driver.findElement(By.id("group-filter"))).selectByVisibleText("node");
        new Select(driver.findElement(By.id("severity-filter"))).selectByVisibleText("warning");
        assertThat(driver.findElements(By.cssSelector("#alerts tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(row -> row.findElement(By.tagName("td")).getText()))
                .containsExactly("HostDiskWillFillIn24Hours", "HostHighCpuLoad", "HostClockSkew");
        new Select(driver.findElement(By.id("group-filter"))).selectByIndex(0);
        new Select(driver.findElement(By.id("severity-filter"))).selectByIndex(0);
        assertThat(driver.findElements(By.cssSelector("#alerts tbody tr")).stream().filter(WebElement::isDisplayed))
                .hasSize(13);
        WebElement byName = driver.findElement(By.cssSelector("#alerts thead th:first-child button"));
        byName.sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.cssSelector("#alerts tbody tr td")).getText()).isEqualTo("ApiHighErrorRate");
        assertThat(driver.findElement(By.cssSelector("#alerts thead th")).getDomAttribute("aria-sort")).isEqualTo("ascending");
        byName.sendKeys(Keys.SPACE);
        assertThat(driver.findElement(By.cssSelector("#alerts tbody tr td")).getText()).isEqualTo("SearchLatencyP99High");
        assertThat(driver.findElement(By.cssSelector("#alerts thead th")).getDomAttribute("aria-sort")).isEqualTo("descending");
        driver.findElement(By.cssSelector("#alerts thead th:nth-child(2) button")).click();
        assertThat(driver.findElements(By.cssSelector("#alerts thead th[aria-sort]")))
                .as("only the column sorted by says so").extracting(WebElement::getText).containsExactly("Severity");
    }

    @Test
    void everyPageTypeRendersWithoutErrorsOnDesktopAndPhone() throws IOException {
        checkPageTypes(example, "", pageTypes("postgres", "postgresdown", "job:http_requests:rate5m", "ApiHighErrorRate",
                "postgres.yml"));
        driver.get(example.url("/alerts/ApiHighErrorRate/"));
        assertThat(driver.getCurrentUrl()).endsWith("/runbooks/api/apihigherrorrate/");
    }

    @Test
    void everySrerunPageTypeRendersWithoutErrorsOnDesktopAndPhone() throws IOException {
        // This runbook links outside the site and shows its rule in a collapsed <details>.
        checkPageTypes(srerun, "srerun-", pageTypes("blackbox-exporter", "blackboxsslcertificatewillexpiresoon",
                "node_memory_MemAvailable_bytes", "HostOutOfMemory", "host-and-hardware/node-exporter.yml"));
    }

    /** One page of each type, by name: a runbook and its section, a metric, an alert's redirect, a rule file. */
    private static Map<String, String> pageTypes(String group, String runbook, String metric, String redirectedAlert,
            String ruleFile) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("groups", "/runbooks/");
        pages.put("section", "/runbooks/" + group + "/");
        pages.put("runbook", "/runbooks/" + group + "/" + runbook + "/");
        pages.put("alerts", "/alerts/");
        pages.put("metrics", "/metrics/");
        pages.put("metric", "/metrics/" + metric + "/");
        pages.put("redirect", "/alerts/" + redirectedAlert + "/");
        pages.put("rules", "/rules/");
        pages.put("rule-file", "/rules/" + ruleFile + ".html");
        pages.put("search", "/?search=disk");
        pages.put("not-found", "/no/such/page/");
        return pages;
    }

    /**
     * Opens each page at 390, 1280 and 1920 px in the light and the dark colour scheme: no
     * console errors, nothing wider than the window, text contrast to WCAG AA, and (on a phone and
     * a desktop) no violation of WCAG 2.1 A and AA that axe-core finds; saves a screenshot of each,
     * under target/screenshots, for a person to look at. The "search" page is the home page with
     * results open.
     */
    private static void checkPageTypes(StaticSite site, String prefix, Map<String, String> pages) throws IOException {
        try {
            for (String scheme : List.of("light", "dark")) {
                emulate("", scheme);
                for (int width : new int[] {390, 1280, 1920}) {
                    driver.manage().window().setSize(new Dimension(width, 900));
                    for (Map.Entry<String, String> page : pages.entrySet()) {
                        String name = prefix + page.getKey() + "-" + width + (scheme.equals("dark") ? "-dark" : "");
                        String url = site.url(page.getValue().replace("?search=disk", ""));
                        driver.get(url);
                        if (page.getKey().equals("search")) {
                            type(driver.findElement(By.id("search")), "disk");
                        }
                        if (page.getKey().equals("redirect")) {
                            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/runbooks/"));
                        }
                        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(((ChromeDriver) d)
                                .executeScript("return document.readyState === 'complete'")));
                        assertThat(Browser.consoleErrors(driver)).as(name)
                                .allMatch(error -> page.getKey().equals("not-found") && error.startsWith(url + " "));
                        Object overflow = driver.executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                        assertThat(((Number) overflow).intValue()).as(name + " fits").isLessThanOrEqualTo(0);
                        assertThat(Contrast.failures(driver)).as(name + " text contrast").isEmpty();
                        if (width != 1920) {
                            assertThat(Axe.violations(driver)).as(name + " accessibility (axe-core, WCAG 2.1 AA)").isEmpty();
                        }
                        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
                        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
            emulate("", "light");
        }
    }

    /** Makes the page see a media type ("" for the screen) and a preferred colour scheme. */
    private static void emulate(String media, String colorScheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    }

    @Test
    void printedRunbooksShowTheRuleAndLinkAddressesOnWhitePaper() {
        String runbook = srerun.url("/runbooks/blackbox-exporter/blackboxsslcertificatewillexpiresoon/");
        driver.get(runbook);
        driver.executeScript("localStorage.setItem('alertbook-theme', 'dark')");
        driver.get(runbook);
        try {
            emulate("print", "dark");

            assertThat(driver.executeScript("return getComputedStyle(document.body).backgroundColor"))
                    .as("the dark theme is for screens").isEqualTo("rgb(255, 255, 255)");
            assertThat(driver.findElements(By.cssSelector("header.top, .copy, .pager, footer")))
                    .isNotEmpty().noneMatch(WebElement::isDisplayed);
            assertThat(driver.findElement(By.cssSelector("details:not([open]) pre")).getSize().getHeight())
                    .as("the collapsed rule YAML is printed").isPositive();
            assertThat(after(".body a[href='https://github.com/prometheus/blackbox_exporter']"))
                    .as("external links print their address").isEqualTo("\" <https://github.com/prometheus/blackbox_exporter>\"");
            assertThat(after(".body a.hl-f")).as("but not the function links in queries").isEqualTo("none");
            assertThat(Contrast.failures(driver)).isEmpty();
        } finally {
            emulate("", "light");
            driver.executeScript("localStorage.removeItem('alertbook-theme')");
        }
    }

    /** The generated content after the first element the selector finds. */
    private static Object after(String selector) {
        return driver.executeScript("return getComputedStyle(document.querySelector(arguments[0]), '::after').content", selector);
    }

    private String background() {
        return (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor");
    }
}
