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

/**
 * The knowledge page in a real browser (Debian's headless Chromium through chromedriver) against the running
 * service, worked from the keyboard where a person would: a unit drafts an article, loses nothing to a reload and
 * submits it; an editor finds it waiting, publishes it, sends the next version back with a reason and publishes it
 * once it is submitted again, sees what changed line by line and retires it; an operator finds it and may change
 * nothing but flag it as outdated, which the unit and the editor see until the editor marks it seen to. In Chinese
 * first, in English on request, and with no accessibility violation axe-core finds.
 */
@HubIntegrationTest(database = "intake-knowledge-page-it")
class KnowledgePageIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final String QUESTION = "二次供水水箱清洗时小区会停水多久？";
    static final String FIRST_ANSWER = "水箱清洗一般停水4小时。\n清洗前一天物业会张贴通知。";
    static final String SECOND_ANSWER = "水箱清洗一般停水6小时。\n清洗前一天物业会张贴通知。\n"
            + "如超时未恢复，请拨打供水热线。";
    @AutoClose("quit")
    static final ChromeDriver browser = Browsers.chromium(1400, 1400);

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient web;

    final String unit = infra.tokens().mintUnit("water-staff-7", "WATER_CO");
    final String editor = infra.tokens().mint("editor-7", "KNOWLEDGE_EDITOR");
    final String operator = infra.tokens().mint("operator-7", "OPERATOR");

    @Test
    void aUnitDraftsAnEditorPublishesSendsBackAndRetiresAndAnOperatorReadsAndFlags() throws IOException {
        String policy = web.get().uri("/knowledge").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");

        // the unit's staff write a new article; a reload in the middle loses nothing typed
        open(unit);
        assertThat(text("filter-hint")).contains("本单位");
        browser.findElement(By.id("new-article")).sendKeys(Keys.ENTER);
        waitUntil(() -> "editor-title".equals(browser.switchTo().activeElement().getDomAttribute("id")));
        assertThat(value("f-valid-from")).matches("\\d{4}-\\d{2}-\\d{2}");
        type("f-question", QUESTION);
        type("f-phrasings", "洗水箱要停多久的水");
        browser.findElement(By.id("f-answer")).sendKeys("水箱清洗一般停水4小时。", Keys.ENTER, "清洗前一天物业会张贴通知。");
        browser.navigate().refresh();
        waitUntil(() -> QUESTION.equals(value("f-question")));
        assertThat(value("f-answer")).isEqualTo(FIRST_ANSWER);
        assertThat(text("editor-note")).contains("已恢复");
        browser.findElement(By.id("save-draft")).click();
        waitUntil(() -> !text("editor-problem").isBlank());
        assertThat(text("editor-problem")).contains("诉求分类").doesNotContainPattern("[A-Za-z]{3,}");
        assertThat(browser.findElement(By.id("f-category")).getDomAttribute("aria-invalid")).isEqualTo("true");
        new Select(browser.findElement(By.id("f-category"))).selectByValue("WATER_SUPPLY");
        browser.findElement(By.id("f-district-YUNYAN")).click();
        Browsers.assertAxeClean(browser, "the editor of a new article");
        screenshot("knowledge-editor");
        browser.findElement(By.id("save-draft")).click();
        waitUntil(() -> "DRAFT".equals(attribute("article", "data-status")));
        String id = attribute("article", "data-article");
        assertThat(text("article-heading")).isEqualTo(QUESTION);
        assertThat(text("article-state")).contains("草稿", "尚未发布");
        assertThat(browser.findElement(By.id("editor")).isDisplayed()).isFalse();
        browser.findElement(By.id("submit-review")).click();
        confirm();
        waitUntil(() -> "IN_REVIEW".equals(attribute("article", "data-status")));
        assertThat(browser.findElement(By.id("edit")).isDisplayed()).isFalse();

        // the editor finds it waiting for review and publishes it
        open(editor);
        waitFor(By.id("show-review")).sendKeys(Keys.ENTER);
        waitUntil(() -> {
            row(id).findElement(By.cssSelector("button.open-article")).sendKeys(Keys.ENTER);
            return true;
        });
        waitUntil(() -> "article-heading".equals(browser.switchTo().activeElement().getDomAttribute("id")));
        assertThat(text("draft-answer")).isEqualTo(FIRST_ANSWER);
        browser.findElement(By.id("publish")).click();
        confirm();
        waitUntil(() -> "PUBLISHED".equals(attribute("article", "data-status")));
        assertThat(text("status")).contains("第 1 版", id);
        assertThat(text("diff-summary")).contains("只有一个版本");

        // operators find it in everyday words once every instance searches it, and may change nothing
        open(operator);
        waitUntil(() -> {
            if (!browser.findElements(By.cssSelector("#article-rows tr[data-article='" + id + "']")).isEmpty()) {
                return true;
            }
            browser.findElement(By.id("filter-text")).clear();
            type("filter-text", "洗水箱停水多久");
            browser.findElement(By.id("filter-text")).sendKeys(Keys.ENTER);
            return false;
        });
        openRow(id);
        assertThat(text("published-answer")).isEqualTo(FIRST_ANSWER);
        assertThat(browser.findElements(By.cssSelector("#steps button"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.id("decision")).isDisplayed()).isFalse();

        // but flag it as outdated, with a note, which its unit and the editors find to see to
        browser.findElement(By.id("flag-send")).click();
        waitUntil(() -> text("article-problem").contains("有误或已过时"));
        new Select(browser.findElement(By.id("flag-reason"))).selectByValue("OUTDATED");
        type("flag-note", "热线号码已更换");
        browser.findElement(By.id("flag-send")).click();
        waitUntil(() -> text("status").contains("已标记文章 " + id));
        Browsers.assertAxeClean(browser, "an operator's article with the flag form");

        // the unit changes the answer; what changed is shown against the published version
        open(unit);
        waitUntil(() -> text("flag-list").contains("已过时：热线号码已更换"));
        assertThat(text("flag-list")).contains(QUESTION, "operator-7", "第 1 版");
        screenshot("knowledge-attention");
        openRow(id);
        browser.findElement(By.id("edit")).click();
        waitUntil(() -> FIRST_ANSWER.equals(value("f-answer")));
        browser.findElement(By.id("f-answer")).clear();
        browser.findElement(By.id("f-answer")).sendKeys("水箱清洗一般停水6小时。", Keys.ENTER, "清洗前一天物业会张贴通知。",
                Keys.ENTER, "如超时未恢复，请拨打供水热线。");
        browser.findElement(By.id("save-draft")).click();
        waitUntil(() -> "DRAFT".equals(attribute("article", "data-status"))
                && browser.findElement(By.id("draft-box")).isDisplayed());
        assertThat(browser.findElements(By.cssSelector("#diff-lines li.added"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#diff-lines li.removed"))).hasSize(1)
                .first().extracting(WebElement::getText).asString().contains("停水4小时");
        browser.findElement(By.id("submit-review")).click();
        confirm();
        waitUntil(() -> "IN_REVIEW".equals(attribute("article", "data-status")));

        // the editor sends it back, with a reason only
        open(editor);
        openRow(id);
        browser.findElement(By.id("send-back")).click();
        waitUntil(() -> text("article-problem").contains("理由"));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("reason");
        type("reason", "请写明热线号码");
        browser.findElement(By.id("send-back")).click();
        confirm();
        waitUntil(() -> "SENT_BACK".equals(attribute("article", "data-status")));

        // the unit reads why and submits it again; the editor publishes it and sees the two versions' difference
        open(unit);
        openRow(id);
        waitUntil(() -> text("sent-back").contains("请写明热线号码"));
        browser.findElement(By.id("submit-review")).click();
        confirm();
        waitUntil(() -> "IN_REVIEW".equals(attribute("article", "data-status")));
        open(editor);
        openRow(id);
        browser.findElement(By.id("publish")).click();
        confirm();
        waitUntil(() -> "PUBLISHED".equals(attribute("article", "data-status")));
        assertThat(text("published-answer")).isEqualTo(SECOND_ANSWER);
        assertThat(new Select(browser.findElement(By.id("diff-to"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("v2");
        assertThat(new Select(browser.findElement(By.id("diff-from"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("v1");
        assertThat(browser.findElements(By.cssSelector("#diff-lines li.added"))).hasSize(2);
        assertThat(text("diff-summary")).contains("新增 2 行", "删除 1 行");
        Browsers.assertAxeClean(browser, "an editor's article with its versions compared");
        screenshot("knowledge-versions");

        // in English on request, the figures and the article's state included
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("articles-title").startsWith("Knowledge articles"));
        assertThat(text("article-state")).contains("published", "Version 2");
        assertThat(text("diff-summary")).contains("2 lines added");
        browser.findElement(By.id("language")).click();
        waitUntil(() -> text("articles-title").startsWith("知识库文章"));

        // the flag seen to, it leaves the list
        waitFor(By.xpath("//ul[@id='flag-list']/li[contains(., '热线号码已更换')]/button[contains(@class, 'action')]"))
                .click();
        confirm();
        waitUntil(() -> !text("flag-list").contains("热线号码已更换"));

        browser.findElement(By.id("retire")).click();
        confirm();
        waitUntil(() -> "RETIRED".equals(attribute("article", "data-status")));
        assertThat(browser.findElement(By.id("retire")).isDisplayed()).isFalse();
        waitUntil(() -> row(id).getText().contains("已停用"));
    }

    @Test
    void tellsAPersonWithoutAKnowledgeRoleSo() {
        signIn(infra.tokens().mint("analyst-7", "ANALYST"));
        waitUntil(() -> text("status").contains("没有使用本页面的角色"));
        assertThat(browser.findElement(By.id("knowledge")).isDisplayed()).isFalse();
    }

    /** The page signed in with {@code token}, once it has listed what the person may see. */
    private void open(String token) {
        signIn(token);
        waitUntil(() -> "true".equals(attribute("body", "data-ready")));
    }

    /**
     * Leaves the page for one that runs nothing of it, so that no request of the person before is still on its way
     * when the next person's token is handed over.
     */
    private void signIn(String token) {
        browser.get("http://127.0.0.1:" + port + "/hub/signed-out.html");
        browser.executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.get("http://127.0.0.1:" + port + "/knowledge#token=" + token);
    }

    /** Opens the article from its row, as often as the list is drawn again under the click. */
    private static void openRow(String id) {
        waitUntil(() -> {
            row(id).findElement(By.cssSelector("button.open-article")).click();
            return true;
        });
        waitUntil(() -> id.equals(attribute("article", "data-article")));
    }

    private static WebElement row(String id) {
        return waitFor(By.cssSelector("#article-rows tr[data-article='" + id + "']"));
    }

    private static void confirm() {
        waitFor(By.cssSelector("dialog#confirm[open] #confirm-yes")).click();
        waitUntil(() -> browser.findElements(By.cssSelector("dialog#confirm[open]")).isEmpty());
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

    /** An attribute of the element with {@code id}, or of the body. */
    private static String attribute(String id, String name) {
        return ("body".equals(id) ? browser.findElement(By.tagName("body")) : browser.findElement(By.id(id)))
                .getDomAttribute(name);
    }

    private static WebElement waitFor(By by) {
        return Browsers.waitFor(browser, () -> text("status") + " " + text("page-problem"), by);
    }

    private static void waitUntil(BooleanSupplier condition) {
        Browsers.waitUntil(browser, () -> text("status") + " " + text("page-problem"), condition);
    }

    private static void screenshot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }

}
