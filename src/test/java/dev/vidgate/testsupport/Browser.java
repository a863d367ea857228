package dev.vidgate.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs),
 * headless, through Selenium. Tests that need it are skipped, saying why, only where those are not installed.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go when {@code -Dvidgate.screenshots=DIR} is set (docs/console in the repository). */
    private static final String SCREENSHOTS = System.getProperty("vidgate.screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser open(String language) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and its driver are not installed (apt-get install chromium chromium-driver; .ci/run does)");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=" + language, "--autoplay-policy=no-user-gesture-required");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String url) {
        driver.get(url);
    }

    public WebElement await(By by) {
        return waiting(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebDriverWait waiting(Duration atMost) {
        var wait = new WebDriverWait(driver, atMost, Duration.ofMillis(100));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a screenshot as {@code name}.png when screenshots are asked for. */
    public void screenshot(String name) {
        if (SCREENSHOTS == null) return;
        try {
            Path dir = Files.createDirectories(Path.of(SCREENSHOTS));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core (vendored, test resources) on the page; answers its violations of serious or critical impact. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> seriousAccessibilityViolations() {
        script(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e) }]));""");
        return (List<Map<String, Object>>) result;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe-core is missing from the test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
