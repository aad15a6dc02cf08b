package org.hotline12345.platform.city;

import org.hotline12345.referencedata.SampleCity;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** One copy of the city's reference data per service: zone, categories, districts, units and grids. */
@AutoConfiguration
public class CityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SampleCity city() {
        return SampleCity.load();
    }
}
