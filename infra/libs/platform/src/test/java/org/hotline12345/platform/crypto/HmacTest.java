package org.hotline12345.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Against the HMAC-SHA-256 test vectors of RFC 4231, section 4. */
class HmacTest {

    @Test
    void matchesTestCaseOneOfRfc4231() {
        byte[] key = filled(20, 0x0b);

        assertThat(Hmac.sha256(key, "Hi There")).isEqualTo(HexFormat.of()
                .parseHex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
    }

    @Test
    void matchesTestCaseTwoOfRfc4231InHexAndBase64() {
        assertThat(Hmac.sha256Hex("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(Hmac.sha256Base64("Jefe".getBytes(), "what do ya want for nothing?"))
                .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    }

    @Test
    void matchesTestCaseSixOfRfc4231WhereTheKeyIsLongerThanABlock() {
        assertThat(Hmac.sha256Hex(filled(131, 0xaa), "Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void acceptsTheRightSignatureInEitherCaseAndRefusesAnyOther() {
        byte[] key = "Jefe".getBytes();
        String message = "what do ya want for nothing?";
        String right = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        assertThat(Hmac.matchesHex(key, message, right)).isTrue();
        assertThat(Hmac.matchesHex(key, message, right.toUpperCase())).isTrue();
        assertThat(Hmac.matchesHex(key, message + " ", right)).isFalse();
        assertThat(Hmac.matchesHex(key, message, right.substring(0, 62))).isFalse();
        assertThat(Hmac.matchesHex(key, message, right.substring(0, 63) + "4")).isFalse();
        assertThat(Hmac.matchesHex(key, message, "not hex")).isFalse();
        assertThat(Hmac.matchesHex(key, message, null)).isFalse();
        assertThat(Hmac.matchesHex(new byte[0], message, right)).isFalse();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
