package org.hotline12345.platform.pages;

import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.city.CityAutoConfiguration;
import org.hotline12345.referencedata.City;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Serves what the hub's pages share (the scripts under {@code /hub/} are static resources of this module). */
@AutoConfiguration(after = CityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PagesAutoConfiguration {

    @Bean
    PagesController hotlinePagesController(HotlineProperties properties, City city) {
        return new PagesController(properties, city);
    }
}
