package org.hotline12345.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.hotline12345.contracts.CallRated;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.Browsers;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.intake.FiledTicketTests;
import org.hotline12345.intake.tickets.CallRating;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The follow page in a real browser (Debian's headless Chromium through chromedriver) on a phone-sized window,
 * worked from the keyboard: a caller opens the link of their receipt text while the ticket is only received, is
 * told what is missing, rates how the call was taken, finds it rated when they come back, and once the unit answers
 * is asked for the rating of the answer beside it. In Chinese first and in English on request, with no
 * accessibility violation axe-core finds.
 */
@HubIntegrationTest(database = "intake-follow-page-browser-it")
class FollowPageBrowserIT extends FiledTicketTests {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader intakeTopic = topics.reader(Topics.INTAKE_TICKETS);
    @AutoClose("quit")
    static final ChromeDriver browser = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;

    @Test
    void aCallerRatesHowTheCallWasTakenBeforeTheAnswerAndTheAnswerApartFromIt() throws IOException {
        TicketReceipt ticket = call("13700000601");
        String page = "http://127.0.0.1:" + port;
        browser.get(page + "/hub/signed-out.html");
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.get(page + followLink(ticket.ticketNumber()));
        waitUntil(() -> ticket.ticketNumber().equals(text("ticket-number")));

        // only received: nothing to say of the answer yet, but the call was taken and can be rated now
        assertThat(text("stage")).isEqualTo("已受理，正在分派给承办单位");
        assertThat(browser.findElement(By.id("rating")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("call-rating")).isDisplayed()).isTrue();
        assertThat(text("call-rating-heading")).isEqualTo("评价热线受理");
        assertThat(browser.findElement(By.id("call-rating")).getText()).contains("与对办理结果的评价分开计算",
                "您对本次受理满意吗？", "满意", "基本满意", "不满意");

        // sent without a choice: the alert names it, and the focus goes to the choices
        focus("send-call-rating").sendKeys(Keys.ENTER);
        waitUntil(() -> text("call-rating-problem").contains("请选择：对受理的满意程度。"));
        assertThat(browser.switchTo().activeElement().getDomAttribute("name")).isEqualTo("call-satisfaction");
        assertThat(browser.findElement(By.id("call-satisfaction")).getDomAttribute("aria-invalid")).isEqualTo("true");
        Browsers.assertAxeClean(browser, "the follow page of a received ticket, its call's rating incomplete");
        screenshot("follow-call-rating-zh");

        // in English on request, the alert said again in it
        focus("language").sendKeys(Keys.ENTER);
        waitUntil(() -> "Rate how your request was taken".equals(text("call-rating-heading")));
        assertThat(text("call-rating-problem")).isEqualTo("Please choose: how satisfied you are with how it was "
                + "taken.");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        Browsers.assertAxeClean(browser, "the follow page in English, its call's rating incomplete");
        screenshot("follow-call-rating-en");
        focus("language").sendKeys(Keys.ENTER);
        waitUntil(() -> "评价热线受理".equals(text("call-rating-heading")));

        // from the keyboard alone: the arrow keys choose, the Tab key leads on to the comment and the button
        WebElement first = browser.findElement(By.cssSelector("#call-satisfaction input[value='SATISFIED']"));
        browser.executeScript("arguments[0].focus()", first);
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
        waitUntil(() -> browser.findElement(By.cssSelector("#call-satisfaction input[value='BASICALLY_SATISFIED']"))
                .isSelected());
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(activeId()).isEqualTo("call-comment");
        new Actions(browser).sendKeys("接线员记录得很仔细，就是等了一会儿才接通").perform();
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(activeId()).isEqualTo("send-call-rating");
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        waitUntil(() -> "call-rated-heading".equals(activeId()));
        assertThat(text("call-rated")).contains("感谢您对受理的评价", "您对本次受理的评价已收到。");
        assertThat(browser.findElement(By.id("call-rating")).isDisplayed()).isFalse();
        CallRated published = intakeTopic.awaitEvents(ticket.ticketId(), IntakeEvent.class, CallRated.class).get(0);
        assertThat(published.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(published.comment()).isEqualTo("接线员记录得很仔细，就是等了一会儿才接通");
        assertThat(mongo.findById(ticket.ticketId(), CallRating.class).block().getSatisfaction())
                .isEqualTo("BASICALLY_SATISFIED");
        Browsers.assertAxeClean(browser, "the follow page once the call is rated");

        // coming back later: rated once, so thanked instead of asked again
        browser.navigate().refresh();
        waitUntil(() -> ticket.ticketNumber().equals(text("ticket-number")));
        waitUntil(() -> browser.findElement(By.id("call-rated")).isDisplayed());
        assertThat(text("call-rated")).contains("您已评价过本次受理");
        assertThat(browser.findElement(By.id("call-rating")).isDisplayed()).isFalse();

        // the unit answers: the answer is rated on its own, the call's rating stays as given
        resolved(topics, ticket, 1);
        browser.navigate().refresh();
        waitUntil(() -> browser.findElement(By.id("rating")).isDisplayed());
        assertThat(text("rating-heading")).isEqualTo("评价本次办理");
        assertThat(browser.findElement(By.id("call-rated")).isDisplayed()).isTrue();
        Browsers.assertAxeClean(browser, "the follow page asking for the answer's rating, the call rated");
        focus("language").sendKeys(Keys.ENTER);
        waitUntil(() -> "Rate how it was handled".equals(text("rating-heading")));
        assertThat(text("call-rated")).contains("You have rated how your request was taken already.");
        Browsers.assertAxeClean(browser, "the follow page in English, asking for the answer's rating");
        screenshot("follow-call-rated-en");
        focus("language").sendKeys(Keys.ENTER);
        waitUntil(() -> "评价本次办理".equals(text("rating-heading")));
        assertThat(intakeTopic.allEventsFor(ticket.ticketId(), IntakeEvent.class).stream()
                .filter(CallRated.class::isInstance)).hasSize(1);
    }

    private TicketReceipt call(String phone) {
        return operatorCall(phone, LEAKING_PIPE, 26.5850, 106.7250);
    }

    /** The element with {@code id}, focused as a person tabbing to it would leave it. */
    private static WebElement focus(String id) {
        WebElement element = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].focus()", element);
        return element;
    }

    private static String activeId() {
        return browser.switchTo().activeElement().getDomAttribute("id");
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void waitUntil(BooleanSupplier condition) {
        Browsers.waitUntil(browser, () -> Browsers.mainText(browser), condition);
    }

    private static void screenshot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }
}
