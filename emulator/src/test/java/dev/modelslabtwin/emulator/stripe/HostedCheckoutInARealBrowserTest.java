package dev.modelslabtwin.emulator.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelslabtwin.emulator.TestEmulator;
import dev.modelslabtwin.emulator.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The human-assisted path in a real browser: Debian's headless Chromium, driven by Selenium, opens the
 * {@code payment_url}, pays with 4242 4242 4242 4242, reads the session id off the success page, and
 * the agent confirms it through the API. The build installs Chromium first
 * ({@code src/test/sh/ensure-chromium.sh}); {@code -Dbrowser.tests=skip} skips this test, visibly.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostedCheckoutInARealBrowserTest {

    @RegisterExtension
    private static final TestEmulator emu = TestEmulator.shared();
    private static WebDriver browser;
    private static Path profile;
    private static boolean skipped;

    @BeforeAll
    static void start() throws IOException {
        Properties found = browserProperties();
        skipped = "skip".equals(found.getProperty("browser.tests"));
        if (skipped) {
            return;
        }
        // A driver path of our own means Selenium Manager never runs, so nothing is downloaded.
        System.setProperty("webdriver.chrome.driver", found.getProperty("chromedriver"));
        profile = Files.createTempDirectory("twin-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(found.getProperty("chromium"))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1024,900", "--user-data-dir=" + profile);
        options.setPageLoadTimeout(Duration.ofSeconds(30));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(found.getProperty("chromedriver")).toFile())
                .withTimeout(Duration.ofSeconds(30)).build(), options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aPersonPaysWith4242AndTheAgentConfirmsTheSessionIdFromTheSuccessPage() throws IOException {
        // Skipped here rather than in @BeforeAll, so the report counts it as skipped instead of not at all.
        Assumptions.assumeFalse(skipped, "browser.tests=skip: the real-browser Checkout test is skipped");
        var account = emu.newAccount();
        TestHttp api = emu.as(account.token());
        JsonNode checkout = api.post("/wallet/fund", "{\"amount\": 25}").json().path("data");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(checkout.path("checkout_url").asText());
        assertEquals("$25.00", browser.findElement(By.id("amount")).getText());
        browser.findElement(By.id("card-number")).sendKeys("4242 4242 4242 4242");
        browser.findElement(By.id("card-expiry")).sendKeys("12 / 34");
        browser.findElement(By.id("card-cvc")).sendKeys("123");
        browser.findElement(By.id("pay")).click();

        wait.until(ExpectedConditions.urlContains("/success"));
        String sessionId = browser.findElement(By.id("session-id")).getAttribute("value");
        browser.findElement(By.id("copy-session-id")).click();
        wait.until(driver -> !driver.findElement(By.id("copy-status")).getText().isBlank());
        screenshot("checkout-success.png");
        assertEquals(checkout.path("session_id").asText(), sessionId);
        assertFalse(browser.getPageSource().contains("4242 4242 4242 4242"), "the card number is not shown back");

        TestHttp.Answer confirmed = api.post("/wallet/confirm-checkout", "{\"session_id\": \"" + sessionId + "\"}");
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(new BigDecimal("25.00"),
                new BigDecimal(api.get("/wallet/balance").json().path("data").path("balance").asText()).setScale(2));
        assertTrue(confirmed.json().path("data").path("message").asText().contains("funded"));
    }

    /** What {@code ensure-chromium.sh} found (or that the test is skipped), written before the tests run. */
    private static Properties browserProperties() {
        String location = System.getProperty("browser.properties", "target/browser.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            properties.load(in);
        } catch (IOException e) {
            fail("No " + location + ": the build writes it with src/test/sh/ensure-chromium.sh before the tests. Run "
                    + "`bash emulator/src/test/sh/ensure-chromium.sh run " + location + "` or skip with -Dbrowser.tests=skip.");
        }
        return properties;
    }

    private static void screenshot(String name) {
        try {
            Path shots = Path.of(System.getProperty("browser.screenshots", "target/browser-screenshots"));
            Files.createDirectories(shots);
            Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
