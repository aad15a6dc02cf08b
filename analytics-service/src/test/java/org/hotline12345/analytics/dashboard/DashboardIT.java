package org.hotline12345.analytics.dashboard;

import org.hotline12345.embedded.testing.Browsers;
import org.hotline12345.referencedata.City;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.CallRated;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.ExtensionRefused;
import org.hotline12345.contracts.ExtensionRequested;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.KnowledgeAnswer;
import org.hotline12345.contracts.PartAccepted;
import org.hotline12345.contracts.PartAnswered;
import org.hotline12345.contracts.PartAssigned;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ReturnRejected;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard in a real browser (Debian's headless Chromium through chromedriver) against the running service:
 * every number it shows is the number the API gives for the same question, in Chinese first with the city's names
 * instead of codes, the hot grids on the city's grid map, and in English on request.
 */
@HubIntegrationTest(database = "analytics-dashboard-it", properties = {
        "hotline.analytics.rollup-interval=1s"})
class DashboardIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() { };
    static final City CITY = City.sample();
    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient web;

    @BeforeAll
    static void todaysTicketsAndABrowser() {
        // all on the city's today, however soon after its midnight the test runs
        Instant startOfToday = LocalDate.now(City.sample().zone()).atStartOfDay(City.sample().zone()).toInstant();
        Instant first = Instant.now().minusSeconds(300).isBefore(startOfToday) ? startOfToday
                : Instant.now().minusSeconds(300);
        String takenWell = ticket(first, "URBAN_MGMT", "NOISE", "YY-04", true, Satisfaction.SATISFIED, true);
        String takenBadly = ticket(first.plusSeconds(1), "URBAN_MGMT", "NOISE", "YY-04", true,
                Satisfaction.DISSATISFIED, false);
        // how two of the calls were taken, rated apart from their handling (受理满意度)
        topics.publish(new CallRated(EventIds.of(takenWell, "CallRated", 1), first.plusSeconds(60), takenWell,
                Satisfaction.SATISFIED, null));
        topics.publish(new CallRated(EventIds.of(takenBadly, "CallRated", 1), first.plusSeconds(61), takenBadly,
                Satisfaction.DISSATISFIED, null));
        supportedByThePolice(takenWell, first);
        String returned = ticket(first.plusSeconds(2), "URBAN_MGMT", "CITY_APPEARANCE", "YY-04", false, null,
                false);
        returnedAndRefusedMoreTime(returned, first.plusSeconds(2));
        ticket(first.plusSeconds(3), "WATER_CO", "WATER_SUPPLY", "YY-01", true, Satisfaction.SATISFIED, true);
        ticket(first.plusSeconds(4), "WATER_CO", "WATER_SUPPLY", "YY-01", true, Satisfaction.BASICALLY_SATISFIED,
                true);
        answeredFromAnArticle(first.plusSeconds(5), "KB-WATER-002");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1500");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheNumbersTheApiGives() throws Exception {
        String month = LocalDate.now(City.sample().zone()).toString().substring(0, 7);
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) api("/overview", OBJECT).get("received"))
                .intValue() == 6 && api("/ranking?month=" + month, LIST).size() == 2
                && ((List<?>) api("/decisions", OBJECT).get("units")).size() == 1
                && ((List<?>) api("/parts", OBJECT).get("units")).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) api("/call-satisfaction", OBJECT).get("rated"))
                .intValue() == 2);

        browser.get("http://127.0.0.1:" + port + "/dashboard#token=" + analyst());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "the page says: " + browser.findElement(By.id("status")).getText())
                .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

        Map<String, Object> overview = api("/overview", OBJECT);
        assertThat(value("today-received")).isEqualTo(overview.get("received").toString()).isEqualTo("6");
        assertThat(value("today-assigned")).isEqualTo(overview.get("assigned").toString());
        assertThat(value("today-accepted-on-time")).isEqualTo(overview.get("acceptedOnTime").toString());

        String from = browser.findElement(By.id("from")).getDomProperty("value");
        String to = browser.findElement(By.id("to")).getDomProperty("value");
        Map<String, Object> city = ((List<Map<String, Object>>) api("/deadlines?groupBy=city&from=" + from + "&to="
                + to, OBJECT).get("groups")).get(0);
        assertThat(number(value("limits-on-time-acceptance"))).isEqualTo(number(city.get("onTimeAcceptanceRate")));
        assertThat(number(value("limits-overdue"))).isEqualTo(number(city.get("overdueNow")));
        assertThat(number(value("limits-fcr"))).isEqualTo(number(city.get("firstContactResolutionRate")));

        List<Map<String, Object>> ranking = api("/ranking?month=" + to.substring(0, 7), LIST);
        List<WebElement> rankingRows = browser.findElements(By.cssSelector("#ranking tbody tr"));
        assertThat(rankingRows).hasSize(ranking.size());
        for (int i = 0; i < ranking.size(); i++) {
            List<WebElement> cells = rankingRows.get(i).findElements(By.tagName("td"));
            assertThat(cells.get(1).getText()).isEqualTo(CITY.unit((String) ranking.get(i).get("unitId"))
                    .orElseThrow().zh());
            assertThat(number(cells.get(2).getText())).isEqualTo(number(ranking.get(i).get("composite")));
        }
        assertThat(rankingRows.get(0).getText()).contains("贵阳水务集团").doesNotContain("WATER_CO");
        assertThat(browser.findElement(By.cssSelector("#ranking thead")).getText()).contains("承办单位", "满意率");
        assertThat(browser.findElement(By.cssSelector("[data-testid='category-NOISE']")).getText())
                .contains("噪音扰民");

        Map<String, Long> categories = new LinkedHashMap<>();
        ((List<Map<String, Object>>) api("/volume?by=day&from=" + from + "&to=" + to, OBJECT).get("buckets"))
                .forEach(bucket -> ((Map<String, Number>) bucket.get("byCategory")).forEach(
                        (category, count) -> categories.merge(category, count.longValue(), Long::sum)));
        categories.forEach((category, count) -> assertThat(value("category-" + category))
                .isEqualTo(count.toString()));

        List<Map<String, Object>> hotGrids = (List<Map<String, Object>>) api("/hotspots?from=" + from + "&to=" + to,
                OBJECT).get("grids");
        List<WebElement> gridRows = browser.findElements(By.cssSelector("#hot-grids tbody tr"));
        assertThat(gridRows).hasSize(hotGrids.size());
        assertThat(hotGrids.get(0).get("gridId")).isEqualTo("YY-04");
        assertThat(gridRows.get(0).findElements(By.tagName("td")).get(0).getText()).isEqualTo("云岩区 YY-04");
        assertThat(gridRows.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("云岩区");

        // every grid of the city on the map, the hot ones shaded by their tickets
        List<WebElement> map = browser.findElements(By.cssSelector("#map polygon"));
        assertThat(map).hasSize(CITY.grids().size());
        for (Map<String, Object> hot : hotGrids) {
            assertThat(value("grid-" + hot.get("gridId"))).isEqualTo(hot.get("tickets").toString());
        }
        assertThat(value("grid-NM-01")).isEqualTo("0");

        // the calls answered on the spot from the knowledge base (直办), and the article they were answered from
        Map<String, Object> knowledge = api("/knowledge?from=" + from + "&to=" + to, OBJECT);
        assertThat(value("knowledge-answered-from-article")).isEqualTo(knowledge.get("answeredFromArticle").toString())
                .isEqualTo("1");
        assertThat(value("knowledge-answered-on-call")).isEqualTo(knowledge.get("answeredOnCall").toString());
        assertThat(number(value("knowledge-direct-rate"))).isEqualTo(number(knowledge.get("directRate")));
        WebElement used = browser.findElement(By.cssSelector(
                "#knowledge-articles tbody tr[data-article='KB-WATER-002']"));
        assertThat(used.getText()).contains("突然停水怎么办", "贵阳水务集团", "1");
        // each category's 直办率 as the API gives it; no question was dispatched, so no gap
        List<?> rates = (List<?>) knowledge.get("byCategory");
        assertThat(browser.findElements(By.cssSelector("#knowledge-categories tbody tr"))).hasSize(rates.size());
        assertThat(browser.findElement(By.xpath("//table[@id='knowledge-categories']//tr[td[1][.='供水']]"))
                .getText()).contains("33.33%");
        assertThat(value("knowledge-gap-questions")).isEqualTo(((Map<?, ?>) knowledge.get("gaps")).get("questions")
                .toString()).isEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("#knowledge-gaps tbody")).getText()).contains("本期无数据");

        // the centre's decisions: urban management's return rejected and its request for more time refused
        Map<String, Object> decisions = api("/decisions?from=" + from + "&to=" + to, OBJECT);
        Map<String, Object> cityDecisions = ((List<Map<String, Object>>) decisions.get("city")).get(0);
        assertThat(value("decisions-returns-made")).isEqualTo(cityDecisions.get("returnsMade").toString())
                .isEqualTo("1");
        assertThat(value("decisions-returns-rejected")).isEqualTo(cityDecisions.get("returnsRejected").toString())
                .isEqualTo("1");
        assertThat(number(value("decisions-upheld-rate"))).isEqualTo(number(cityDecisions.get("upheldRate")))
                .isEqualTo(0.0);
        assertThat(value("decisions-extensions-asked")).isEqualTo("1");
        assertThat(value("decisions-extensions-refused")).isEqualTo("1");
        assertThat(value("decisions-went-round")).isEqualTo("0");
        assertThat(value("decisions-hours-to-right-unit")).isEmpty();
        WebElement decided = browser.findElement(By.cssSelector("#decisions-units tbody tr[data-unit='URBAN_MGMT|"
                + month + "']"));
        assertThat(decided.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly(month, "贵阳市城市管理局", "1", "0", "1", "0%", "1", "0", "0", "1", "0", "–");
        // the table scrolls sideways on a narrow screen, so it is reached by the keyboard
        assertThat(browser.findElement(By.id("decisions-scroll")).getDomAttribute("tabindex")).isEqualTo("0");

        // the police's part of an urban management ticket: signed for and answered on time
        Map<String, Object> parts = api("/parts?from=" + from + "&to=" + to, OBJECT);
        Map<String, Object> cityParts = ((List<Map<String, Object>>) parts.get("city")).get(0);
        assertThat(value("parts-assigned")).isEqualTo(cityParts.get("partsAssigned").toString()).isEqualTo("1");
        assertThat(value("parts-accepted-on-time")).isEqualTo("1");
        assertThat(number(value("parts-accepted-on-time-rate"))).isEqualTo(number(cityParts
                .get("acceptedOnTimeRate"))).isEqualTo(100.0);
        assertThat(value("parts-answered")).isEqualTo("1");
        assertThat(number(value("parts-answered-on-time-rate"))).isEqualTo(number(cityParts
                .get("answeredOnTimeRate"))).isEqualTo(100.0);
        assertThat(value("parts-waived")).isEqualTo("0");
        WebElement supported = browser.findElement(By.cssSelector("#parts-units tbody tr[data-unit='POLICE|"
                + month + "']"));
        assertThat(supported.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly(month, "贵阳市公安局", "1", "1", "100%", "1", "1", "0", "0", "100%");
        assertThat(browser.findElement(By.id("parts-note")).getText()).startsWith("协办单位不是承办单位");
        assertThat(browser.findElement(By.id("parts-scroll")).getDomAttribute("tabindex")).isEqualTo("0");
        Browsers.assertAxeClean(browser, "dashboard");

        // 受理满意度 beside the satisfaction rate, which stays the handling's (75% below, whatever the calls got)
        Map<String, Object> calls = api("/call-satisfaction?from=" + from + "&to=" + to, OBJECT);
        assertThat(number(value("call-satisfaction-rate"))).isEqualTo(number(calls.get("callSatisfactionRate")))
                .isEqualTo(50.0);
        assertThat(value("call-rated")).isEqualTo(calls.get("rated").toString()).isEqualTo("2");
        assertThat(browser.findElement(By.id("call-satisfaction-title")).getText()).startsWith("受理满意度");
        assertThat(browser.findElement(By.cssSelector("#call-satisfaction-channels tbody tr[data-channel='PHONE']"))
                .getText()).contains("电话", "50%");

        List<Double> apiSatisfaction = new ArrayList<>();
        api("/rates?groupBy=city&period=day&from=" + from + "&to=" + to, LIST)
                .forEach(row -> apiSatisfaction.add(number(row.get("satisfactionRate"))));
        assertThat(Arrays.stream(browser.findElement(By.cssSelector("[data-testid=trend-satisfactionRate]"))
                .getDomAttribute("data-values").split(",", -1)).map(DashboardIT::number).toList())
                .isEqualTo(apiSatisfaction).containsExactly(75.0);

        Path screenshot = Path.of("target/dashboard.png");
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);

        browser.findElement(By.id("language")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#ranking thead"), "Satisfaction"));
        // the figures are read again in the other language: the rows are redrawn once they arrive
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector("#ranking tbody tr")).getText()
                        .contains("Guiyang Water Group"));
        assertThat(value("today-received")).isEqualTo("6");
        assertThat(browser.findElement(By.id("knowledge-articles")).getText()).contains("Articles used most");
        assertThat(browser.findElement(By.id("call-satisfaction-title")).getText()).startsWith("Call satisfaction");
        assertThat(browser.findElement(By.id("call-satisfaction-channels")).getText())
                .contains("Call satisfaction by channel", "Phone");
        assertThat(browser.findElement(By.id("decisions")).getText()).contains(
                "Returns and extensions reviewed by the centre", "Each unit by month", "Guiyang Urban Management");
        assertThat(browser.findElement(By.id("parts")).getText()).contains("Supporting units' parts",
                "Each supporting unit by month", "Guiyang Public Security Bureau",
                "A supporting unit is not the handling unit");
        browser.findElement(By.id("language")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#ranking thead"), "满意率"));
    }

    /**
     * Without a provider to sign in with (this test configures none), the page says so; a token without the
     * analyst's role is told so before anything is asked; a token the service refuses sends the person to sign in
     * again. The board stays hidden each time.
     */
    @Test
    void saysWhyItShowsNothingToAPersonItCannotServe() {
        open("");
        waitForStatus("未配置登录服务。");
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();

        open("#token=" + infra.tokens().mint("op-3", "OPERATOR"));
        waitForStatus("您的账号没有使用本页面的角色（分析员）。");
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();

        open("#token=" + infra.tokens().forAudience("another-application").mint("an-4", List.of("ANALYST"), null,
                Duration.ofMinutes(5)));
        waitForStatus("登录已过期，请重新登录。");
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();
        assertThat(browser.executeScript("return sessionStorage.getItem('hub.session')")).isNull();
    }

    private void open(String fragment) {
        browser.get("http://127.0.0.1:" + port + "/dashboard");
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.get("http://127.0.0.1:" + port + "/dashboard" + fragment);
    }

    private static void waitForStatus(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), text));
    }

    /** A number as the page or the API gives it ({@code 80} and {@code 80.0} alike), or null for none. */
    private static Double number(Object value) {
        return value == null || value.toString().isEmpty() || "–".equals(value.toString()) ? null
                : Double.valueOf(value.toString());
    }

    private String value(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']")).getDomAttribute("data-value");
    }

    private <T> T api(String path, ParameterizedTypeReference<T> type) {
        return web.get().uri("/api/v1/analytics" + path).headers(h -> h.setBearerAuth(analyst())).exchange()
                .expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
    }

    private static String ticket(Instant at, String unit, String category, String grid, boolean onTime,
            Satisfaction rating, boolean solved) {
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), at, id, "12345-d-" + id.substring(0,
                4), Channel.PHONE, category, Urgency.NORMAL, "complaint", new GeoPoint(26.57, 106.71), null,
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null));
        topics.publish(new TicketAssigned(EventIds.of(id, "TicketAssigned", 1), at.plusSeconds(30), id, "12345-d", 1,
                unit, unit, List.of(), category, "YUNYAN", Priority.NORMAL, at.plusSeconds(86_400),
                at.plusSeconds(7 * 86_400), new AssignmentReason("rule", 1, grid, List.of())));
        topics.publish(new TicketAccepted(EventIds.of(id, "TicketAccepted", 1), at.plusSeconds(onTime ? 300 : 90_000),
                id, unit, onTime));
        if (rating != null) {
            topics.publish(new FeedbackReceived(EventIds.of(id, "FeedbackReceived", 1), at.plusSeconds(600), id,
                    solved, rating, "SMS"));
        }
        return id;
    }

    /**
     * Urban management returns the ticket, the centre rejects the return, the unit asks the centre for more time
     * and is refused.
     */
    private static void returnedAndRefusedMoreTime(String id, Instant at) {
        topics.publish(new TicketRejected(EventIds.of(id, "TicketRejected", 1), at.plusSeconds(120), id,
                "URBAN_MGMT", "NOT_OURS", "不属本单位职责"));
        topics.publish(new ReturnRejected(EventIds.of(id, "ReturnRejected", 1), at.plusSeconds(600), id,
                "URBAN_MGMT", "占道经营属城管", "sup-1"));
        topics.publish(new ExtensionRequested(EventIds.of(id, "ExtensionRequested", 1), at.plusSeconds(900), id,
                "URBAN_MGMT", at.plusSeconds(14 * 86_400), at.plusSeconds(7 * 86_400), "需联合执法", "unit-1",
                at.plusSeconds(4 * 3_600)));
        topics.publish(new ExtensionRefused(EventIds.of(id, "ExtensionRefused", 1), at.plusSeconds(1_200), id,
                "URBAN_MGMT", at.plusSeconds(14 * 86_400), at.plusSeconds(7 * 86_400), "请按时办结", "sup-1"));
    }

    /**
     * The police support urban management on its ticket {@code id}: given a part, signed for and answered on time.
     * The ticket's own figures stay urban management's.
     */
    private static void supportedByThePolice(String id, Instant at) {
        topics.publish(new PartAssigned(EventIds.of(id, "PartAssigned", "1/POLICE"), at.plusSeconds(30), id,
                "URBAN_MGMT", "POLICE", 1, at.plusSeconds(7_200), at.plusSeconds(86_400), null));
        topics.publish(new PartAccepted(EventIds.of(id, "PartAccepted", "1/POLICE"), at.plusSeconds(400), id,
                "URBAN_MGMT", "POLICE", 1, true));
        topics.publish(new PartAnswered(EventIds.of(id, "PartAnswered", "1/POLICE"), at.plusSeconds(500), id,
                "URBAN_MGMT", "POLICE", 1, "已配合现场处置", at.plusSeconds(86_400), true));
    }

    /** A call the operator answered on the spot with {@code article}, which is never dispatched. */
    private static void answeredFromAnArticle(Instant at, String article) {
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), at, id, "12345-d-" + id.substring(0,
                4), Channel.PHONE, "WATER_SUPPLY", Urgency.NORMAL, "家里突然没水了", null, null,
                new CitizenContact(null, null, null, null, "zh", false), true, "按知识库文章答复", null, null, null,
                new KnowledgeAnswer(article, 1)));
    }

    private static String analyst() {
        return infra.tokens().mint("an-3", "ANALYST");
    }
}
