package org.hotline12345.platform.city;

import java.nio.file.Path;
import org.hotline12345.referencedata.City;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One copy of the city's reference data per service: the city's own folder when {@code HOTLINE_CITY_DIR} names one
 * (checked whole at start-up: a service does not start on data it would fail on later, and the error names each
 * file and line), else the sample city.
 */
@AutoConfiguration
public class CityAutoConfiguration {

    static final String CITY_DIR = "hotline.city.dir";

    @Bean
    @ConditionalOnMissingBean
    City city(Environment environment) {
        String folder = environment.getProperty(CITY_DIR, "");
        return folder.isBlank() ? City.sample() : City.fromFolder(Path.of(folder));
    }
}
