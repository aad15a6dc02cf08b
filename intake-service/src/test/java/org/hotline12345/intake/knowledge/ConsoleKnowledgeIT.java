package org.hotline12345.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.Browsers;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base beside a call in the operator's console, in a real browser (Debian's headless Chromium through
 * chromedriver) against the running service, worked from the keyboard: the best articles show as the caller's words
 * are typed, with the words marked; the operator flags one as wrong, with a note, without leaving the call, and the
 * flag reaches the article's unit and the editors on the knowledge page. In Chinese first, in English on request, and
 * with no accessibility violation axe-core finds.
 */
@HubIntegrationTest(database = "intake-console-knowledge-it")
class ConsoleKnowledgeIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final String NOTE = "停水报修热线已改号，文中号码打不通";
    @AutoClose("quit")
    static final ChromeDriver browser = Browsers.chromium(1400, 1400);

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient web;

    final String operator = infra.tokens().mint("operator-8", "OPERATOR");
    final String editor = infra.tokens().mint("editor-8", "KNOWLEDGE_EDITOR");

    @Test
    void anOperatorFlagsASuggestedArticleFromBesideTheCallAndItsUnitAndTheEditorsSeeIt() throws IOException {
        signIn("/console", operator);
        waitUntil(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-signed-in")));
        browser.findElement(By.id("description")).sendKeys("家里没水了，什么时候来水啊");
        WebElement first = waitFor(By.cssSelector("#knowledge:not([hidden]) #knowledge-list li"));
        assertThat(first.findElements(By.cssSelector("h3 mark, p mark"))).isNotEmpty();
        String id = first.getDomAttribute("data-article");
        JsonNode article = get(operator, "/api/v1/knowledge/articles/" + id);
        String unit = article.path("unit").asString();
        int version = article.path("publishedVersion").asInt();

        // the flag button of the article, from the keyboard: the form names the article and takes the focus
        WebElement flag = first.findElement(By.cssSelector("button.flag-article"));
        assertThat(flag.getText()).isEqualTo("标记有误");
        assertThat(flag.getDomAttribute("aria-describedby")).isEqualTo("knowledge-q-" + id);
        flag.sendKeys(Keys.ENTER);
        waitUntil(() -> "knowledge-flag-title".equals(browser.switchTo().activeElement().getDomAttribute("id")));
        assertThat(text("knowledge-flag-title")).isEqualTo("标记文章有误或已过时");
        assertThat(text("knowledge-flag-article")).contains(id, "第 " + version + " 版");
        assertThat(row(id).findElement(By.cssSelector("button.flag-article")).getDomAttribute("aria-expanded"))
                .isEqualTo("true");

        // a note is required, said in the reader's language
        browser.findElement(By.id("knowledge-flag-send")).sendKeys(Keys.ENTER);
        waitUntil(() -> text("knowledge-flag-problem").contains("请写明哪里有误或已过时"));
        assertThat(browser.findElement(By.id("knowledge-flag-note")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("knowledge-flag-note");
        Browsers.assertAxeClean(browser, "the console with an article's flag form");
        screenshot("console-knowledge-flag");

        // in English on request, the form and its message included
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("knowledge-flag-title").equals("Flag the article as wrong or outdated"));
        assertThat(text("knowledge-flag-problem")).isEqualTo("Say what is wrong or outdated.");
        assertThat(text("knowledge-flag-article")).contains("Article " + id, "version " + version);
        assertThat(new Select(browser.findElement(By.id("knowledge-flag-reason"))).getOptions())
                .extracting(WebElement::getText).containsExactly("outdated", "the answer is wrong");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("knowledge-flag-title").equals("标记文章有误或已过时"));

        // the words typed on go on changing the list; the form stays with its article
        browser.findElement(By.id("description")).sendKeys("，停水多久能恢复");
        waitFor(By.cssSelector("#knowledge-list li"));
        assertThat(browser.findElement(By.id("knowledge-flag-box")).getDomAttribute("data-article")).isEqualTo(id);

        WebElement note = browser.findElement(By.id("knowledge-flag-note"));
        note.sendKeys(NOTE);
        waitUntil(() -> note.getDomAttribute("aria-invalid") == null);
        WebElement reason = browser.findElement(By.id("knowledge-flag-reason"));
        reason.sendKeys(Keys.END);
        assertThat(new Select(reason).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("WRONG");
        browser.findElement(By.id("knowledge-flag-send")).sendKeys(Keys.ENTER);
        waitUntil(() -> text("status").contains("已标记文章 " + id));
        assertThat(browser.findElement(By.id("knowledge-flag-box")).isDisplayed()).isFalse();
        // the call is as it was, and the focus back on the flag button of the article where it is still shown
        assertThat(browser.findElement(By.id("description")).getDomProperty("value")).startsWith("家里没水了");
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getDomAttribute("class") + " " + focused.getDomAttribute("id"))
                .as(() -> "the focus is on " + browser.executeScript(
                        "return document.activeElement.outerHTML.slice(0, 200)"))
                .containsAnyOf("flag-article", "description");
        Browsers.assertAxeClean(browser, "the console once the article is flagged");

        // the flag reaches the editors' and the unit's list of what to see to
        JsonNode flags = get(editor, "/api/v1/knowledge/flags");
        JsonNode flagged = null;
        for (JsonNode open : flags) {
            if (open.path("articleId").asString().equals(id) && open.path("note").asString().equals(NOTE)) {
                flagged = open;
            }
        }
        assertThat(flagged).as("the open flags " + flags).isNotNull();
        assertThat(flagged.path("reason").asString()).isEqualTo("WRONG");
        assertThat(flagged.path("flaggedBy").asString()).isEqualTo("operator-8");
        assertThat(flagged.path("version").asInt()).isEqualTo(version);
        assertThat(flagged.path("unit").asString()).isEqualTo(unit);

        signIn("/knowledge", infra.tokens().mintUnit("staff-8", unit));
        waitUntil(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        waitUntil(() -> text("flag-list").contains("答复有误：" + NOTE));
        assertThat(text("flag-list")).contains("operator-8", "第 " + version + " 版");
    }

    /** Leaves for a page that runs nothing, so that no request of the person before is on its way, then signs in. */
    private void signIn(String page, String token) {
        browser.get("http://127.0.0.1:" + port + "/hub/signed-out.html");
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.get("http://127.0.0.1:" + port + page + "#token=" + token);
    }

    private JsonNode get(String token, String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static WebElement row(String id) {
        return waitFor(By.cssSelector("#knowledge-list li[data-article='" + id + "']"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static WebElement waitFor(By by) {
        return Browsers.waitFor(browser, () -> text("status"), by);
    }

    private static void waitUntil(BooleanSupplier condition) {
        Browsers.waitUntil(browser, () -> text("status"), condition);
    }

    private static void screenshot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }
}
