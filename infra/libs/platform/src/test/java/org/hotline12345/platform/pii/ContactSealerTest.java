package org.hotline12345.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline12345.platform.pii.ContactSealer.Field.NAME;
import static org.hotline12345.platform.pii.ContactSealer.Field.PHONE;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ContactSealerTest {

    private final ContactSealer sealer = new ContactSealer(bytes(32, 1), bytes(32, 2));

    private static final String TICKET = "7c1e4d2a-0001";
    private static final String ANOTHER_TICKET = "7c1e4d2a-0002";

    @Test
    void opensWhatItSealedAndNeverShowsThePlainNumber() {
        String sealed = sealer.seal("+8613812345678", TICKET, PHONE);

        assertThat(sealed).doesNotContain("13812345678");
        assertThat(sealer.open(sealed, TICKET, PHONE)).isEqualTo("+8613812345678");
    }

    @Test
    void sealsTheSameNumberDifferentlyEachTime() {
        assertThat(sealer.seal("+8613812345678", TICKET, PHONE)).isNotEqualTo(
                sealer.seal("+8613812345678", TICKET, PHONE));
    }

    @Test
    void refusesToOpenWithAnotherKey() {
        String sealed = sealer.seal("+8613812345678", TICKET, PHONE);
        ContactSealer other = new ContactSealer(bytes(32, 9), bytes(32, 2));

        assertThatThrownBy(() -> other.open(sealed, TICKET, PHONE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAValueCopiedIntoAnotherTicketOrAnotherField() {
        String phone = sealer.seal("+8613812345678", TICKET, PHONE);
        String name = sealer.seal("张三", TICKET, NAME);

        assertThatThrownBy(() -> sealer.open(phone, ANOTHER_TICKET, PHONE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(name, TICKET, PHONE)).isInstanceOf(IllegalStateException.class);
        assertThat(sealer.open(name, TICKET, NAME)).isEqualTo("张三");
    }

    @Test
    void stillOpensAValueAnEarlierReleaseSealedUnbound() throws Exception {
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(bytes(32, 1), "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal("+8613812345678".getBytes(StandardCharsets.UTF_8));
        String earlier = Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());

        assertThat(sealer.open(earlier, TICKET, PHONE)).isEqualTo("+8613812345678");
    }

    @Test
    void opensWhatAPreviousKeySealedAfterTheKeyIsRotatedAndSealsWithTheNewOne() {
        String sealedBefore = sealer.seal("+8613812345678", TICKET, PHONE);
        ContactSealer rotated = new ContactSealer(bytes(32, 5), java.util.List.of(bytes(32, 1)), bytes(32, 2));
        String sealedAfter = rotated.seal("+8613900000000", TICKET, PHONE);

        assertThat(rotated.open(sealedBefore, TICKET, PHONE)).isEqualTo("+8613812345678");
        assertThat(rotated.open(sealedAfter, TICKET, PHONE)).isEqualTo("+8613900000000");
        assertThatThrownBy(() -> sealer.open(sealedAfter, TICKET, PHONE)).isInstanceOf(IllegalStateException.class);
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
