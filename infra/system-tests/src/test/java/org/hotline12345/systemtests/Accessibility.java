package org.hotline12345.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run on the page a person is looking at, against WCAG 2.1 A and AA: a critical or serious violation fails
 * the test with each rule and the elements it found.
 */
final class Accessibility {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("critical", "serious");

    private Accessibility() {
    }

    static void assertNoSeriousViolations(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(browser);
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
        assertThat(blocking).as(() -> page + " has accessibility violations:\n" + describe(blocking)).isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .limit(5).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}
