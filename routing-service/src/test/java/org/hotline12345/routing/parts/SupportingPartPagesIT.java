package org.hotline12345.routing.parts;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.embedded.testing.Browsers;
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
import org.hotline12345.contracts.PartAnswered;
import org.hotline12345.contracts.PartAssigned;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A supporting unit's part (协办) through the pages in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), with the token handed to the page in its address as a service run alone allows: the
 * police find their part of a gas leak in the workbench, open it from the keyboard, sign for it and send their answer
 * to the gas company, in Chinese and in English; the gas company sees the part answered in its ticket; the desk
 * lists a part overdue in its 协办超期 tab with a count, in both languages, and waives it with a reason. axe-core
 * checks each page against WCAG 2.1 A and AA: any violation, whatever its impact, fails the test.
 */
@HubIntegrationTest(database = "routing-supporting-part-pages-it",
        properties = "hotline.routing.workflow.sweep-interval=1h")
class SupportingPartPagesIT {


    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    /** The service's clock: each ticket is dispatched three hours back, then it stands at the browser's time. */
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
    void theSupportingUnitSignsForAndAnswersItsPartAndTheLeadSeesIt() {
        String id = gasLeak();

        open("/workbench", infra.tokens().mintUnit("unit-POLICE", "POLICE"));
        WebElement row = waitFor(By.cssSelector("#parts tr[data-ticket-id='" + id + "']"));
        assertThat(row.getText()).contains("待签收").contains("燃气").contains("已超期");
        assertThat(browser.findElement(By.id("parts-count")).getText()).matches("共 \\d+ 件");
        accessible("the workbench's parts, in Chinese");

        // from the keyboard: the number is a button, Enter opens the part and moves the focus to it
        row.findElement(By.cssSelector("button.open-ticket")).sendKeys(Keys.ENTER);
        waitUntil(() -> browser.switchTo().activeElement().getDomAttribute("id") != null
                && browser.switchTo().activeElement().getDomAttribute("id").equals("part-heading"));
        assertThat(byTestId("part-state").getText()).isEqualTo("待签收");
        assertThat(byTestId("part-lead").getText()).contains("燃气");
        assertThat(byTestId("part-description").getText()).contains("煤气味");
        assertThat(browser.findElement(By.id("detail")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("part-answer-box")).isDisplayed()).isFalse();

        browser.findElement(By.id("part-accept")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("part-state").getText().equals("协办中"));
        assertThat(browser.findElement(By.id("part-accept")).isDisplayed()).isFalse();
        WebElement answer = browser.findElement(By.id("part-answer-text"));
        answer.sendKeys("已到场疏散楼内住户并设置警戒");
        accessible("a part signed for, in Chinese");

        switchLanguage();
        waitUntil(() -> byTestId("part-state").getText().equals("in hand"));
        assertThat(browser.findElement(By.id("part-answer")).getText()).isEqualTo("Send to the lead unit");
        accessible("a part signed for, in English");
        switchLanguage();
        waitUntil(() -> byTestId("part-state").getText().equals("协办中"));

        browser.findElement(By.id("part-answer")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("part-state").getText().equals("已答复主办单位"));
        assertThat(byTestId("part-answer-sent").getText()).isEqualTo("已到场疏散楼内住户并设置警戒");
        assertThat(browser.findElement(By.id("status")).getText()).contains("协办答复已发送给主办单位");
        assertThat(reader.awaitEvents(id, TicketLifecycleEvent.class, PartAnswered.class).get(0).answer())
                .isEqualTo("已到场疏散楼内住户并设置警戒");

        // the lead: the part stands answered in its ticket and in the timeline
        open("/workbench", infra.tokens().mintUnit("unit-GAS_CO", "GAS_CO"));
        WebElement leadRow = waitFor(By.cssSelector("#queue tr[data-ticket-id='" + id + "']"));
        leadRow.findElement(By.cssSelector("button.open-ticket")).sendKeys(Keys.ENTER);
        WebElement part = waitFor(By.cssSelector("[data-testid='lead-part-POLICE']"));
        assertThat(part.getText()).contains("已答复").contains("已到场疏散楼内住户并设置警戒");
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-kind='part-answered']")).getText())
                .contains("协办答复");
        accessible("the lead's ticket with its supporting unit's part");
    }

    @Test
    void theDeskListsAPartOverdueAndWaivesItWithAReason() {
        String id = gasLeak();
        open("/desk", infra.tokens().mint("sup-1", "SUPERVISOR"));
        WebElement tab = waitFor(By.cssSelector("#tabs button[data-list='parts']"));
        // the part was not signed for within the two hours of its urgency class: it is overdue
        assertThat(tab.getText()).matches("协办超期 \\d+");
        tab.sendKeys(Keys.ENTER);
        WebElement late = waitFor(By.cssSelector("#queue tr[data-ticket-id='" + id + "']"));
        assertThat(late.getText()).contains("公安").contains("未按时签收").contains("已超期");
        accessible("the desk's parts overdue, in Chinese");
        switchLanguage();
        waitUntil(() -> tab.getText().startsWith("Parts overdue"));
        assertThat(waitFor(By.cssSelector("#queue tr[data-ticket-id='" + id + "']")).getText())
                .contains("not signed for in time");
        accessible("the desk's parts overdue, in English");
        switchLanguage();
        waitUntil(() -> tab.getText().startsWith("协办超期"));

        browser.get(base() + "/desk#ticket=" + id);
        waitFor(By.cssSelector("[data-testid='part-POLICE']"));
        WebElement reason = browser.findElement(By.id("waive-reason-POLICE"));
        assertThat(browser.findElement(By.cssSelector("label[for='waive-reason-POLICE']")).getText())
                .contains("免除理由");
        reason.sendKeys("燃气公司已排除险情，无需警方协助");
        browser.findElement(By.cssSelector("[data-testid='waive-POLICE']")).sendKeys(Keys.ENTER);
        waitUntil(() -> browser.findElement(By.cssSelector("[data-testid='part-POLICE']")).getText()
                .contains("中心已免除"));
        assertThat(browser.findElements(By.id("waive-reason-POLICE"))).isEmpty();
        accessible("the desk with a waived part, in Chinese");
    }

    /**
     * A gas leak the gas company leads with the police supporting, dispatched three hours ago: the police had two
     * hours to sign for their part, so it is overdue, as the service and the browser both count.
     */
    private String gasLeak() {
        clock.advance(Duration.between(clock.instant(), Instant.now().minus(Duration.ofHours(3))));
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), clock.instant(), id,
                "12345-20261207-" + id.substring(0, 4), Channel.PHONE, "GAS_SUPPLY", Urgency.URGENT,
                "楼道里煤气味很重", new GeoPoint(26.5785, 106.7135), new Address("中华北路18号", null, null),
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null));
        reader.awaitEvents(id, TicketLifecycleEvent.class, PartAssigned.class);
        clock.advance(Duration.between(clock.instant(), Instant.now()));
        return id;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Opens a page as the person the token names; the page takes the token from its address and drops it. */
    private void open(String page, String token) {
        browser.get(base() + "/hub/config.json");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(base() + page + "#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        waitUntil(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-signed-in")));
    }

    private void switchLanguage() {
        WebElement button = waitFor(By.id("language"));
        button.sendKeys(Keys.ENTER);
    }

    private WebElement byTestId(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
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
