package org.hotline12345.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hotline12345.devstack.Devstack;
import org.hotline12345.devstack.DevstackOptions;
import org.hotline12345.embedded.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * One ticket carried through the people's pages on the running hub, in headless Chromium, each person signing in at
 * the identity provider as people do (authorization code with PKCE): the operator registers a call in the console
 * and reads the number back, a second call from the same number is flagged as a repeat before it is saved; the unit
 * signs for the ticket in its workbench and resolves it; the citizen's "1 满意" closes it; the supervisor's desk
 * shows its timeline, the ticket that joined it and every text it caused; the analysts' dashboard counts it, and
 * renews its session before the access token expires; a grid worker settles one ticket the rules sent to the grid
 * on the spot, hands another up to a department and reports from the phone's location, and a household liaison
 * reports the same way. Each page is checked for what a person reads on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesIT {

    /** Short, so that the dashboard's renewal is seen within the test: the pages renew a minute before expiry. */
    private static final String ACCESS_TOKEN_TTL = "75s";
    private static final String PHONE = "139 0851 2345";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;
    static Devstack stack;
    static ChromeDriver browser;
    static String ticketId;
    static String ticketNumber;
    static String repeatNumber;
    static String unitId;
    static String gasLeakId;
    static String gasLeakNumber;
    static String stallId;
    static String stallNumber;

    @BeforeAll
    static void startTheStackAndABrowser() {
        List<Integer> free = FreePorts.pick(DevstackOptions.SERVICES.size());
        Map<String, Integer> ports = new HashMap<>();
        DevstackOptions.SERVICES.forEach(s -> ports.put(s, free.get(ports.size())));
        // the client compiler only: the stack is ready sooner, and a person's clicks never need the second
        stack = Devstack.start(new DevstackOptions(Path.of("../..").toAbsolutePath().normalize(), data, false, 0, 0,
                ports, true, false, DevstackOptions.JvmProfile.QUICK), Map.of(Devstack.IDENTITY, List.of("--hotline.identity.access-token-ttl="
                + ACCESS_TOKEN_TTL)));
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1100", "--lang=zh-CN");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theOperatorRegistersACallAsTheCallerSpeaks() throws Exception {
        // the page keeps a person's tokens: no script but its service's own, requests only where it signs in and works
        String policy = get("intake", "/console", null).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "connect-src 'self' "
                + stack.issuer(), stack.url("routing")).doesNotContain("unsafe-inline");
        signIn(stack.url("intake") + "/console", "operator-01");
        assertThat(text("hub-user")).contains("话务员");

        // the words are read as they are typed: an urgent cue is marked, the categories are suggested
        type("phone", PHONE);
        type("description", "厨房里闻到煤气味");
        WebElement cues = waitFor(By.cssSelector("#cues:not([hidden]) mark"));
        assertThat(cues.getText()).isEqualTo("煤气味");
        assertThat(text("cues")).contains("紧急");
        browser.findElement(By.id("description")).clear();
        type("description", "楼下烧烤店每晚十二点后还在营业，音响声音很大，吵得睡不着");
        waitUntil(() -> browser.findElements(By.cssSelector("#cues:not([hidden])")).isEmpty());
        WebElement best = waitFor(By.cssSelector("#suggestions button"));
        JsonNode classified = JSON.readTree(post("intake", "/api/v1/classify",
                "{\"text\":\"楼下烧烤店每晚十二点后还在营业，音响声音很大，吵得睡不着\"}", token("operator")).body());
        assertThat(best.getDomAttribute("data-category"))
                .isEqualTo(classified.get("choices").get(0).get("category").asString());
        new Select(browser.findElement(By.id("category"))).selectByValue("NOISE");
        assertThat(new Select(browser.findElement(By.id("category"))).getFirstSelectedOption().getText())
                .isEqualTo("噪音扰民");

        // the address is placed in its district and street, the point on the map in its grid
        type("address", "云岩区中华北路18号");
        waitUntil(() -> text("place").contains("云岩区"));
        browser.findElement(By.cssSelector("#map [data-testid='grid-YY-04']")).click();
        waitUntil(() -> "YY-04".equals(browser.findElement(By.id("place")).getDomAttribute("data-grid")));
        assertThat(text("place")).contains("云岩区", "YY-04");
        assertThat(browser.findElement(By.cssSelector("#map [data-testid='grid-YY-04']")).getDomAttribute("class"))
                .contains("here");
        assertThat(browser.findElements(By.cssSelector("#link-warning:not([hidden])"))).isEmpty();

        // Enter in a field does not save the call, and a reload keeps everything typed so far
        browser.findElement(By.id("address")).sendKeys(Keys.ENTER);
        assertThat(browser.findElements(By.cssSelector("#receipt:not([hidden])"))).isEmpty();
        browser.navigate().refresh();
        waitUntil(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-signed-in")));
        waitUntil(() -> value("description").startsWith("楼下烧烤店"));
        assertThat(value("phone")).isEqualTo(PHONE);
        assertThat(value("address")).isEqualTo("云岩区中华北路18号");
        assertThat(new Select(browser.findElement(By.id("category"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("NOISE");
        assertThat(waitFor(By.id("draft-note")).getText()).isNotBlank();
        browser.findElement(By.cssSelector("#map [data-testid='grid-YY-04']")).click();
        waitUntil(() -> "YY-04".equals(browser.findElement(By.id("place")).getDomAttribute("data-grid")));
        Accessibility.assertNoSeriousViolations(browser, "console");

        browser.findElement(By.id("save")).click();
        WebElement number = waitFor(By.cssSelector("#receipt:not([hidden]) #ticket-number"));
        ticketNumber = number.getText();
        ticketId = browser.findElement(By.id("receipt")).getDomAttribute("data-ticket-id");
        JsonNode stored = JSON.readTree(get("intake", "/api/v1/intake/tickets/" + ticketId, token("operator")).body());
        assertThat(stored.get("ticketNumber").asString()).isEqualTo(ticketNumber);
        assertThat(stored.get("category").asString()).isEqualTo("NOISE");
        assertThat(number.getCssValue("font-size")).isEqualTo("40px");
        screenshot("console");

        // the same caller again about the same thing: warned before saving, linked once saved
        browser.findElement(By.id("next-call")).click();
        type("phone", PHONE);
        type("description", "烧烤店又在放音乐，还是很吵");
        new Select(browser.findElement(By.id("category"))).selectByValue("NOISE");
        type("address", "云岩区中华北路18号");
        WebElement warning = waitFor(By.cssSelector("#link-warning:not([hidden])"));
        assertThat(warning.getDomAttribute("data-why")).isEqualTo("REPEAT");
        assertThat(warning.getText()).contains("可能是重复来电", ticketNumber);
        screenshot("console-repeat");
        browser.findElement(By.id("save")).click();
        repeatNumber = waitFor(By.cssSelector("#receipt:not([hidden]) #ticket-number")).getText();
        assertThat(text("receipt-text")).contains("关联", ticketNumber);
        assertThat(browser.findElement(By.id("saved-announcement")).getText()).contains(repeatNumber);

        // a wrong number and no words are refused in the reader's language alone, field by field
        browser.findElement(By.id("next-call")).click();
        type("phone", "12345");
        browser.findElement(By.id("save")).click();
        WebElement problems = waitFor(By.id("problems"));
        waitUntil(() -> problems.getText().contains("来电号码"));
        assertThat(problems.getText()).contains("诉求内容").doesNotContainPattern("[A-Za-z]{3,}");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> !problems.getText().matches("(?s).*[\\u4e00-\\u9fff].*"));
        assertThat(problems.getText()).isNotBlank();
        browser.findElement(By.id("language")).click();
        waitUntil(() -> problems.getText().contains("来电号码"));

        // a question answered on the phone needs no place
        browser.findElement(By.id("clear-call")).click();
        confirm();
        waitUntil(() -> value("phone").isEmpty());
        type("phone", "139 0851 7788");
        type("description", "请问市民中心周末几点开门办理社保卡");
        // the categories the words suggest come in under the words and move the form down: click once they are in
        waitFor(By.cssSelector("#suggestions button"));
        browser.findElement(By.id("on-call")).click();
        waitUntil(() -> browser.findElement(By.id("answer")).isDisplayed());
        type("answer", "市民中心周六周日上午9点至下午5点开放，社保卡窗口在一楼");
        browser.findElement(By.id("save")).click();
        confirm();
        waitFor(By.cssSelector("#receipt:not([hidden]) #ticket-number"));
        String answered = browser.findElement(By.id("receipt")).getDomAttribute("data-ticket-id");
        // answered, never dispatched: closed at once (its TicketClosed may already have come back from routing)
        JsonNode answeredTicket = JSON.readTree(get("intake", "/api/v1/intake/tickets/" + answered,
                token("operator")).body());
        assertThat(answeredTicket.get("status").asString()).isIn("RESOLVED_AT_INTAKE", "CLOSED");
        assertThat(answeredTicket.path("unitId").isNull()).isTrue();

        // the knowledge base answers the next question: the best articles show as the caller's words are typed, the
        // words marked, and one key press answers the call with the article a unit keeps
        browser.findElement(By.id("next-call")).click();
        type("phone", "139 0851 7789");
        type("description", "家里没水了，什么时候来水啊");
        WebElement firstArticle = waitFor(By.cssSelector("#knowledge:not([hidden]) #knowledge-list li"));
        assertThat(browser.findElements(By.cssSelector("#knowledge-list li"))).hasSizeBetween(1, 3);
        assertThat(firstArticle.findElements(By.cssSelector("h3 mark, p mark"))).isNotEmpty();
        String articleId = firstArticle.getDomAttribute("data-article");
        JsonNode article = JSON.readTree(get("intake", "/api/v1/knowledge/articles/" + articleId,
                token("operator")).body());
        assertThat(article.path("published").path("category").asString()).isEqualTo("WATER_SUPPLY");
        Accessibility.assertNoSeriousViolations(browser, "console with knowledge");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("knowledge-title").startsWith("Knowledge base"));
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("knowledge-title").startsWith("知识库"));
        firstArticle = waitFor(By.cssSelector("#knowledge-list li[data-article='" + articleId + "']"));
        firstArticle.findElement(By.tagName("button")).sendKeys(Keys.ENTER);
        waitUntil(() -> browser.findElement(By.id("on-call")).isSelected());
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("answer");
        assertThat(value("answer")).isNotBlank();
        screenshot("console-knowledge");
        browser.findElement(By.id("save")).click();
        confirm();
        waitFor(By.cssSelector("#receipt:not([hidden]) #ticket-number"));
        String fromArticle = browser.findElement(By.id("receipt")).getDomAttribute("data-ticket-id");
        assertThat(JSON.readTree(get("intake", "/api/v1/intake/tickets/" + fromArticle, token("operator")).body())
                .get("status").asString()).isIn("RESOLVED_AT_INTAKE", "CLOSED");
        signOut();
    }

    @Test
    @Order(2)
    void theUnitSignsForItAndResolvesItInItsWorkbench() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get("routing", "/api/v1/tickets/" + ticketId,
                token("supervisor")).body()).path("status").asString().equals("ASSIGNED"));
        unitId = JSON.readTree(get("routing", "/api/v1/tickets/" + ticketId, token("supervisor")).body())
                .get("unitId").asString();
        // what the caller sent, which intake keeps and shows to the unit once it has heard of the assignment
        assertThat(photo(ticketId, "CALLER", token("operator"), new java.awt.Color(180, 90, 60)).statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> unitId.equals(JSON.readTree(get("intake",
                "/api/v1/intake/tickets/" + ticketId, token("operator")).body()).path("unitId").asString()));
        signIn(stack.url("routing") + "/workbench", "unit-" + unitId.toLowerCase(Locale.ROOT));

        WebElement row = waitFor(By.cssSelector("#queue tr[data-ticket='" + ticketNumber + "']"));
        assertThat(row.getText()).contains("噪音扰民", "待签收", "签收剩余");
        // opened from the keyboard, the ticket takes the focus to its heading
        row.findElement(By.cssSelector("button.open-ticket")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(ticketNumber));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("detail-heading");
        assertThat(byTestId("detail-address").getText()).contains("中华北路18号");
        assertThat(byTestId("detail-description").getText()).contains("烧烤店");
        WebElement linked = waitFor(By.cssSelector("[data-testid='linked-" + repeatNumber + "']"));
        assertThat(linked.getText()).contains("重复来电");

        // the caller's photo as a thumbnail that opens full size from the keyboard, and gives the focus back
        WebElement callers = waitFor(By.cssSelector("#photo-list li[data-kind='CALLER'] button.photo img"));
        assertThat(callers.getDomAttribute("alt")).startsWith("来电人发来的照片，第 1 张，共 1 张").endsWith("查看大图");
        assertThat(callers.getDomProperty("src")).startsWith("data:image/jpeg");
        browser.findElement(By.cssSelector("#photo-list li[data-kind='CALLER'] button.photo")).sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("dialog#photo-view[open] #photo-full"));
        assertThat(browser.findElement(By.id("photo-full")).getDomProperty("src")).startsWith("data:image/jpeg");
        assertThat(browser.findElement(By.id("photo-full")).getDomAttribute("alt")).startsWith("来电人发来的照片");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("photo-close");
        assertThat(text("photo-close")).isEqualTo("关闭大图");
        Accessibility.assertNoSeriousViolations(browser, "workbench, a photo full size");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitUntil(() -> browser.findElements(By.cssSelector("dialog#photo-view[open]")).isEmpty());
        waitUntil(() -> "CALLER".equals(browser.switchTo().activeElement().findElement(By.xpath(".."))
                .getDomAttribute("data-kind")));

        browser.findElement(By.id("accept")).click();
        waitUntil(() -> byTestId("detail-status").getText().equals("办理中"));
        type("progress-text", "已联系店主，今晚派人到场");
        browser.findElement(By.id("progress")).click();
        waitUntil(() -> text("timeline").contains("已联系店主"));
        // a file that is no picture is refused in words, by the problem's code, and nothing is added
        Path notes = data.resolve("notes.txt");
        Files.writeString(notes, "只是一段文字");
        browser.findElement(By.id("photo-before")).sendKeys(notes.toString());
        waitUntil(() -> text("photo-before-problem").equals("“notes.txt”未能添加：不是 JPG、PNG 或 WebP 图片"));
        assertThat(browser.findElement(By.id("photo-before")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#photo-list li"))).hasSize(1);
        // the photo of the place after the work goes with the resolution
        Path after = data.resolve("after.jpg");
        Files.write(after, jpeg(new java.awt.Color(70, 130, 180)));
        browser.findElement(By.id("photo-after")).sendKeys(after.toString());
        WebElement added = waitFor(By.cssSelector("#photo-list li[data-kind='AFTER'] button.photo img"));
        assertThat(added.getDomAttribute("alt")).startsWith("办理后的现场照片，第 2 张，共 2 张");
        assertThat(text("photo-after-status")).isEqualTo("已添加办理后的现场照片“after.jpg”。");
        screenshot("workbench");
        Accessibility.assertNoSeriousViolations(browser, "workbench");
        assertNoAccessibilityViolations("workbench with photos");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> waitFor(By.cssSelector("#photo-list li[data-kind='AFTER'] img")).getDomAttribute("alt")
                .startsWith("After the work photo 2 of 2"));
        assertThat(browser.findElement(By.cssSelector("#photo-list li[data-kind='CALLER'] img"))
                .getDomAttribute("alt")).startsWith("The caller's photo 1 of 2").endsWith("opens full size");
        assertThat(text("photo-before-problem")).isEqualTo("“notes.txt” was not added: it is not a JPG, PNG or "
                + "WebP image");
        screenshot("workbench-photos-en");
        assertNoAccessibilityViolations("workbench with photos, in English");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("photo-after-status").startsWith("已添加"));

        // a half-written reply survives a reload of the page
        type("resolve-reply", "已责令店主22点后停止露天经营并关闭音响");
        browser.navigate().refresh();
        waitUntil(() -> byTestId("detail-number").getText().equals(ticketNumber));
        waitUntil(() -> value("resolve-reply").equals("已责令店主22点后停止露天经营并关闭音响"));
        browser.findElement(By.id("resolve")).click();
        confirm();
        waitUntil(() -> byTestId("detail-status").getText().equals("已办结待评价"));
        assertThat(byTestId("detail-reply").getText()).isEqualTo("已责令店主22点后停止露天经营并关闭音响");
        waitUntil(() -> browser.findElements(By.cssSelector("#queue tr[data-ticket='" + ticketNumber + "']"))
                .isEmpty());
        // the ticket's photos as intake lists them: what the caller sent and the unit's after its work
        List<String> kinds = new java.util.ArrayList<>();
        JSON.readTree(get("intake", "/api/v1/intake/tickets/" + ticketId + "/photos", token("supervisor")).body())
                .forEach(listed -> kinds.add(listed.get("kind").asString()));
        assertThat(kinds).containsExactly("CALLER", "AFTER");
        signOut();
    }

    @Test
    @Order(3)
    void theGasCompanyFindsTheLeakCallsTheCallerBackAndReturnsIt() throws Exception {
        HttpResponse<String> registered = post("intake", "/api/v1/calls", """
                {"callerPhone":"139 0851 6060","callerName":"王女士","description":"楼道里燃气泄漏，煤气味很重",
                 "address":"云岩区中华北路26号3单元","location":{"lat":26.5790,"lon":106.7140},
                 "category":"GAS_SUPPLY"}""", token("operator"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        gasLeakId = JSON.readTree(registered.body()).get("ticketId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "GAS_CO".equals(JSON.readTree(get("routing",
                "/api/v1/tickets/" + gasLeakId, token("supervisor")).body()).path("unitId").asString()));
        gasLeakNumber = number(gasLeakId);
        assertThat(get("routing", "/api/v1/tickets?list=open", token("unit:GAS_CO")).body())
                .doesNotContain("6060", "王女士");

        signIn(stack.url("routing") + "/workbench", "unit-gas_co");
        WebElement row = waitFor(By.cssSelector("#queue tr[data-ticket='" + gasLeakNumber + "']"));
        row.findElement(By.cssSelector("button.open-ticket")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(gasLeakNumber));
        assertThat(byTestId("detail-address").getText()).contains("中华北路26号3单元");
        WebElement point = waitFor(By.cssSelector("#map [data-testid='map-point']"));
        assertThat(point.getDomAttribute("data-lat")).startsWith("26.579");

        // the caller's number only on request, and the reveal is recorded with who and when
        browser.findElement(By.id("call-citizen")).click();
        confirm();
        assertThat(waitFor(By.id("caller-phone")).getDomAttribute("href")).isEqualTo("tel:+8613908516060");
        JsonNode reveals = JSON.readTree(get("routing", "/api/v1/tickets/" + gasLeakId + "/caller-reveals",
                token("supervisor")).body());
        assertThat(reveals.size()).isEqualTo(1);
        assertThat(reveals.get(0).get("unitId").asString()).isEqualTo("GAS_CO");
        assertThat(reveals.get(0).get("at").asString()).isNotBlank();
        screenshot("workbench-gas-leak");

        // a return reads as done: the ticket leaves the queue, the reason goes with it
        new Select(browser.findElement(By.id("reject-code"))).selectByValue("NOT_OURS");
        type("reject-text", "户内燃气管道属物业维修范围，请转物业");
        browser.findElement(By.id("reject")).click();
        confirm();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), "已退单"));
        assertThat(text("status")).contains(gasLeakNumber);
        waitUntil(() -> browser.findElements(By.cssSelector("#queue tr[data-ticket='" + gasLeakNumber + "']"))
                .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#problem.error"))).allMatch(e -> e.getText().isBlank());
        assertThat(browser.findElements(By.id("reject"))).noneMatch(WebElement::isDisplayed);
        signOut();
    }

    @Test
    @Order(4)
    void theCitizensReplyClosesIt() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(get("notification",
                "/api/v1/notifications?ticketId=" + ticketId, token("supervisor")).body()).size() >= 3);
        String reply = "{\"messageId\":\"reply-pages\",\"from\":\"+8613908512345\",\"text\":\"1 满意\"}";
        String sentAt = String.valueOf(Instant.now().getEpochSecond());
        HttpResponse<String> answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.url("notification") + "/api/v1/sms/inbound"))
                .header("Content-Type", "application/json").header("X-Timestamp", sentAt)
                .header("X-Signature", Webhooks.sign(stack.webhookSecret(), sentAt + "\n" + reply))
                .POST(HttpRequest.BodyPublishers.ofString(reply, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.body()).contains("FEEDBACK");
        await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(get("routing", "/api/v1/tickets/" + ticketId,
                token("supervisor")).body()).path("status").asString().equals("CLOSED"));
    }

    @Test
    @Order(5)
    void theSupervisorsDeskShowsItsTimelineItsRepeatAndEveryText() throws Exception {
        // received, assigned, resolved, closed at least; a text sent meanwhile shows too. The closing text follows
        // the close by a consumer's fetch, so it is waited for rather than expected the moment the ticket closes
        int texts = await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(get("notification",
                "/api/v1/notifications?ticketId=" + ticketId, token("supervisor")).body()).size(), count -> count >= 4);
        // a supervisor opens a ticket by the number the citizen reads out
        signIn(stack.url("routing") + "/desk#ticket=" + ticketNumber, "supervisor-01");
        waitUntil(() -> byTestId("detail-number").getText().equals(ticketNumber));
        assertThat(byTestId("detail-status").getText()).isEqualTo("已归档");
        assertThat(text("timeline")).contains("受理", "派给", "签收", "已联系店主", "办结", "归档");
        waitUntil(() -> browser.findElements(By.cssSelector("#texts tbody tr[data-trigger]")).size() >= texts);
        assertThat(text("texts")).contains(ticketNumber);
        assertThat(waitFor(By.cssSelector("[data-testid='linked-" + repeatNumber + "']")).getText())
                .contains("重复来电");
        // found by its number, it is listed as what was looked for
        assertThat(browser.findElement(By.cssSelector("#tabs button.chosen")).getText()).contains("查找结果");
        assertThat(browser.findElement(By.cssSelector("#queue tbody tr[data-ticket='" + ticketNumber + "']"))
                .getText()).contains("已归档");
        // the same photos, to look at only
        waitUntil(() -> browser.findElements(By.cssSelector("#photo-list li button.photo img")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("#photo-list li")).stream()
                .map(item -> item.getDomAttribute("data-kind")).toList()).containsExactly("CALLER", "AFTER");
        assertThat(browser.findElements(By.cssSelector("#detail input[type='file']"))).isEmpty();
        screenshot("desk");
        Accessibility.assertNoSeriousViolations(browser, "desk");

        // closed tickets stay findable: by the caller's number, and in the list of finished ones
        type("search", "13908512345");
        browser.findElement(By.id("search-go")).click();
        waitFor(By.cssSelector("#queue tbody tr[data-ticket='" + ticketNumber + "']"));
        waitFor(By.cssSelector("#queue tbody tr[data-ticket='" + repeatNumber + "']"));
        browser.findElement(By.cssSelector("#tabs button[data-list='done']")).click();
        waitFor(By.cssSelector("#queue tbody tr[data-ticket='" + ticketNumber + "']"));

        // the returned gas leak waits for the centre with the gas company's reason, in the list and the timeline
        browser.findElement(By.cssSelector("#tabs button[data-list='returned']")).click();
        WebElement returned = waitFor(By.cssSelector("#queue tbody tr[data-ticket='" + gasLeakNumber + "']"));
        assertThat(returned.getText()).contains("户内燃气管道属物业维修范围");
        returned.findElement(By.cssSelector("button.open-ticket")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(gasLeakNumber));
        waitFor(By.cssSelector("#timeline li[data-kind='returned']"));
        assertThat(text("timeline")).contains("退单", "户内燃气管道属物业维修范围");
        assertThat(byTestId("detail-why").getText()).doesNotContain("category=", "gas-leak-urgent");
        waitFor(By.cssSelector("#timeline li[data-kind='revealed']"));
        screenshot("desk-returned");

        // the centre upholds the return with its reason: the leak goes to the unit it names, not back to the gas company
        waitFor(By.id("review-box"));
        new Select(browser.findElement(By.id("review-unit"))).selectByValue("HOUSING");
        type("review-reason", "户内管道维修属物业，由住建部门督促");
        browser.findElement(By.id("uphold-return")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode leak = JSON.readTree(get("routing", "/api/v1/tickets/" + gasLeakId, token("supervisor")).body());
            return "ASSIGNED".equals(leak.path("status").asString())
                    && "HOUSING".equals(leak.path("unitId").asString());
        });
        waitUntil(() -> browser.findElement(By.id("review-box")).getDomAttribute("hidden") != null);

        browser.get(stack.url("routing") + "/desk#ticket=" + ticketNumber);
        waitUntil(() -> byTestId("detail-number").getText().equals(ticketNumber));
        browser.findElement(By.id("language")).click();
        waitUntil(() -> byTestId("detail-status").getText().equals("closed"));
        assertThat(text("timeline")).contains("Received", "Signed for", "Closed");
        Accessibility.assertNoSeriousViolations(browser, "desk in English");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> byTestId("detail-status").getText().equals("已归档"));
        signOut();
    }

    @Test
    @Order(6)
    void theDashboardCountsItAndRenewsItsSessionBeforeTheTokenExpires() throws Exception {
        signIn(stack.url("analytics") + "/dashboard", "analyst-01");
        waitUntil(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        JsonNode overview = JSON.readTree(get("analytics", "/api/v1/analytics/overview", token("analyst")).body());
        // the city's today: both calls, unless the city's midnight fell between them and this
        assertThat(byTestId("today-received").getText()).isEqualTo(overview.get("received").asString());
        assertThat(byTestId("today-resolved").getText()).isEqualTo(overview.get("resolved").asString());
        screenshot("dashboard");
        Accessibility.assertNoSeriousViolations(browser, "dashboard");

        String first = accessToken();
        await().atMost(Duration.ofSeconds(40)).until(() -> !accessToken().equals(first));
        browser.findElement(By.cssSelector("#range button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), "数据范围"));
        assertThat(byTestId("today-received").getText()).isEqualTo(overview.get("received").asString());
        signOut();
    }

    @Test
    @Order(7)
    void aGridWorkerSettlesOneTicketOnTheSpotHandsAnotherUpAndReportsFromThePhonesLocationAsALiaisonDoes()
            throws Exception {
        // two property complaints in grid YY-04, far enough apart to be two incidents: the rules send both to the
        // grid's own worker
        String settled = call("139 0851 3001", "楼道里的灯坏了，物业一直没来修", "云岩区中华北路5号2栋", 26.5720, 106.7120);
        String handedUp = call("139 0851 3002", "小区电梯经常停运，物业不管", "云岩区中华北路40号", 26.5780, 106.7180);
        for (String id : List.of(settled, handedUp)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "GRID:YY-04".equals(JSON.readTree(get("routing",
                    "/api/v1/tickets/" + id, token("supervisor")).body()).path("unitId").asString()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(get("notification",
                "/api/v1/notifications?ticketId=" + settled, token("supervisor")).body()).toString()
                .contains("YY-04网格员"));

        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", stack.url("intake"),
                "permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 26.5785,
                "longitude", 106.7135, "accuracy", 15));
        browser.manage().window().setSize(new Dimension(412, 915));
        try {
            signIn(stack.url("intake") + "/grid", "grid-worker-01");
            WebElement first = waitFor(By.cssSelector("#tickets article[data-ticket='" + number(settled) + "']"));
            assertThat(first.getText()).contains("物业管理", "楼道里的灯坏了", "剩余");
            assertThat(first.findElement(By.cssSelector("dd.address")).getText()).contains("中华北路5号2栋");
            first.findElement(By.cssSelector("button.show-on-map")).click();
            waitFor(By.cssSelector("#map circle.ticket-point[data-ticket='" + number(settled) + "']"));
            screenshot("grid");
            Accessibility.assertNoSeriousViolations(browser, "grid");

            // the page reads its list again every 30 s; what the worker is typing stays as it is
            WebElement note = first.findElement(By.tagName("textarea"));
            note.sendKeys("已协调物业当场");
            String loads = browser.findElement(By.id("tickets")).getDomAttribute("data-loads");
            new WebDriverWait(browser, Duration.ofSeconds(45)).until(driver -> !String.valueOf(loads)
                    .equals(driver.findElement(By.id("tickets")).getDomAttribute("data-loads")));
            assertThat(note.getDomProperty("value")).isEqualTo("已协调物业当场");
            assertThat(browser.switchTo().activeElement()).isEqualTo(note);
            note.sendKeys("更换灯泡");
            first.findElement(By.cssSelector("button.settle")).click();
            confirm();
            await().atMost(Duration.ofSeconds(20)).until(() -> "RESOLVED".equals(JSON.readTree(get("routing",
                    "/api/v1/tickets/" + settled, token("supervisor")).body()).path("status").asString()));
            WebElement second = waitFor(By.cssSelector("#tickets article[data-ticket='" + number(handedUp) + "']"));
            second.findElement(By.tagName("textarea")).sendKeys("电梯需住建部门督促维保单位检修");
            second.findElement(By.cssSelector("button.hand-up")).click();
            confirm();
            await().atMost(Duration.ofSeconds(20)).until(() -> "HOUSING".equals(JSON.readTree(get("routing",
                    "/api/v1/tickets/" + handedUp, token("supervisor")).body()).path("unitId").asString()));
            waitUntil(() -> browser.findElements(By.cssSelector("#tickets article")).isEmpty());

            browser.findElement(By.id("locate")).click();
            waitUntil(() -> "YY-04".equals(browser.findElement(By.id("place")).getDomAttribute("data-grid")));
            assertThat(text("place")).contains("云岩区", "YY-04", "15 米");
            type("description", "中华北路人行道井盖缺失，很危险");
            waitUntil(() -> !text("suggested").isEmpty());
            browser.findElement(By.id("send")).click();
            String reported = waitFor(By.cssSelector("#receipt:not([hidden]) #ticket-number")).getText();
            String id = browser.findElement(By.id("receipt")).getDomAttribute("data-ticket-id");
            JsonNode stored = JSON.readTree(get("intake", "/api/v1/intake/tickets/" + id, token("operator")).body());
            assertThat(stored.get("ticketNumber").asString()).isEqualTo(reported);
            assertThat(stored.get("channel").asString()).isEqualTo("GRID");
            await().atMost(Duration.ofSeconds(30)).until(() -> "YY-04".equals(JSON.readTree(get("routing",
                    "/api/v1/tickets/" + id, token("supervisor")).body()).path("gridId").asString()));
            signOut();

            // a household liaison reports on the same page, as a channel of its own, and is sent no tickets
            signIn(stack.url("intake") + "/grid", "liaison-01");
            assertThat(browser.findElement(By.id("mine")).isDisplayed()).isFalse();
            // a point in another grid than the liaison's own is refused before anything is sent
            browser.findElement(By.cssSelector("#map [data-testid='grid-YY-01']")).click();
            waitUntil(() -> "YY-01".equals(browser.findElement(By.id("place")).getDomAttribute("data-grid")));
            type("description", "5号楼独居老人家中停水两天，需要帮助");
            browser.findElement(By.id("send")).click();
            assertThat(waitFor(By.cssSelector("#status.error")).getText())
                    .isEqualTo("该位置在 YY-01 网格，您负责的是 YY-04 网格：请上报本网格内的问题");
            assertThat(browser.findElement(By.id("receipt")).getDomAttribute("hidden")).isNotNull();
            browser.findElement(By.cssSelector("#map [data-testid='grid-YY-04']")).click();
            waitUntil(() -> "YY-04".equals(browser.findElement(By.id("place")).getDomAttribute("data-grid")));
            browser.findElement(By.id("send")).click();
            waitFor(By.cssSelector("#receipt:not([hidden]) #ticket-number"));
            String forHousehold = browser.findElement(By.id("receipt")).getDomAttribute("data-ticket-id");
            assertThat(JSON.readTree(get("intake", "/api/v1/intake/tickets/" + forHousehold, token("operator"))
                    .body()).get("channel").asString()).isEqualTo("LIAISON");
            signOut();
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1100));
        }
    }

    private static String call(String phone, String words, String address, double lat, double lon)
            throws Exception {
        HttpResponse<String> registered = post("intake", "/api/v1/calls", """
                {"callerPhone":"%s","description":"%s","address":"%s","location":{"lat":%s,"lon":%s},
                 "category":"PROPERTY_MANAGEMENT"}""".formatted(phone, words, address, lat, lon), token("operator"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        return JSON.readTree(registered.body()).get("ticketId").asString();
    }

    private static String number(String ticketId) throws Exception {
        return JSON.readTree(get("routing", "/api/v1/tickets/" + ticketId, token("supervisor")).body())
                .get("ticketNumber").asString();
    }

    @Test
    @Order(8)
    void aPersonWithoutTheRoleIsToldSoAWrongPasswordIsRefusedAndALinkCarriesNoToken() {
        forgetEveryone();
        // a token in a link does not sign anyone in where people sign in at the provider
        browser.get(stack.url("routing") + "/desk#token=" + token("supervisor"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");
        browser.get(stack.url("routing") + "/desk");
        waitFor(By.id("username"));
        Accessibility.assertNoSeriousViolations(browser, "sign-in");
        browser.findElement(By.id("username")).sendKeys("operator-01");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("sign-in")).click();
        assertThat(waitFor(By.cssSelector("#notice.error")).getText()).isEqualTo("用户名或密码不正确。");
        browser.findElement(By.id("username")).sendKeys("operator-01");
        browser.findElement(By.id("password")).sendKeys(stack.demoPassword());
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), "没有使用本页面的角色"));
        assertThat(browser.findElement(By.id("desk")).isDisplayed()).isFalse();
        signOut();
    }

    /**
     * The citizen opens the link of their receipt text on a phone: where the ticket stands, who has it and its steps,
     * in Chinese and then in English, which the page remembers; once the unit answered, they rate it with the
     * keyboard alone, and the ticket closes. A wrong token finds nothing, as an unknown number does, and the token
     * is in no address the page asks for.
     */
    @Test
    @Order(9)
    void theCitizenFollowsTheLinkInTheirTextOnAPhoneAndRatesTheAnswerWithTheKeyboardAlone() throws Exception {
        HttpResponse<String> registered = post("intake", "/api/v1/calls", """
                {"callerPhone":"139 0851 4455","description":"小区门口的水管漏水，一直在冒水","address":"南明区花果园大街1号",
                 "location":{"lat":26.5650,"lon":106.7050},"category":"WATER_SUPPLY"}""", token("operator"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        String id = JSON.readTree(registered.body()).get("ticketId").asString();
        String number = JSON.readTree(registered.body()).get("ticketNumber").asString();
        java.util.regex.Pattern linkInText = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                stack.url("intake")) + "/t/" + number + "\\.([A-Za-z0-9_-]{16})");
        // the link as the citizen's phone shows it, in the receipt text the stack sent
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("notification",
                "/api/v1/sms-outbox?ticketId=" + id, token("supervisor")).body()).containsPattern(linkInText));
        java.util.regex.Matcher found = linkInText.matcher(get("notification", "/api/v1/sms-outbox?ticketId=" + id,
                token("supervisor")).body());
        assertThat(found.find()).isTrue();
        String link = found.group();
        String followToken = link.substring(link.lastIndexOf('.') + 1);
        // intake's view, which the look-up reads, has heard of the assignment (each look-up counts against the
        // address's limit, so the page is opened once it has)
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get("intake", "/api/v1/intake/tickets/" + id,
                token("operator")).body()).path("status").asString().equals("ASSIGNED"));
        String unit = JSON.readTree(get("routing", "/api/v1/tickets/" + id, token("supervisor")).body())
                .get("unitId").asString();
        HttpResponse<String> page = get("intake", link.substring(stack.url("intake").length()), null);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        Path shots = Path.of("/tmp/h5-shots");
        Files.createDirectories(shots);

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(link);
            browser.executeScript("localStorage.setItem('hub.language', 'zh')");
            browser.navigate().refresh();
            waitUntil(() -> text("stage").startsWith("已转") && text("stage").endsWith("办理"));
            String unitName = text("unit");
            assertThat(unitName).isNotBlank();
            assertThat(text("stage")).isEqualTo("已转" + unitName + "办理");
            assertThat(text("ticket-number")).isEqualTo(number);
            assertThat(text("timeline")).contains("热线受理", "转承办单位办理");
            assertThat(text("due")).isNotBlank();
            assertThat(browser.findElement(By.id("rating")).isDisplayed()).isFalse();
            assertNoAccessibilityViolations("follow page");
            screenshot("follow-zh");
            Files.copy(Path.of("target/pages/follow-zh.png"), shots.resolve("follow-zh.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // English, remembered when the page is opened again
            browser.findElement(By.id("language")).sendKeys(Keys.ENTER);
            waitUntil(() -> text("stage").equals("Assigned to " + unitName));
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            assertThat(text("timeline")).contains("Received by the hotline", "Passed to the unit");
            assertNoAccessibilityViolations("follow page in English");
            screenshot("follow-en");
            Files.copy(Path.of("target/pages/follow-en.png"), shots.resolve("follow-en.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            browser.navigate().refresh();
            waitUntil(() -> text("stage").equals("Assigned to " + unitName));
            browser.findElement(By.id("language")).click();
            waitUntil(() -> text("stage").startsWith("已转"));

            // the unit answers; the page shows the answer and asks for a rating
            assertThat(post("routing", "/api/v1/tickets/" + id + "/accept", "", token("unit:" + unit)).statusCode())
                    .isEqualTo(200);
            // with a photo of the place after its work, which the citizen's page shows
            assertThat(photo(id, "AFTER", token("unit:" + unit), new java.awt.Color(70, 130, 180)).statusCode())
                    .isEqualTo(201);
            assertThat(post("routing", "/api/v1/tickets/" + id + "/resolve",
                    "{\"result\":\"SOLVED\",\"reply\":\"漏水的阀门已更换，供水正常。\"}", token("unit:" + unit))
                    .statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get("intake",
                    "/api/v1/intake/tickets/" + id, token("operator")).body()).path("status").asString()
                    .equals("RESOLVED"));
            browser.navigate().refresh();
            waitFor(By.cssSelector("#rating:not([hidden])"));
            assertThat(text("stage")).isEqualTo(unitName + "已答复");
            assertThat(text("reply")).isEqualTo("漏水的阀门已更换，供水正常。");
            assertThat(text("timeline")).contains("承办单位签收", "承办单位答复");
            WebElement thumbnail = waitFor(By.cssSelector("#after-photos:not([hidden]) #after-photo-list img"));
            assertThat(thumbnail.getDomAttribute("alt")).contains(unitName, "办理后的现场照片");
            assertThat(thumbnail.getDomProperty("src")).startsWith("data:image/jpeg");
            assertNoAccessibilityViolations("follow page with its rating");
            // the photo full size from the keyboard, and back
            browser.findElement(By.cssSelector("#after-photo-list button.photo")).sendKeys(Keys.ENTER);
            waitFor(By.cssSelector("dialog#photo-view[open] #photo-full"));
            assertThat(browser.findElement(By.id("photo-full")).getDomProperty("src")).startsWith("data:image/jpeg");
            assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("photo-close");
            assertThat(text("photo-close")).isEqualTo("关闭大图");
            screenshot("follow-after-photo");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            waitUntil(() -> browser.findElements(By.cssSelector("dialog#photo-view[open]")).isEmpty());

            // the keyboard alone: Tab to the first question, Space to answer, arrows within a question
            browser.executeScript("document.activeElement && document.activeElement.blur()");
            for (int tabs = 0; tabs < 20 && !"solved".equals(browser.switchTo().activeElement()
                    .getDomAttribute("name")); tabs++) {
                browser.switchTo().activeElement().sendKeys(Keys.TAB);
            }
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getDomAttribute("name")).isEqualTo("solved");
            focused.sendKeys(Keys.SPACE);
            focused.sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
            assertThat(focused.getDomAttribute("value")).isEqualTo("SATISFIED");
            focused.sendKeys(Keys.ARROW_DOWN);
            assertThat(browser.switchTo().activeElement().getDomAttribute("value")).isEqualTo("BASICALLY_SATISFIED");
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("comment");
            browser.switchTo().activeElement().sendKeys("师傅来得很快");
            screenshot("follow-rating-zh");
            Files.copy(Path.of("target/pages/follow-rating-zh.png"), shots.resolve("follow-rating-zh.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("send-rating");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            waitUntil(() -> "rated-heading".equals(browser.switchTo().activeElement().getDomAttribute("id")));
            assertThat(text("rated")).contains("感谢您的评价", "工单将办结");
            await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get("routing", "/api/v1/tickets/" + id,
                    token("supervisor")).body()).path("status").asString().equals("CLOSED"));
            waitUntil(() -> text("stage").equals("已办结"));
            assertNoAccessibilityViolations("follow page once rated");
            screenshot("follow-rated-zh");
            Files.copy(Path.of("target/pages/follow-rated-zh.png"), shots.resolve("follow-rated-zh.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // the token went in request bodies only, and no address the page asked for carries it
            List<?> asked = (List<?>) browser.executeScript(
                    "return performance.getEntriesByType('resource').map(entry => entry.name)");
            assertThat(asked).isNotEmpty().allSatisfy(address -> assertThat(address.toString())
                    .doesNotContain(followToken));

            // a wrong token reads as an unknown number does
            browser.get(stack.url("intake") + "/t/" + number + ".AAAAAAAAAAAAAAAA");
            waitFor(By.cssSelector("#not-found:not([hidden])"));
            String wrong = text("not-found");
            assertThat(browser.findElements(By.cssSelector("#ticket:not([hidden])"))).isEmpty();
            browser.get(stack.url("intake") + "/t/12345-19990101-0001." + followToken);
            waitFor(By.cssSelector("#not-found:not([hidden])"));
            assertThat(text("not-found")).isEqualTo(wrong).contains("未找到该工单");
            assertNoAccessibilityViolations("follow page of a wrong link");
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1100));
        }
    }

    @Test
    @Order(10)
    void aUnitAsksForMoreTimeTheCentreApprovesAndTheUnitSeesTheAnswer() throws Exception {
        HttpResponse<String> registered = post("intake", "/api/v1/calls", """
                {"callerPhone":"139 0851 7070","description":"小区二次供水水箱漏水，楼下整天停水",
                 "address":"云岩区中华北路30号","location":{"lat":26.5795,"lon":106.7142},
                 "category":"WATER_SUPPLY"}""", token("operator"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        String leakId = JSON.readTree(registered.body()).get("ticketId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "ASSIGNED".equals(JSON.readTree(get("routing",
                "/api/v1/tickets/" + leakId, token("supervisor")).body()).path("status").asString()));
        JsonNode assigned = JSON.readTree(get("routing", "/api/v1/tickets/" + leakId, token("supervisor")).body());
        String unit = assigned.get("unitId").asString();
        String leakNumber = assigned.get("ticketNumber").asString();
        Instant resolveBy = Instant.parse(assigned.get("resolveBy").asString());

        // the unit signs for it and asks for ten more days, beyond what the city lets it take alone
        signIn(stack.url("routing") + "/workbench", "unit-" + unit.toLowerCase(Locale.ROOT));
        waitFor(By.cssSelector("#queue tr[data-ticket='" + leakNumber + "'] button.open-ticket"))
                .sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(leakNumber));
        browser.findElement(By.id("accept")).click();
        waitUntil(() -> byTestId("detail-status").getText().startsWith("办理中"));
        Instant asked = resolveBy.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        browser.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
                browser.findElement(By.id("extend-to")), LocalDateTime.ofInstant(asked, ZoneOffset.UTC).toString());
        type("extend-reason", "水箱需整体更换，厂家供货需十天");
        browser.findElement(By.id("extend")).click();
        waitUntil(() -> text("status").contains("中心审批"));
        waitUntil(() -> text("standing-lines").contains("等待中心审批"));
        assertThat(JSON.readTree(get("routing", "/api/v1/tickets/" + leakId, token("supervisor")).body())
                .get("resolveBy").asString()).as("the deadline runs while the centre decides")
                .isEqualTo(assigned.get("resolveBy").asString());
        screenshot("workbench-extension-asked");
        signOut();

        // the centre finds it among the requests to review and approves it with its reason
        signIn(stack.url("routing") + "/desk", "supervisor-01");
        browser.findElement(By.cssSelector("#tabs button[data-list='extensions']")).click();
        WebElement waiting = waitFor(By.cssSelector("#queue tbody tr[data-ticket='" + leakNumber + "']"));
        assertThat(waiting.getText()).contains("水箱需整体更换");
        waiting.findElement(By.cssSelector("button.open-ticket")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(leakNumber));
        assertThat(waitFor(By.id("extension-box")).isDisplayed()).isTrue();
        assertThat(byTestId("extension-request").getText()).contains("水箱需整体更换");
        Accessibility.assertNoSeriousViolations(browser, "desk, more time to decide");
        type("extension-reason", "同意，请按期更换并告知居民");
        browser.findElement(By.id("approve-extension")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> asked.equals(Instant.parse(JSON.readTree(get("routing",
                "/api/v1/tickets/" + leakId, token("supervisor")).body()).get("resolveBy").asString())));
        waitUntil(() -> browser.findElement(By.id("extension-box")).getDomAttribute("hidden") != null);
        screenshot("desk-extension-approved");
        signOut();

        // the unit reads the centre's answer beside the ticket
        signIn(stack.url("routing") + "/workbench", "unit-" + unit.toLowerCase(Locale.ROOT));
        waitFor(By.cssSelector("#queue tr[data-ticket='" + leakNumber + "'] button.open-ticket"))
                .sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(leakNumber));
        waitUntil(() -> text("standing-lines").contains("中心同意延期"));
        assertThat(text("standing-lines")).contains("同意，请按期更换并告知居民");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("standing-lines").contains("The centre approved more time"));
        Accessibility.assertNoSeriousViolations(browser, "workbench, more time approved, in English");
        browser.findElement(By.id("language")).click();
        signOut();
    }

    /**
     * A ticket no rule of the city covers, dispatched by the centre on the desk with a supporting unit (协办): the lead
     * returns it, the centre rejects the return with its reason, and the lead finds it back in its workbench with that
     * reason, in both languages; it signs for it and cannot resolve it while the supporting unit's part is open.
     */
    @Test
    @Order(11)
    void theCentreDispatchesATicketWithASupportingUnitAndRejectsTheLeadsReturn() throws Exception {
        HttpResponse<String> registered = post("intake", "/api/v1/calls", """
                {"callerPhone":"139 0851 8080","description":"小区门口流动摊贩占道经营，还在卖没有证照的卤味熟食",
                 "address":"南明区花果园大街9号","location":{"lat":26.5660,"lon":106.7060},
                 "category":"OTHER"}""", token("operator"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        stallId = JSON.readTree(registered.body()).get("ticketId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "TRIAGE".equals(JSON.readTree(get("routing",
                "/api/v1/tickets/" + stallId, token("supervisor")).body()).path("status").asString()));
        stallNumber = number(stallId);
        // the caller sent a photo of the stall, which the supporting unit will see with its part
        assertThat(photo(stallId, "CALLER", token("operator"), new java.awt.Color(90, 140, 60)).statusCode())
                .isEqualTo(201);

        // the centre sends it to the city management bureau, with the market regulator supporting
        signIn(stack.url("routing") + "/desk", "supervisor-01");
        browser.findElement(By.cssSelector("#tabs button[data-list='triage']")).click();
        waitFor(By.cssSelector("#queue tbody tr[data-ticket='" + stallNumber + "'] button.open-ticket"))
                .sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(stallNumber));
        assertThat(waitFor(By.id("dispatch-box")).isDisplayed()).isTrue();
        new Select(browser.findElement(By.id("dispatch-unit"))).selectByValue("URBAN_MGMT");
        new Select(browser.findElement(By.id("dispatch-co"))).selectByValue("MARKET_REG");
        type("dispatch-reason", "占道经营由城管主办，无证食品请市场监管协办");
        Accessibility.assertNoSeriousViolations(browser, "desk, dispatching with a supporting unit");
        browser.findElement(By.id("dispatch")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode stall = JSON.readTree(get("routing", "/api/v1/tickets/" + stallId, token("supervisor")).body());
            return "ASSIGNED".equals(stall.path("status").asString())
                    && "URBAN_MGMT".equals(stall.path("unitId").asString())
                    && "MARKET_REG".equals(stall.path("parts").path(0).path("unitId").asString());
        });
        WebElement part = waitFor(By.cssSelector("[data-testid='part-MARKET_REG']"));
        assertThat(part.getText()).contains("贵阳市市场监督管理局", "待签收");
        waitUntil(() -> !browser.findElement(By.id("dispatch-box")).isDisplayed());
        screenshot("desk-dispatched-with-support");
        signOut();

        // the lead sees its supporting unit, and returns the ticket all the same
        signIn(stack.url("routing") + "/workbench", "unit-urban_mgmt");
        waitFor(By.cssSelector("#queue tr[data-ticket='" + stallNumber + "'] button.open-ticket"))
                .sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(stallNumber));
        assertThat(waitFor(By.cssSelector("[data-testid='lead-part-MARKET_REG']")).getText()).contains("待签收");
        new Select(browser.findElement(By.id("reject-code"))).selectByValue("NOT_OURS");
        type("reject-text", "无证食品属市场监管职责，请改派市场监管局");
        browser.findElement(By.id("reject")).click();
        confirm();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), "等待中心审核"));
        waitFor(By.cssSelector("#reviewing tr[data-ticket='" + stallNumber + "']"));
        assertThat(JSON.readTree(get("routing", "/api/v1/tickets/" + stallId, token("supervisor")).body())
                .get("status").asString()).isEqualTo("RETURN_REVIEW");
        signOut();

        // the centre finds the return among those to review and rejects it with its reason
        signIn(stack.url("routing") + "/desk", "supervisor-01");
        browser.findElement(By.cssSelector("#tabs button[data-list='reviews']")).click();
        WebElement waiting = waitFor(By.cssSelector("#queue tbody tr[data-ticket='" + stallNumber + "']"));
        assertThat(waiting.getText()).contains("无证食品属市场监管职责");
        waiting.findElement(By.cssSelector("button.open-ticket")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(stallNumber));
        waitFor(By.id("review-box"));
        waitFor(By.cssSelector("#timeline li[data-kind='returned']"));
        type("review-reason", "占道经营属城管权责清单第12项，由城管主办、市场监管协办");
        Accessibility.assertNoSeriousViolations(browser, "desk, a return to review");
        browser.findElement(By.id("reject-return")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode stall = JSON.readTree(get("routing", "/api/v1/tickets/" + stallId, token("supervisor")).body());
            return "ASSIGNED".equals(stall.path("status").asString())
                    && "URBAN_MGMT".equals(stall.path("unitId").asString());
        });
        waitUntil(() -> browser.findElement(By.id("review-box")).getDomAttribute("hidden") != null);
        waitUntil(() -> text("status").contains("已驳回退单"));
        waitFor(By.cssSelector("#timeline li[data-kind='review']"));
        assertThat(text("timeline")).contains("中心驳回退单", "占道经营属城管权责清单第12项");
        screenshot("desk-return-rejected");
        signOut();

        // the lead has it back, with the centre's reason, and signs for it; the resolution waits for the part
        signIn(stack.url("routing") + "/workbench", "unit-urban_mgmt");
        waitFor(By.cssSelector("#queue tr[data-ticket='" + stallNumber + "'] button.open-ticket"))
                .sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(stallNumber));
        waitUntil(() -> text("standing-lines").contains("中心驳回了本单位的退单"));
        assertThat(text("standing-lines")).contains("占道经营属城管权责清单第12项");
        assertThat(byTestId("detail-status").getText()).startsWith("待签收");
        Accessibility.assertNoSeriousViolations(browser, "workbench, a return rejected");
        screenshot("workbench-return-rejected");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("standing-lines").contains("The centre rejected your return"));
        Accessibility.assertNoSeriousViolations(browser, "workbench, a return rejected, in English");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("standing-lines").contains("中心驳回了本单位的退单"));
        browser.findElement(By.id("accept")).click();
        waitUntil(() -> byTestId("detail-status").getText().equals("办理中"));
        waitUntil(() -> text("lead-parts-wait").contains("贵阳市市场监督管理局"));
        assertThat(browser.findElement(By.id("resolve-box")).isDisplayed()).isFalse();
        signOut();
    }

    /**
     * The supporting unit of that ticket finds its part in its workbench, looks at the caller's photo, signs for it
     * and answers it from the keyboard, in both languages and across a reload; the lead then sees the part answered,
     * in its ticket and its timeline, and resolves.
     */
    @Test
    @Order(12)
    void theSupportingUnitAnswersItsPartAndTheLeadResolves() throws Exception {
        assertThat(stallId).as("the ticket dispatched with a supporting unit").isNotNull();
        String answer = "已对摊贩销售的无证熟食立案调查，责令停止销售";
        signIn(stack.url("routing") + "/workbench", "unit-market_reg");
        WebElement row = waitFor(By.cssSelector("#parts tr[data-ticket='" + stallNumber + "']"));
        assertThat(row.getText()).contains("其他", "贵阳市城市管理局", "待签收");
        assertThat(text("parts-count")).matches("共 \\d+ 件");
        assertThat(browser.findElements(By.cssSelector("#queue tr[data-ticket='" + stallNumber + "']"))).isEmpty();
        row.findElement(By.cssSelector("button.open-ticket")).sendKeys(Keys.ENTER);
        waitUntil(() -> "part-heading".equals(browser.switchTo().activeElement().getDomAttribute("id")));
        assertThat(byTestId("part-state").getText()).isEqualTo("待签收");
        assertThat(byTestId("part-lead").getText()).contains("贵阳市城市管理局");
        assertThat(byTestId("part-description").getText()).contains("流动摊贩");
        assertThat(browser.findElement(By.id("part-answer-box")).isDisplayed()).isFalse();
        // the caller's photo with the part, to look at only: it opens full size from the keyboard
        WebElement callers = waitFor(By.cssSelector("#part-photo-list li[data-kind='CALLER'] button.photo img"));
        assertThat(callers.getDomAttribute("alt")).startsWith("来电人发来的照片，第 1 张，共 1 张");
        assertThat(callers.getDomProperty("src")).startsWith("data:image/jpeg");
        assertThat(browser.findElements(By.cssSelector("#part-detail input[type=file]"))).isEmpty();
        Accessibility.assertNoSeriousViolations(browser, "workbench, a part to sign for");
        browser.findElement(By.cssSelector("#part-photo-list li[data-kind='CALLER'] button.photo"))
                .sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("dialog#part-photo-view[open] #part-photo-full"));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("part-photo-close");
        screenshot("workbench-part-photo");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitUntil(() -> browser.findElements(By.cssSelector("dialog#part-photo-view[open]")).isEmpty());
        waitUntil(() -> "CALLER".equals(browser.switchTo().activeElement().findElement(By.xpath(".."))
                .getDomAttribute("data-kind")));

        browser.findElement(By.id("part-accept")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("part-state").getText().equals("协办中"));
        type("part-answer-text", answer);
        browser.findElement(By.id("language")).click();
        waitUntil(() -> byTestId("part-state").getText().equals("in hand"));
        assertThat(text("part-answer")).isEqualTo("Send to the lead unit");
        assertThat(text("part-photos-heading")).isEqualTo("Photos");
        assertThat(browser.findElement(By.cssSelector("#part-photo-list li[data-kind='CALLER'] img"))
                .getDomAttribute("alt")).startsWith("The caller's photo 1 of 1");
        Accessibility.assertNoSeriousViolations(browser, "workbench, a part in hand, in English");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> byTestId("part-state").getText().equals("协办中"));
        assertThat(value("part-answer-text")).isEqualTo(answer);
        // a reload reopens the part with its photo, and the answer half written is still there
        browser.navigate().refresh();
        waitUntil(() -> byTestId("part-state").getText().equals("协办中"));
        waitFor(By.cssSelector("#part-photo-list li[data-kind='CALLER'] button.photo img"));
        waitUntil(() -> value("part-answer-text").equals(answer));
        browser.findElement(By.id("part-answer")).sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("part-state").getText().equals("已答复主办单位"));
        assertThat(byTestId("part-answer-sent").getText()).isEqualTo(answer);
        assertThat(text("status")).contains("协办答复已发送给主办单位");
        screenshot("workbench-part-answered");
        signOut();

        // the lead reads the part answered, and may now resolve
        signIn(stack.url("routing") + "/workbench", "unit-urban_mgmt");
        waitFor(By.cssSelector("#queue tr[data-ticket='" + stallNumber + "'] button.open-ticket"))
                .sendKeys(Keys.ENTER);
        waitUntil(() -> byTestId("detail-number").getText().equals(stallNumber));
        WebElement part = waitFor(By.cssSelector("[data-testid='lead-part-MARKET_REG']"));
        assertThat(part.getText()).contains("已答复", answer);
        waitFor(By.cssSelector("#timeline li[data-kind='part-answered']"));
        assertThat(text("timeline")).contains("中心驳回退单", "签收协办", "协办答复");
        assertThat(waitFor(By.id("resolve-box")).isDisplayed()).isTrue();
        Accessibility.assertNoSeriousViolations(browser, "workbench, the lead with its part answered");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> browser.findElement(By.cssSelector("[data-testid='lead-part-MARKET_REG']")).getText()
                .contains("answered"));
        assertThat(text("timeline")).contains("The centre rejected the return", "answered its part");
        Accessibility.assertNoSeriousViolations(browser, "workbench, the lead with its part answered, in English");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> browser.findElement(By.cssSelector("[data-testid='lead-part-MARKET_REG']")).getText()
                .contains("已答复"));
        type("resolve-reply", "已取缔占道摊点，市场监管局已对无证熟食立案调查");
        browser.findElement(By.id("resolve")).click();
        confirm();
        waitUntil(() -> byTestId("detail-status").getText().equals("已办结待评价"));
        assertThat(JSON.readTree(get("routing", "/api/v1/tickets/" + stallId, token("supervisor")).body())
                .path("parts").path(0).path("state").asString()).isEqualTo("ANSWERED");
        screenshot("workbench-resolved-with-part");
        signOut();
    }

    /** Every WCAG 2.1 A and AA rule axe-core checks, whatever its impact. */
    private static void assertNoAccessibilityViolations(String page) {
        Accessibility.assertNoSeriousViolations(browser, page);
        List<com.deque.html.axecore.results.Rule> violations = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser).getViolations();
        assertThat(violations).as(() -> page + ": " + violations.stream().map(rule -> rule.getId() + " "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList()).toList())
                .isEmpty();
    }

    private static void signIn(String page, String user) {
        forgetEveryone();
        browser.get(page);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录 12345 热线工作台");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(stack.demoPassword());
        browser.findElement(By.id("sign-in")).click();
        waitUntil(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-signed-in")));
    }

    /** Each person starts at the sign-in form, whatever the test before left behind. */
    private static void forgetEveryone() {
        browser.get(stack.issuer() + "/login");
        browser.manage().deleteAllCookies();
        for (String service : DevstackOptions.SERVICES) {
            browser.get(stack.url(service) + "/hub/signed-out.html");
            browser.executeScript("sessionStorage.clear()");
        }
    }

    private static void signOut() {
        browser.findElement(By.id("hub-sign")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/hub/signed-out"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("您已退出登录。");
    }

    private static String accessToken() {
        return (String) browser.executeScript("return JSON.parse(sessionStorage.getItem('hub.session')).access");
    }

    private static void type(String id, String value) {
        browser.findElement(By.id(id)).sendKeys(value);
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    /** Says yes to the page's confirmation before an irreversible step. */
    private static void confirm() {
        waitFor(By.cssSelector("dialog#confirm[open] #confirm-yes")).click();
        waitUntil(() -> browser.findElements(By.cssSelector("dialog#confirm[open]")).isEmpty());
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static WebElement byTestId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page says: " + browser.findElements(By.id("status")).stream()
                        .map(WebElement::getText).findFirst().orElse("(no status)"))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for what a person would see; a page that is still loading or redrawing is looked at again. */
    private static void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .withMessage(() -> "the page says: " + browser.findElements(By.id("status")).stream()
                        .map(WebElement::getText).findFirst().orElse("(no status)"))
                .until(driver -> condition.getAsBoolean());
    }

    private static void screenshot(String page) throws Exception {
        Path file = Path.of("target/pages/" + page + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    /** A JPEG of one colour, as a phone's camera sends a photo of a place. */
    private static byte[] jpeg(java.awt.Color colour) throws Exception {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D paint = picture.createGraphics();
        paint.setColor(colour);
        paint.fillRect(0, 0, 64, 48);
        paint.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    /** A photo of {@code kind} added to ticket {@code id} by whoever holds {@code token}. */
    private static HttpResponse<String> photo(String id, String kind, String token, java.awt.Color colour)
            throws Exception {
        String boundary = "photo-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                + kind.toLowerCase(Locale.ROOT) + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(jpeg(colour));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        stack.url("intake") + "/api/v1/intake/tickets/" + id + "/photos?kind=" + kind))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user) {
        return stack.tokens().get(user);
    }

    private static HttpResponse<String> get(String service, String path, String token) throws Exception {
        return StackRequests.get(stack, service, path, token);
    }

    private static HttpResponse<String> post(String service, String path, String body, String token)
            throws Exception {
        return StackRequests.post(stack, service, path, body, token);
    }
}
