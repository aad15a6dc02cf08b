package org.hotline12345.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header checks made a character at a time allow exactly what its regular expressions allow. */
class HeaderCharactersTest {

    @Test
    void allowsInHeaderNamesAndValuesExactlyTheCharactersTheFirewallsExpressionsAllow() {
        List<String> differ = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String one = new String(Character.toChars(codePoint));
            for (String text : List.of(one, "x-" + one + "-y")) {
                if (HeaderCharacters.allowedInName(text)
                        != StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text)
                        || HeaderCharacters.allowedInValue(text)
                        != StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text)) {
                    differ.add(Integer.toHexString(codePoint));
                }
            }
        }
        assertThat(differ).isEmpty();
        assertThat(HeaderCharacters.allowedInValue(null))
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
        assertThat(HeaderCharacters.allowedInName(null))
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
    }

    @Test
    void refusesControlCharactersButATabInAValueAndAcceptsWhatBrowsersSend() {
        assertThat(HeaderCharacters.allowedInValue("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvcCJ9.c2ln")).isTrue();
        assertThat(HeaderCharacters.allowedInValue("zh-CN,zh;q=0.9,\ten;q=0.8")).isTrue();
        assertThat(HeaderCharacters.allowedInValue("云岩区 \uD83D\uDE92")).isTrue();
        assertThat(HeaderCharacters.allowedInName("X-Trace\t")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("evil\r\nSet-Cookie: x")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("next line\u0085")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("unassigned\uFFFF")).isFalse();
        // a lone surrogate is an assigned character (Cs) to the expressions too
        assertThat(HeaderCharacters.allowedInValue("half \uD83D pair")).isTrue();
    }
}
