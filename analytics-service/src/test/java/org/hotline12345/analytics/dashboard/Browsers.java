package org.hotline12345.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** The accessibility check the dashboard's browser test makes. */
final class Browsers {

    private Browsers() {
    }

    /** axe-core against WCAG 2.1 A and AA on what the page shows now: no violation, whatever its impact. */
    static void assertAxeClean(WebDriver browser, String page) {
        List<Rule> violations = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser).getViolations();
        assertThat(violations).as(() -> page + " has accessibility violations:\n" + violations.stream()
                .map(rule -> "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }
}
