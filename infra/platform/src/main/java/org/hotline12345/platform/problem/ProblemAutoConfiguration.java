package org.hotline12345.platform.problem;

import org.hotline12345.platform.HotlineProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
        return new BodySizeLimitFilter(properties.http().maxBodySize(), problems);
    }
}
