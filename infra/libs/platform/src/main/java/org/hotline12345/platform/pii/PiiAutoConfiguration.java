package org.hotline12345.platform.pii;

import java.util.Base64;
import org.hotline12345.platform.HotlineProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * A {@link ContactSealer} from the contact keys ({@code hotline.pii.*}). Made only when a service asks for it, and
 * then the keys must be set: a service that handles phone numbers does not start with no key.
 */
@AutoConfiguration
public class PiiAutoConfiguration {

    @Bean
    @Lazy
    ContactSealer contactSealer(HotlineProperties properties) {
        if (properties.pii().sealKey().isBlank() || properties.pii().hashKey().isBlank()) {
            throw new IllegalStateException("hotline.pii.seal-key and hotline.pii.hash-key must be set "
                    + "(HOTLINE_PII_SEAL_KEY, HOTLINE_PII_HASH_KEY): base64 of 32 random bytes each");
        }
        return new ContactSealer(Base64.getDecoder().decode(properties.pii().sealKey()),
                properties.pii().previousSealKeys().stream().map(String::strip).filter(key -> !key.isEmpty())
                        .map(Base64.getDecoder()::decode).toList(),
                Base64.getDecoder().decode(properties.pii().hashKey()));
    }
}
