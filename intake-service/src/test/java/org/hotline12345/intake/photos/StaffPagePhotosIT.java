package org.hotline12345.intake.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.Browsers;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.hotline12345.referencedata.GridWorkers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The staff pages of intake adding photos in a real browser (Debian's headless Chromium through chromedriver)
 * against the running service: the operator attaches what the caller sent to the ticket just registered in the
 * console, the grid worker takes the place before and after the work on a ticket of its grid from the grid page.
 * A photo sent with its GPS position is kept without it; a file that is no photo is refused in the reader's
 * language; and axe-core finds no accessibility violation, in Chinese or English.
 *
 * <p>The grid page lists its tickets from routing, which does not run here: a stand-in answers that list with the
 * ticket routing would have sent the grid's worker, as intake itself hears of it from routing's event.
 */
@HubIntegrationTest(database = "intake-staff-photos-it")
class StaffPagePhotosIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final String GRID = "YY-04";
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose("quit")
    static final ChromeDriver browser = Browsers.chromium(1400, 1400);
    /** Routing's list of the grid worker's open tickets, as the grid page asks for it. */
    static final HttpServer routing = routingStandIn();
    /** What the stand-in lists: routing's view of the tickets the grid's worker holds. */
    static volatile String listed = "[]";

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void routingAddress(DynamicPropertyRegistry properties) {
        properties.add("hotline.pages.services.routing",
                () -> "http://127.0.0.1:" + routing.getAddress().getPort());
    }

    @AfterAll
    static void stopRouting() {
        routing.stop(0);
    }

    @Test
    void anOperatorAttachesWhatTheCallerSentToTheTicketJustRegisteredAndToTheOneACallWouldJoin() throws IOException {
        signIn("/console", infra.tokens().mint("operator-31", "OPERATOR"));
        waitUntil(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-signed-in")));
        browser.findElement(By.id("phone")).sendKeys("13700000731");
        browser.findElement(By.id("description")).sendKeys("小区门口的水管漏水，一直在冒水");
        new Select(browser.findElement(By.id("category"))).selectByValue("WATER_SUPPLY");
        browser.findElement(By.id("address")).sendKeys("云岩区中华北路18号");
        browser.findElement(By.id("save")).click();
        waitFor(By.cssSelector("#ticket:not([hidden]) #photo-input"));
        String ticketId = browser.findElement(By.id("receipt")).getDomAttribute("data-ticket-id");
        assertThat(text("photos-title")).isEqualTo("来电人发来的照片");
        assertThat(text("photo-status")).isEqualTo("暂无照片。");

        // the photo as the caller's phone took it, with where it was taken
        byte[] sent = PhotosIT.jpegWithGpsExif(64, 48, 1);
        assertThat(PhotosIT.gpsOf(sent)).as("the photo as sent carries its place").isNotNull();
        browser.findElement(By.id("photo-input")).sendKeys(file("caller.jpg", sent));
        waitFor(By.cssSelector("#photo-list li[data-kind='CALLER'] img"));
        assertThat(text("photo-status")).isEqualTo("已添加 1 张照片。");
        assertThat(browser.findElement(By.cssSelector("#photo-list img")).getDomAttribute("alt"))
                .startsWith("来电人发来的照片，第 1 张，共 1 张");
        assertKeptWithoutGps(ticketId, "CALLER", operator());

        // a file that is no photo: refused by the service, said in the reader's language, the photo kept
        browser.findElement(By.id("photo-input")).sendKeys(file("notes.jpg",
                "来电人的备注".getBytes(StandardCharsets.UTF_8)));
        waitUntil(() -> text("photo-problem").contains("不是 JPG、PNG 或 WebP 图片"));
        assertThat(text("photo-problem")).isEqualTo("“notes.jpg”未能添加：不是 JPG、PNG 或 WebP 图片");
        assertThat(browser.findElement(By.id("photo-input")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#photo-list li"))).hasSize(1);
        Browsers.assertAxeClean(browser, "the console with the registered ticket's photos");
        Browsers.screenshot(browser, "console-photos");

        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("photos-title").equals("Photos the caller sent"));
        assertThat(text("photo-problem")).contains("notes.jpg", "is not a JPG, PNG or WebP image");
        assertThat(browser.findElement(By.cssSelector("#photo-list img")).getDomAttribute("alt"))
                .startsWith("The caller's photo 1 of 1");
        assertThat(browser.findElement(By.cssSelector("label[for='photo-input']")).getText()).isEqualTo("Add photos");
        Browsers.assertAxeClean(browser, "the console with the registered ticket's photos, in English");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("photos-title").equals("来电人发来的照片"));

        // the same caller again: the ticket the call would join opens beside the call being typed, takes a photo
        // too, and nothing typed is lost
        String number = text("ticket-number");
        browser.findElement(By.id("next-call")).click();
        browser.findElement(By.id("phone")).sendKeys("13700000731");
        new Select(browser.findElement(By.id("category"))).selectByValue("WATER_SUPPLY");
        browser.findElement(By.id("description")).sendKeys("水管还在漏水，门口已经积水了");
        waitFor(By.cssSelector("#link-warning:not([hidden]) #link-open")).click();
        waitUntil(() -> number.equals(browser.findElement(By.id("ticket")).getDomAttribute("data-ticket"))
                && browser.findElements(By.cssSelector("#photo-list li[data-kind='CALLER'] img")).size() == 1);
        browser.findElement(By.id("photo-input")).sendKeys(file("again.png", PhotosIT.image("png", 30, 20)));
        waitUntil(() -> browser.findElements(By.cssSelector("#photo-list li[data-kind='CALLER'] img")).size() == 2);
        assertThat(browser.findElement(By.id("description")).getDomProperty("value"))
                .isEqualTo("水管还在漏水，门口已经积水了");
        assertThat(browser.findElement(By.id("phone")).getDomProperty("value")).isEqualTo("13700000731");
        assertThat(browser.findElement(By.id("save")).isEnabled()).isTrue();
    }

    @Test
    void aGridWorkerTakesThePlaceBeforeAndAfterTheWorkOnATicketOfItsGrid() throws IOException {
        TicketReceipt ticket = heldByTheGridsWorker("13700000732");
        signIn("/grid", infra.tokens().mintGridWorker("grid-31", GRID));
        WebElement card = waitFor(By.cssSelector("article.ticket[data-ticket-id='" + ticket.ticketId() + "']"));
        WebElement before = card.findElement(By.cssSelector("input[data-kind='BEFORE']"));
        assertThat(before.getDomAttribute("accept")).isEqualTo("image/*");
        assertThat(before.getDomAttribute("capture")).isEqualTo("environment");
        assertThat(card.findElement(By.cssSelector("label[for='" + before.getDomAttribute("id") + "']")).getText())
                .isEqualTo("拍办理前照片");

        before.sendKeys(file("before.jpg", PhotosIT.jpegWithGpsExif(40, 30, 1)));
        waitUntil(() -> !card.findElements(By.cssSelector("li[data-kind='BEFORE'] img")).isEmpty());
        assertThat(card.findElement(By.cssSelector(".photo-status")).getText()).isEqualTo("已添加办理前照片。");
        card.findElement(By.cssSelector("input[data-kind='AFTER']"))
                .sendKeys(file("after.jpg", PhotosIT.jpegWithGpsExif(40, 30, 1)));
        waitUntil(() -> !card.findElements(By.cssSelector("li[data-kind='AFTER'] img")).isEmpty());
        assertKeptWithoutGps(ticket.ticketId(), "BEFORE", gridWorker());
        assertKeptWithoutGps(ticket.ticketId(), "AFTER", gridWorker());

        // a file that is no photo, refused in the reader's language
        card.findElement(By.cssSelector("input[data-kind='AFTER']")).sendKeys(file("after.txt",
                "不是照片".getBytes(StandardCharsets.UTF_8)));
        waitUntil(() -> card.findElement(By.cssSelector(".photo-problem")).getText().contains("不是 JPG、PNG 或 WebP 图片"));
        assertThat(card.findElements(By.cssSelector(".photos li"))).hasSize(2);
        Browsers.assertAxeClean(browser, "the grid page with a ticket's photos");
        Browsers.screenshot(browser, "grid-photos");

        browser.findElement(By.id("language")).click();
        waitUntil(() -> card.findElement(By.cssSelector(".card-photos h3")).getText().equals("Photos of the place"));
        assertThat(card.findElement(By.cssSelector(".photo-problem")).getText())
                .isEqualTo("The photo was not added: it is not a JPG, PNG or WebP image");
        assertThat(card.findElement(By.cssSelector("li[data-kind='AFTER'] img")).getDomAttribute("alt"))
                .isEqualTo("Photo 2 of 2, after");
        Browsers.assertAxeClean(browser, "the grid page with a ticket's photos, in English");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> card.findElement(By.cssSelector(".card-photos h3")).getText().equals("现场照片"));
    }

    /** The one photo of {@code kind} the ticket has, read back as stored: a picture with no GPS position. */
    private void assertKeptWithoutGps(String ticketId, String kind,
            java.util.function.Consumer<org.springframework.http.HttpHeaders> auth) throws IOException {
        List<Map<?, ?>> photos = web.get().uri(PhotoController.PATH, ticketId).headers(auth).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .<Map<?, ?>>map(photo -> photo).filter(photo -> kind.equals(photo.get("kind"))).toList();
        assertThat(photos).hasSize(1);
        for (String href : List.of("href", "thumbnailHref")) {
            byte[] kept = web.get().uri(photos.get(0).get(href).toString()).headers(auth).exchange()
                    .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_JPEG)
                    .expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(PhotosIT.gpsOf(kept)).as(kind + " " + href).isNull();
            assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        }
    }

    /** A call routed to the worker of {@link #GRID}, as intake hears it from routing and routing lists it. */
    private TicketReceipt heldByTheGridsWorker(String phone) {
        TicketReceipt ticket = web.post().uri("/api/v1/calls").headers(operator())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"callerPhone":"%s","description":"人行道井盖缺失，有安全隐患",
                         "location":{"lat":26.5785,"lon":106.7135},"category":"CITY_APPEARANCE"}""".formatted(phone))
                .exchange().expectStatus().isAccepted().expectBody(TicketReceipt.class).returnResult()
                .getResponseBody();
        String holder = GridWorkers.holderOf(GRID);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        topics.publish(new TicketAssigned(EventIds.of(ticket.ticketId(), "TicketAssigned", 1), now,
                ticket.ticketId(), ticket.ticketNumber(), 1, holder, "网格员 " + GRID, List.of(), "CITY_APPEARANCE",
                "YUNYAN", Priority.NORMAL, now.plus(Duration.ofHours(2)), now.plus(Duration.ofDays(3)),
                new AssignmentReason("grid", 1, null, List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> holder.equals(mongo.findById(ticket.ticketId(),
                IntakeTicket.class).block().getUnitId()));
        listed = """
                [{"ticketId":"%s","ticketNumber":"%s","status":"ASSIGNED","category":"CITY_APPEARANCE",
                  "urgency":"NORMAL","priority":"NORMAL","description":"人行道井盖缺失，有安全隐患",
                  "address":null,"location":{"lat":26.5785,"lon":106.7135},"callerReachable":false,
                  "acceptBy":"%s","resolveBy":"%s"}]""".formatted(ticket.ticketId(), ticket.ticketNumber(),
                now.plus(Duration.ofHours(2)), now.plus(Duration.ofDays(3)));
        return ticket;
    }

    /** A stand-in for routing's list of open tickets, callable from the pages' origin. */
    private static HttpServer routingStandIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/tickets", StaffPagePhotosIT::answerList);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answerList(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Authorization, Accept");
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] body = listed.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code bytes} as a file the browser's file input can be given. */
    private static String file(String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/staff-photos"));
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file.toAbsolutePath().toString();
    }

    /** Leaves for a page that runs nothing, so that no request of the person before is on its way, then signs in. */
    private void signIn(String page, String token) {
        browser.get("http://127.0.0.1:" + port + "/hub/signed-out.html");
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.get("http://127.0.0.1:" + port + page + "#token=" + token);
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> operator() {
        return headers -> headers.setBearerAuth(infra.tokens().mint("operator-31", "OPERATOR"));
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> gridWorker() {
        return headers -> headers.setBearerAuth(infra.tokens().mintGridWorker("grid-31", GRID));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String pageSays() {
        return browser.findElement(By.id("status")).getText() + " | " + Browsers.mainText(browser);
    }

    private static WebElement waitFor(By by) {
        return Browsers.waitFor(browser, StaffPagePhotosIT::pageSays, by);
    }

    private static void waitUntil(BooleanSupplier condition) {
        Browsers.waitUntil(browser, StaffPagePhotosIT::pageSays, condition);
    }
}
