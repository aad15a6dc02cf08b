package org.hotline12345.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(new Open311Settings("12345.sample-city", List.of("client-key-1",
            "客户端-2", " "), "contact", "key service", "/open311/v2", 600, 300, false, 200, 90));

    @Test
    void acceptsExactlyTheKeysHeld() {
        assertThat(keys.valid("client-key-1")).isTrue();
        assertThat(keys.valid("客户端-2")).isTrue();
        assertThat(keys.valid("client-key-")).isFalse();
        assertThat(keys.valid("client-key-12")).isFalse();
        assertThat(keys.valid("CLIENT-KEY-1")).isFalse();
    }

    @Test
    void takesNoMissingOrBlankKeyEvenWhenABlankOneIsConfigured() {
        assertThat(keys.valid(null)).isFalse();
        assertThat(keys.valid("")).isFalse();
        assertThat(keys.valid(" ")).isFalse();
    }

    @Test
    void acceptsNothingWithoutKeys() {
        ApiKeys none = new ApiKeys(new Open311Settings("12345.sample-city", List.of(), "contact", "key service",
                "/open311/v2", 600, 300, false, 200, 90));
        assertThat(none.valid("client-key-1")).isFalse();
    }
}
