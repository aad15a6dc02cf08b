package org.hotline12345.embedded.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The headless Chromium the services' page tests work in, how they wait on a page, what they keep of it, and the
 * accessibility check each of them makes.
 */
public final class Browsers {

    /** How long a page has to show what a test waits for. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Browsers() {
    }

    /** Debian's Chromium, headless, in Chinese, its window {@code width} × {@code height}. */
    public static ChromeDriver chromium(int width, int height) {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + width + "," + height,
                "--lang=zh-CN");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    /**
     * Waits until {@code condition} holds, an element it looks at being missing or replaced meanwhile counting as
     * not yet; when it never does, the failure quotes what {@code pageSays}.
     */
    public static void waitUntil(WebDriver browser, Supplier<String> pageSays, BooleanSupplier condition) {
        new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .withMessage(() -> "the page says: " + pageSays.get())
                .until(driver -> condition.getAsBoolean());
    }

    /** The element {@code by} finds once it is visible; when it never is, the failure quotes what {@code pageSays}. */
    public static WebElement waitFor(WebDriver browser, Supplier<String> pageSays, By by) {
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page says: " + pageSays.get())
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The text of the page's main part, or a note that there is none to read. */
    public static String mainText(WebDriver browser) {
        try {
            return browser.findElement(By.tagName("main")).getText();
        } catch (RuntimeException e) {
            return "(nothing readable)";
        }
    }

    /** What the window shows now, kept as {@code target/pages/<name>.png}, and not blank. */
    public static void screenshot(TakesScreenshot browser, String name) throws IOException {
        Path file = Path.of("target/pages/" + name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    /** axe-core against WCAG 2.1 A and AA on what the page shows now: no violation, whatever its impact. */
    public static void assertAxeClean(WebDriver browser, String page) {
        List<Rule> violations = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser).getViolations();
        assertThat(violations).as(() -> page + " has accessibility violations:\n" + violations.stream()
                .map(rule -> "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }
}
