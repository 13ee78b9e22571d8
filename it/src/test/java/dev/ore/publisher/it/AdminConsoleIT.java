package dev.ore.publisher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operations console in a real browser (headless Chromium from the Debian packages): an
 * operator signs in with an admin token, runs the job, watches it complete, pauses and resumes the
 * timer. Leaves a screenshot at {@code target/admin-console.png}.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleIT {

    static final String TIMER_ROW = "tr[data-timer='publish-due-distributions']";
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();
    private static Path profile;
    private static ChromeDriver browser;

    private final TestData data = new TestData();
    private final String admin = TestTokens.admin(UUID.randomUUID());

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Path chromium = installed("test.chromium", "/usr/bin/chromium");
        Path chromedriver = installed("test.chromedriver", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("admin-console-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toString())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1500,2300");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    /** The browser or its driver, where the system property (or Debian's package) puts it. */
    private static Path installed(String property, String debianPath) {
        Path path = Path.of(System.getProperty(property, debianPath));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: the admin console's browser test needs Chromium and "
                    + "chromedriver (Debian: apt-get install chromium chromium-driver, as .ci/run does), or -D"
                    + property + "=<path>");
        }
        return path;
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @AfterEach
    void leaveTheTimerRunning() {
        Api.post(AdminApiIT.TIMER + "/resume", admin, null);
    }

    @Test
    void operatorRunsPausesAndResumesTheWorkerFromTheConsole() throws Exception {
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        UUID linkedIn = data.account("LINKEDIN", "urn:li:person:77", "li-token-" + UUID.randomUUID());
        try (Connection db = TestDatabase.connect(); PreparedStatement reauth = db.prepareStatement(
                "UPDATE social_media_account SET status = 'REAUTH_REQUIRED' WHERE id = ?")) {
            reauth.setObject(1, linkedIn);
            reauth.executeUpdate();
        }
        signIn();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            assertThat(timerRow().getText()).contains("publish-due-distributions", "ACTIVE");
            assertThat(timerRow().getDomAttribute("data-paused")).isEqualTo("false");
        });
        assertThat(browser.getPageSource()).doesNotContain(admin);

        data.distribution(data.content("Console", "From the console " + UUID.randomUUID(), null, null), "X",
                account, Instant.now(), 0, "SCHEDULED");
        data.distribution(data.content("Again", "sandbox:duplicate " + UUID.randomUUID(), null, null), "X",
                account, Instant.now(), 0, "SCHEDULED");
        click(() -> timerRow().findElement(By.cssSelector("button[data-action='run']")));
        long execution = startedExecution();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                "COMPLETED".equals(executionRow(execution).getDomAttribute("data-status")));
        click(() -> executionRow(execution));
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            WebElement step = browser.findElement(By.cssSelector("tr[data-steps-of='" + execution + "'] tr[data-step='publish']"));
            List<String> cells = step.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            assertThat(cells.get(1)).isEqualTo("COMPLETED");
            assertThat(cells.subList(5, cells.size())).allMatch(count -> count.matches("\\d+"));
        });

        click(() -> timerRow().findElement(By.cssSelector("button[data-action='pause']")));
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
                "true".equals(timerRow().getDomAttribute("data-paused")) && timerRow().getText().contains("PAUSED"));
        UUID waiting = data.distribution(data.content("Paused", "While paused " + UUID.randomUUID(), null, null), "X",
                account, Instant.now(), 0, "SCHEDULED");
        long newestBeforePause = newestExecution();
        await().during(POLL_INTERVAL.multipliedBy(2).plusMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> newestExecution() == newestBeforePause && "SCHEDULED".equals(data.status(waiting)));

        click(() -> timerRow().findElement(By.cssSelector("button[data-action='resume']")));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                "false".equals(timerRow().getDomAttribute("data-paused")) && newestExecution() > newestBeforePause
                        && "PUBLISHED".equals(data.status(waiting)));
        long resumed = newestExecution();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                "COMPLETED".equals(executionRow(resumed).getDomAttribute("data-status")));
        click(() -> executionRow(resumed));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() ->
                browser.findElement(By.cssSelector("tr[data-steps-of='" + resumed + "']")).isDisplayed());
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(browser.findElement(By.id("accounts")).getText()).contains("LINKEDIN", "must reconnect");
            assertThat(browser.findElement(By.id("failures-by-code")).getText()).contains("X");
        });
        browser.executeScript("window.scrollTo(0, 0); document.querySelectorAll('.panel').forEach(p => p.scrollLeft = 0);");
        saveScreenshot();
        assertThat(browser.getPageSource()).doesNotContain(admin);
    }

    @Test
    void operatorSettlesDistributionsWhoseOutcomeIsUnknown() throws Exception {
        UUID account = data.account("X", "2244994945", "x-token-" + UUID.randomUUID());
        String marker = UUID.randomUUID().toString();
        UUID found = data.distribution(data.content("Found by hand", "Checked on X " + marker, null, null), "X",
                account, Instant.now(), 3, "UNKNOWN_OUTCOME");
        UUID absent = data.distribution(data.content("Not there", "Not on X " + marker, null, null), "X",
                account, Instant.now(), 3, "UNKNOWN_OUTCOME");
        signIn();

        click(() -> unknownRow(found).findElement(By.cssSelector("button[data-action='mark-published']")));
        Alert prompt = await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> browser.switchTo().alert(),
                alert -> alert != null);
        prompt.sendKeys("1874000000000000001");
        prompt.accept();
        await().atMost(Duration.ofSeconds(15)).until(() -> data.distribution(found),
                row -> "PUBLISHED".equals(row.get("status")) && "1874000000000000001".equals(row.get("external_post_id")));

        click(() -> unknownRow(absent).findElement(By.cssSelector("button[data-action='publish-again']")));
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> browser.switchTo().alert(),
                alert -> alert != null).accept();
        await().atMost(Duration.ofSeconds(30)).until(() -> data.status(absent), "PUBLISHED"::equals);

        assertThat(sandbox.requestsContaining("Checked on X " + marker)).isEmpty();
        assertThat(sandbox.requestsContaining("Not on X " + marker)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
                browser.findElements(By.cssSelector("#unknown-outcomes tr[data-distribution]")))
                .extracting(row -> row.getDomAttribute("data-distribution"))
                .doesNotContain(found.toString(), absent.toString()));
    }

    private static WebElement unknownRow(UUID distribution) {
        return await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector("#unknown-outcomes tr[data-distribution='" + distribution + "']")), row -> row != null);
    }

    private void signIn() {
        browser.get(TestServer.http("/admin/").toString());
        browser.findElement(By.id("token")).sendKeys(admin);
        browser.findElement(By.id("save-token")).click();
        new Select(browser.findElement(By.id("refresh-every"))).selectByValue("2000");
    }

    private long startedExecution() {
        Pattern started = Pattern.compile("Started execution #(\\d+)");
        return await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
            Matcher matcher = started.matcher(browser.findElement(By.id("message")).getText());
            return matcher.find() ? Long.parseLong(matcher.group(1)) : null;
        }, id -> id != null);
    }

    private static WebElement timerRow() {
        return browser.findElement(By.cssSelector(TIMER_ROW));
    }

    private static WebElement executionRow(long id) {
        return browser.findElement(By.cssSelector("tr[data-execution-id='" + id + "']"));
    }

    /** Read in one script: the table is redrawn on every refresh, so element handles go stale. */
    private static long newestExecution() {
        return ((Number) browser.executeScript("return Math.max(0, ...Array.from("
                + "document.querySelectorAll('#executions tr[data-execution-id]'), r => Number(r.dataset.executionId)));"))
                .longValue();
    }

    private static void saveScreenshot() throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of(System.getProperty("test.screenshots", "target"), "admin-console.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The console re-renders its tables on every refresh, so an element found a moment ago may be
     * gone: find it again and click until the click lands.
     */
    private static void click(java.util.function.Supplier<WebElement> element) {
        await().atMost(Duration.ofSeconds(10))
                .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .untilAsserted(() -> element.get().click());
    }
}
