package org.hotline12345.platform.pii;

import java.util.Base64;
import org.hotline12345.platform.HotlineProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;

/** A {@link ContactSealer} for services configured with the contact keys ({@code hotline.pii.*}). */
@AutoConfiguration
@ConditionalOnExpression("'${hotline.pii.seal-key:}' != ''")
public class PiiAutoConfiguration {

    @Bean
    ContactSealer contactSealer(HotlineProperties properties) {
        return new ContactSealer(Base64.getDecoder().decode(properties.pii().sealKey()),
                Base64.getDecoder().decode(properties.pii().hashKey()));
    }
}
