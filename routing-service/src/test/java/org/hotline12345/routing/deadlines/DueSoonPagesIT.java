package org.hotline12345.routing.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.Browsers;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The warning before a breach (即将超期) through the pages in headless Chromium, with the token handed to the page in
 * its address as a service run alone allows: a public-security call, an emergency in the sample city's folder (an
 * hour to sign for, a warning half an hour before), was dispatched to the police forty minutes ago and is not signed
 * for. The desk's 即将超期 tab counts it and lists it with the warning in words; the police's workbench says so on its
 * countdown and in its count; in Chinese and in English. axe-core checks each page against WCAG 2.1 A and AA: any
 * violation, whatever its impact, fails the test.
 */
@HubIntegrationTest(database = "routing-due-soon-pages-it", properties = "hotline.routing.workflow.sweep-interval=1h")
class DueSoonPagesIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    /**
     * The service's clock: the ticket is dispatched forty minutes back, then it stands at the browser's time, so that
     * the service and the browser agree the warning has begun and the deadline is still ahead.
     */
    static final MovableClock clock = new MovableClock(Instant.now());
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.ROUTING_TICKETS);

    static WebDriver browser;

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void startABrowser() {
        browser = Browsers.chromium(1400, 1100);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDeskAndTheWorkbenchWarnBeforeTheDeadlinePasses() throws IOException {
        String id = fightDispatchedFortyMinutesAgo();

        open("/desk", infra.tokens().mint("sup-1", "SUPERVISOR"));
        WebElement tab = waitFor(By.cssSelector("#tabs button[data-list='dueSoon']"));
        waitUntil(() -> tab.getText().matches("即将超期 \\d+"));
        tab.sendKeys(Keys.ENTER);
        waitUntil(() -> "true".equals(tab.getDomAttribute("aria-pressed")));
        WebElement row = waitFor(By.cssSelector("#queue tr[data-ticket-id='" + id + "']"));
        // the tab counts what it lists
        assertThat(tab.getText()).isEqualTo("即将超期 " + browser.findElements(By.cssSelector("#queue tbody tr")).size());
        assertThat(row.getDomAttribute("data-state")).isEqualTo("soon");
        assertThat(row.getText()).contains("社会治安").contains("公安");
        assertThat(deadlineOf(row)).matches("即将超期 · 签收剩余 (1\\d|20)分");
        Browsers.screenshot((TakesScreenshot) browser, "due-soon-desk-zh");
        accessible("the desk's tickets about to breach, in Chinese");

        switchLanguage();
        waitUntil(() -> tab.getText().matches("About to breach \\d+"));
        WebElement rowInEnglish = waitFor(By.cssSelector("#queue tr[data-ticket-id='" + id + "']"));
        assertThat(deadlineOf(rowInEnglish)).matches("about to breach · (1\\d|20) min left to sign for");
        accessible("the desk's tickets about to breach, in English");
        switchLanguage();
        waitUntil(() -> tab.getText().startsWith("即将超期"));

        open("/workbench", infra.tokens().mintUnit("unit-POLICE", "POLICE"));
        WebElement queued = waitFor(By.cssSelector("#queue tr[data-ticket-id='" + id + "']"));
        assertThat(queued.getDomAttribute("data-state")).isEqualTo("soon");
        assertThat(deadlineOf(queued)).matches("即将超期 · 签收剩余 (1\\d|20)分");
        // the police have this one ticket, and it is about to breach
        assertThat(browser.findElement(By.id("queue-count")).getText()).isEqualTo("共 1 件，1 件即将超期");
        Browsers.screenshot((TakesScreenshot) browser, "due-soon-workbench-zh");
        accessible("the workbench with a ticket about to breach, in Chinese");

        switchLanguage();
        waitUntil(() -> browser.findElement(By.id("queue-count")).getText().equals("1 ticket, 1 about to breach"));
        assertThat(deadlineOf(waitFor(By.cssSelector("#queue tr[data-ticket-id='" + id + "']"))))
                .matches("about to breach · (1\\d|20) min left to sign for");
        Browsers.screenshot((TakesScreenshot) browser, "due-soon-workbench-en");
        accessible("the workbench with a ticket about to breach, in English");
        switchLanguage();
        waitUntil(() -> browser.findElement(By.id("queue-count")).getText().startsWith("共"));
    }

    /**
     * A fight at a compound's gate, dispatched to the police forty minutes ago by the service's clock and by the
     * browser's: the hour to sign for ends in twenty minutes, and its warning began ten minutes ago.
     */
    private String fightDispatchedFortyMinutesAgo() {
        clock.advance(Duration.between(clock.instant(), Instant.now().minus(Duration.ofMinutes(40))));
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), clock.instant(), id,
                "12345-20261207-" + id.substring(0, 4), Channel.PHONE, "PUBLIC_SECURITY", Urgency.NORMAL,
                "小区门口有人持械斗殴", new GeoPoint(26.5785, 106.7135), new Address("中华北路18号", null, null),
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null));
        TicketAssigned assigned = reader.awaitEvents(id, TicketLifecycleEvent.class, TicketAssigned.class).get(0);
        assertThat(assigned.unitId()).isEqualTo("POLICE");
        assertThat(Duration.between(assigned.occurredAt(), assigned.acceptBy())).isEqualTo(Duration.ofHours(1));
        clock.advance(Duration.between(clock.instant(), Instant.now()));
        return id;
    }

    private static String deadlineOf(WebElement row) {
        return row.findElement(By.cssSelector("td.deadline")).getText();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Opens a page as the person the token names; the page takes the token from its address and drops it. */
    private void open(String page, String token) {
        browser.get(base() + "/hub/config.json");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(base() + page + "#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        waitUntil(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-signed-in")));
    }

    private void switchLanguage() {
        waitFor(By.id("language")).sendKeys(Keys.ENTER);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            List<WebElement> found = driver.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    private void waitUntil(Supplier<Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(RuntimeException.class)
                .until(driver -> condition.get());
    }

    private void accessible(String what) {
        Browsers.assertAxeClean(browser, what);
    }
}
