package org.hotline12345.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactSealerTest {

    private final ContactSealer sealer = new ContactSealer(bytes(32, 1), bytes(32, 2));

    @Test
    void opensWhatItSealedAndNeverShowsThePlainNumber() {
        String sealed = sealer.seal("+8613812345678");

        assertThat(sealed).doesNotContain("13812345678");
        assertThat(sealer.open(sealed)).isEqualTo("+8613812345678");
    }

    @Test
    void sealsTheSameNumberDifferentlyEachTime() {
        assertThat(sealer.seal("+8613812345678")).isNotEqualTo(sealer.seal("+8613812345678"));
    }

    @Test
    void refusesToOpenWithAnotherKey() {
        String sealed = sealer.seal("+8613812345678");
        ContactSealer other = new ContactSealer(bytes(32, 9), bytes(32, 2));

        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void opensWhatAPreviousKeySealedAfterTheKeyIsRotatedAndSealsWithTheNewOne() {
        String sealedBefore = sealer.seal("+8613812345678");
        ContactSealer rotated = new ContactSealer(bytes(32, 7), java.util.List.of(bytes(32, 1)), bytes(32, 2));

        String sealedAfter = rotated.seal("+8613900000000");

        assertThat(rotated.open(sealedBefore)).isEqualTo("+8613812345678");
        assertThat(rotated.open(sealedAfter)).isEqualTo("+8613900000000");
        assertThatThrownBy(() -> sealer.open(sealedAfter)).isInstanceOf(IllegalStateException.class);
        assertThat(rotated.hash("+8613812345678")).isEqualTo(sealer.hash("+8613812345678"));
    }

    @Test
    void hashesTheSameNumberTheSameWayAndOthersDifferently() {
        assertThat(sealer.hash("+8613812345678")).hasSize(64).isEqualTo(sealer.hash("+8613812345678"))
                .isNotEqualTo(sealer.hash("+8613812345679"));
    }

    @Test
    void masksTheMiddleOfMobileAndLandlineNumbers() {
        assertThat(ContactSealer.mask("+8613812345678")).isEqualTo("138****5678");
        assertThat(ContactSealer.mask("+8685187654321")).isEqualTo("851****4321");
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
