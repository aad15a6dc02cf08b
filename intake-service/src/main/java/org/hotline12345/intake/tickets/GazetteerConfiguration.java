package org.hotline12345.intake.tickets;

import org.hotline12345.intake.normalise.Gazetteer;
import org.hotline12345.referencedata.City;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One gazetteer of the city's places, for the registration and the operator's call check alike. */
@Configuration(proxyBeanMethods = false)
class GazetteerConfiguration {

    @Bean
    Gazetteer gazetteer(City city) {
        return new Gazetteer(city.districts());
    }
}
