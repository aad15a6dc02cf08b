package org.hotline12345.intake.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.Browsers;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.intake.FiledTicketTests;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/**
 * The report page in a real browser (Debian's headless Chromium through chromedriver) on a phone-sized window,
 * worked from the keyboard: a citizen describes a burst pipe, gives their location, sees a published report of it
 * nearby and joins it, chooses a photo, loses nothing typed to a reload, is told what to correct, sends it, proves
 * their phone with the link of the receipt text and lands on the follow page of their ticket, joined to that report
 * and with their photo kept. In Chinese first and in English on request, with no accessibility violation axe-core finds.
 */
@HubIntegrationTest(database = "intake-report-page-browser-it")
class ReportPageIT extends FiledTicketTests {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final double LAT = 26.5900;
    static final double LON = 106.7300;
    static final String WORDS = "小区门口的水管爆裂了，水流到马路上";
    @AutoClose("quit")
    static final ChromeDriver browser = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;
    @Test
    void aCitizenJoinsAPublishedReportNearbyProvesTheirPhoneAndFollowsIt() throws IOException {
        String published = publishedReportNearby();
        String page = "http://127.0.0.1:" + port;
        browser.get(page + "/hub/signed-out.html");
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", page,
                "permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", LAT + 0.0003,
                "longitude", LON, "accuracy", 20));
        browser.get(page + "/report");
        waitUntil(() -> browser.findElements(By.cssSelector("#category option")).size() > 10);
        assertThat(text("heading")).isEqualTo("我要反映问题");

        // the words, from the keyboard; the category their words suggest is taken unless the citizen chose one
        WebElement description = browser.findElement(By.id("description"));
        description.sendKeys(WORDS);
        waitUntil(() -> !browser.findElement(By.id("suggestion")).getText().isBlank()
                && !text("suggestion-text").contains("正在"));
        if (!"WATER_SUPPLY".equals(value("category"))) {
            WebElement category = browser.findElement(By.id("category"));
            category.sendKeys(Keys.HOME);
            waitUntil(() -> {
                category.sendKeys(Keys.ARROW_DOWN);
                return "WATER_SUPPLY".equals(value("category"));
            });
        }
        // where: the device's location, asked for with the keyboard
        focus("use-location").sendKeys(Keys.ENTER);
        waitUntil(() -> text("location-text").contains("已获取当前位置"));

        // the published report nearby, joined as this citizen's too
        WebElement join = waitFor(By.cssSelector("#nearby-list li[data-ticket='" + published + "'] button.join"));
        assertThat(browser.findElement(By.id("nearby-list")).getText()).contains("路口水管爆裂", "米");
        join.sendKeys(Keys.ENTER);
        waitUntil(() -> "true".equals(browser.findElement(By.cssSelector(
                "#nearby-list li[data-ticket='" + published + "'] button.join")).getDomAttribute("aria-pressed")));
        assertThat(text("joined-text")).contains(published);

        Path photo = photo();
        browser.findElement(By.id("photos-input")).sendKeys(photo.toAbsolutePath().toString());
        waitFor(By.cssSelector("#photo-list img"));
        focus("publish").sendKeys(Keys.SPACE);
        assertThat(browser.findElement(By.id("publish")).isSelected()).isTrue();

        // a reload keeps everything typed and chosen, but asks for the photo again
        browser.navigate().refresh();
        waitUntil(() -> WORDS.equals(value("description")) && "WATER_SUPPLY".equals(value("category")));
        assertThat(text("restored")).contains("照片需要重新选择");
        assertThat(browser.findElement(By.id("publish")).isSelected()).isTrue();
        waitUntil(() -> "true".equals(browser.findElement(By.cssSelector(
                "#nearby-list li[data-ticket='" + published + "'] button.join")).getDomAttribute("aria-pressed")));
        browser.findElement(By.id("photos-input")).sendKeys(photo.toAbsolutePath().toString());
        waitFor(By.cssSelector("#photo-list img"));

        // every field and button is reached with the Tab key, in the order they are read
        focus("description");
        List<String> reached = new java.util.ArrayList<>();
        for (int i = 0; i < 25 && !"send".equals(activeId()); i++) {
            // to whatever has the focus, as the keyboard sends it: a file input takes typed keys as a file's name
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement at = browser.switchTo().activeElement();
            reached.add(at.getDomAttribute("id") != null ? at.getDomAttribute("id") : at.getDomAttribute("class"));
        }
        assertThat(reached).containsSubsequence("category", "use-location", "clear-location", "address", "join",
                "photos-input", "link", "phone", "publish", "send");

        // sent without the phone: the summary takes the focus and names the field, which leads to it
        focus("send").sendKeys(Keys.ENTER);
        waitUntil(() -> "error-summary".equals(activeId()));
        assertThat(text("error-summary")).contains("手机号码", "必填");
        assertThat(browser.findElement(By.id("phone")).getDomAttribute("aria-invalid")).isEqualTo("true");
        Browsers.assertAxeClean(browser, "the report form with an error, a suggestion and a report nearby");
        screenshot("report-form-zh");
        wholePage("report-form-zh-whole");

        // in English on request, what is on the page included
        focus("language").sendKeys(Keys.ENTER);
        waitUntil(() -> "Report a problem".equals(text("heading")));
        assertThat(text("nearby-heading")).isEqualTo("Reports of the same kind nearby");
        assertThat(text("error-summary")).contains("Mobile number", "is required");
        assertThat(text("joined-text")).contains("Yours will be handled with ticket " + published);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        Browsers.assertAxeClean(browser, "the report form in English");
        wholePage("report-form-en-whole");
        focus("language").sendKeys(Keys.ENTER);
        waitUntil(() -> "我要反映问题".equals(text("heading")));

        // twice the text size, as a phone's large text setting gives it: nothing runs off the side of the screen
        browser.executeScript("document.documentElement.style.fontSize = '200%'");
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue())
                .isLessThanOrEqualTo(((Number) browser.executeScript("return window.innerWidth")).longValue());
        wholePage("report-form-large-text");
        browser.executeScript("document.documentElement.style.fontSize = ''");

        // the summary's link leads to the field, and the error goes once it is filled in
        browser.findElement(By.cssSelector("#error-list a")).sendKeys(Keys.ENTER);
        waitUntil(() -> "phone".equals(activeId()));
        browser.switchTo().activeElement().sendKeys("1380000567");
        assertThat(browser.findElement(By.id("error-summary")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("phone")).getDomAttribute("aria-invalid")).isNull();

        // the service's problem with the number, said in the page's words for the field
        focus("send").sendKeys(Keys.ENTER);
        waitUntil(() -> "error-summary".equals(activeId()));
        assertThat(text("error-summary")).contains("手机号码：不是有效的中国大陆电话号码");
        browser.findElement(By.id("phone")).sendKeys(Keys.END, "8");

        focus("send").sendKeys(Keys.ENTER);
        waitUntil(() -> "verify-heading".equals(activeId()));
        String number = text("ticket-number");
        assertThat(number).matches("12345-\\d{8}-\\d{4,6}");
        assertThat(text("photos-waiting")).contains("1 张照片");
        IntakeTicket ticket = stored(number);
        assertThat(ticket.getParentIncidentId()).as("joined to the published report").isEqualTo(idOf(published));
        assertThat(ticket.isPublished()).isTrue();

        // the code of the first text: a wrong one is refused in words, the link from the text is taken whole
        type("code", "AAAAAAAAAAAAAAAA");
        browser.findElement(By.id("code")).sendKeys(Keys.ENTER);
        waitUntil(() -> text("code-error").contains("验证码与本次诉求不符"));
        assertThat(activeId()).isEqualTo("code");
        Browsers.assertAxeClean(browser, "the code from the text, refused");
        screenshot("report-verify-zh");
        browser.findElement(By.id("code")).clear();
        String link = "https://12345.example.gov.cn/t/" + number + "." + tokens.tokenFor(number);
        type("code", "【12345热线】您的诉求已受理，工单号" + number + "，查看进度：" + link + " 回复TD退订");
        browser.findElement(By.id("code")).sendKeys(Keys.ENTER);

        // the follow page of the ticket, joined to the report nearby, with the photo kept
        waitUntil(() -> browser.getCurrentUrl().endsWith("/t/" + number + "." + tokens.tokenFor(number)));
        waitUntil(() -> number.equals(text("ticket-number")));
        assertThat(text("joined")).contains("附近有人反映了同一问题");
        assertThat((String) browser.executeScript("return sessionStorage.getItem('report.draft')")).isNull();
        web.get().uri("/api/v1/intake/tickets/{id}/photos", ticket.getId())
                .headers(h -> h.setBearerAuth(infra.tokens().mint("operator-report", "OPERATOR"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].kind").isEqualTo("CALLER");
        screenshot("report-followed");
    }

    /** A published report about the burst pipe, older than the registration's own same-incident check looks. */
    private String publishedReportNearby() {
        String number = (String) web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "13700009001", "description", "路口水管爆裂，水一直往外冒",
                        "category", "WATER_SUPPLY", "location", Map.of("lat", LAT, "lon", LON), "publish", true))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody()
                .get("ticketNumber");
        IntakeTicket ticket = stored(number);
        String cell = "WATER_SUPPLY|" + (long) Math.floor(LAT / 0.0018) + "|" + (long) Math.floor(LON / 0.0036);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(cell)),
                new Update().pull("reports", new Document("ticketId", ticket.getId())), "open_incidents").block();
        return number;
    }

    private IntakeTicket stored(String ticketNumber) {
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber)), IntakeTicket.class)
                .blockOptional().orElseThrow();
    }

    private String idOf(String ticketNumber) {
        return stored(ticketNumber).getId();
    }

    /** A small photo of a grey wall, as a phone's camera would not make it but the page does not care. */
    private static Path photo() throws IOException {
        Path file = Path.of("target/pages/burst-pipe.jpg");
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 240; y++) {
                image.setRGB(x, y, (x * 7 + y * 3) % 256 * 0x010101);
            }
        }
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    /** The element with {@code id}, focused by the keyboard's own means as a person tabbing to it would leave it. */
    private static WebElement focus(String id) {
        WebElement element = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].focus()", element);
        return element;
    }

    private static String activeId() {
        return browser.switchTo().activeElement().getDomAttribute("id");
    }

    private static void type(String id, String value) {
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static WebElement waitFor(By by) {
        return Browsers.waitFor(browser, () -> Browsers.mainText(browser), by);
    }

    private static void waitUntil(BooleanSupplier condition) {
        Browsers.waitUntil(browser, () -> Browsers.mainText(browser), condition);
    }

    private static void screenshot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }

    /** The whole page, as tall as it is, at the phone's width. */
    private static void wholePage(String name) throws IOException {
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 390, "height", height,
                        "scale", 1)));
        Path file = Path.of("target/pages/" + name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

}
