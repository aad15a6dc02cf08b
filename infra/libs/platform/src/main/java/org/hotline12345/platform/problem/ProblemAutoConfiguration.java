package org.hotline12345.platform.problem;

import org.hotline12345.platform.HotlineProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problems for every error, and the request body bound. */
@AutoConfiguration
@Import(ProblemAdvice.class)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(JsonMapper mapper) {
        return new ProblemWriter(mapper);
    }

    @Bean
    WebFilter bodySizeLimitFilter(HotlineProperties properties, ProblemWriter problems) {
        return new BodySizeLimitFilter(properties.http(), problems);
    }

    /**
     * What the server's codecs read into memory is bounded as the bodies are: a form is read by the exchange itself,
     * past the filter's bound, so a chunked form over it fails in its reader (answered 413), not after it was read.
     * Only the server's codecs: the services' own HTTP clients read answers of their own size.
     */
    @Bean
    WebFluxConfigurer boundedServerCodecs(HotlineProperties properties) {
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
                codecs.defaultCodecs().maxInMemorySize((int) properties.http().maxBodySize().toBytes());
            }
        };
    }
}
