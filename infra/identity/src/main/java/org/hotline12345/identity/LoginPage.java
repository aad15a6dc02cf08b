package org.hotline12345.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = request.getParameter("error") != null ? words.get("failed")
                : request.getParameter("logout") != null ? words.get("signedOut") : "";
        String page = template;
        for (Map.Entry<String, String> word : words.entrySet()) {
            page = page.replace("{{" + word.getKey() + "}}", HtmlUtils.htmlEscape(word.getValue()));
        }
        return page.replace("{{notice}}", HtmlUtils.htmlEscape(notice))
                .replace("{{noticeClass}}", request.getParameter("error") != null ? "error" : "")
                .replace("{{csrfName}}", csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
