package org.hotline12345.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The headless Chromium the pages' tests work in, and the accessibility check each of them makes. */
public final class Browsers {

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
