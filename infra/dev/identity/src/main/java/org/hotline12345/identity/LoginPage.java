package org.hotline12345.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The sign-in form, in Chinese first with an English switch, as the hub's pages are. */
@Controller
class LoginPage {

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "zh", Map.of("lang", "zh-CN", "title", "12345热线 · 登录", "heading", "登录 12345 热线工作台",
                    "username", "用户名", "password", "密码", "submit", "登录", "other", "English",
                    "otherHref", "?lang=en", "failed", "用户名或密码不正确。", "signedOut", "您已退出登录。"),
            "en", Map.of("lang", "en", "title", "12345 hotline · sign in", "heading", "Sign in to the 12345 hotline",
                    "username", "User name", "password", "Password", "submit", "Sign in", "other", "中文",
                    "otherHref", "?lang=zh", "failed", "The user name or password is wrong.",
                    "signedOut", "You have signed out."));
    private static final Map<String, String> THROTTLED = Map.of(
            "zh", "登录失败次数过多，请 %d 分钟后再试。",
            "en", "Too many failed sign-ins. Try again in %d minutes.");

    private final String template;

    LoginPage() {
        try {
            template = new ClassPathResource("login.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(HttpServletRequest request, @RequestParam(defaultValue = "zh") String lang) {
        Map<String, String> words = WORDS.getOrDefault(lang, WORDS.get("zh"));
        boolean failed = request.getParameter("error") != null;
        String notice = failed ? words.get("failed")
                : request.getParameter("logout") != null ? words.get("signedOut") : "";
        return render(request, words, notice, failed);
    }

    /**
     * The form again, saying that sign-in is paused for {@code minutes}: the answer to a sign-in {@link SignInThrottle}
     * refuses, in the language the browser asks for.
     */
    String throttled(HttpServletRequest request, long minutes) {
        // the form's own language switch is not posted with it; the browser's language is, Chinese without one
        String accepted = request.getHeader("Accept-Language");
        String lang = accepted != null && accepted.strip().toLowerCase(Locale.ROOT).startsWith("en") ? "en"
                : "zh";
        return render(request, WORDS.get(lang), THROTTLED.get(lang).formatted(minutes), true);
    }

    private String render(HttpServletRequest request, Map<String, String> words, String notice, boolean error) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String page = template;
        for (Map.Entry<String, String> word : words.entrySet()) {
            page = page.replace("{{" + word.getKey() + "}}", HtmlUtils.htmlEscape(word.getValue()));
        }
        return page.replace("{{notice}}", HtmlUtils.htmlEscape(notice))
                .replace("{{noticeClass}}", error ? "error" : "")
                .replace("{{csrfName}}", csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
