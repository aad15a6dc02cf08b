package org.hotline12345.notification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.Test;

class FollowLinksTest {

    private final FollowLinks links = new FollowLinks(new ContactSealer(
            Base64.getDecoder().decode(SharedTestInfrastructure.TEST_SEAL_KEY),
            Base64.getDecoder().decode(SharedTestInfrastructure.TEST_HASH_KEY)),
            new FollowLinkSettings("https://12345.example.gov.cn/"));

    /** The same token as intake's FollowTokensTest expects of the same key and number: the two must agree. */
    @Test
    void makesTheTokenIntakeChecksFromTheTicketNumberAlone() {
        assertThat(links.tokenFor("12345-20261128-0001")).isEqualTo("V07UV_pgGejwRSA5");
        assertThat(links.linkFor("12345-20261128-0001"))
                .isEqualTo("https://12345.example.gov.cn/t/12345-20261128-0001.V07UV_pgGejwRSA5");
    }

    @Test
    void acceptsOnlyTheTicketsOwnToken() {
        assertThat(links.matches("12345-20261128-0001", "V07UV_pgGejwRSA5")).isTrue();
        assertThat(links.matches("12345-20261128-0002", "V07UV_pgGejwRSA5")).isFalse();
        assertThat(links.matches("12345-20261128-0001", "V07UV_pgGejwRSA6")).isFalse();
        assertThat(links.matches("12345-20261128-0001", "")).isFalse();
    }
}
