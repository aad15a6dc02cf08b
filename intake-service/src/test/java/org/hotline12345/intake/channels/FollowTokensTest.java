package org.hotline12345.intake.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.Test;

class FollowTokensTest {

    private final FollowTokens tokens = new FollowTokens(new ContactSealer(
            Base64.getDecoder().decode(SharedTestInfrastructure.TEST_SEAL_KEY),
            Base64.getDecoder().decode(SharedTestInfrastructure.TEST_HASH_KEY)));

    /**
     * The token notification puts in the texts' links for the same key and number (its FollowLinksTest expects the
     * same): a look-up checks what the texts carry.
     */
    @Test
    void checksTheTokenTheTextsCarryForTheTicketNumber() {
        assertThat(tokens.tokenFor("12345-20261128-0001")).isEqualTo("V07UV_pgGejwRSA5");
        assertThat(tokens.matches("12345-20261128-0001", "V07UV_pgGejwRSA5")).isTrue();
    }

    @Test
    void refusesAnotherTicketsTokenAndAnyOtherValue() {
        assertThat(tokens.matches("12345-20261128-0002", "V07UV_pgGejwRSA5")).isFalse();
        assertThat(tokens.matches("12345-20261128-0001", "V07UV_pgGejwRSA6")).isFalse();
        assertThat(tokens.matches("12345-20261128-0001", "")).isFalse();
    }

    /** 96 bits that look random and say nothing of the phone: a different token for each day's next number. */
    @Test
    void makesSixteenUrlSafeCharactersThatDifferFromNumberToNumber() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i <= 1000; i++) {
            String token = tokens.tokenFor(String.format("12345-20261128-%04d", i));
            assertThat(token).matches("[A-Za-z0-9_-]{16}");
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }
}
