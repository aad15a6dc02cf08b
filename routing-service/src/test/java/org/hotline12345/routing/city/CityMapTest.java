package org.hotline12345.routing.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hotline12345.contracts.Priority;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;

class CityMapTest {

    static final Path URUMQI = Path.of("../infra/libs/reference-data/src/test/resources/cities/urumqi").toAbsolutePath();

    @Test
    void readsEachCategorysPriorityFromTheCitysOwnFolder() {
        CityMap guiyang = new CityMap(City.sample());
        CityMap urumqi = new CityMap(City.fromFolder(URUMQI));

        assertThat(guiyang.priorityOf("HEATING")).isEqualTo(Priority.NORMAL);
        assertThat(urumqi.priorityOf("HEATING")).isEqualTo(Priority.HIGH);
        assertThat(guiyang.priorityOf("WATER_SUPPLY")).isEqualTo(Priority.HIGH);
        assertThat(urumqi.priorityOf("WATER_SUPPLY")).isEqualTo(Priority.NORMAL);
        assertThat(guiyang.priorityOf("PRAISE")).isEqualTo(Priority.CONSULTATION);
        assertThat(urumqi.priorityOf("PRAISE")).as("a category its folder does not have").isEqualTo(Priority.NORMAL);
    }

    @Test
    void hasTheCentreReviewReturnsUnlessTheCitysFolderKeepsTheAutomaticRerouteForACategory() {
        CityMap guiyang = new CityMap(City.sample());
        CityMap urumqi = new CityMap(City.fromFolder(URUMQI));

        assertThat(guiyang.reviewsReturns("HEATING")).isTrue();
        assertThat(urumqi.reviewsReturns("HEATING")).isFalse();
        assertThat(urumqi.reviewsReturns("WATER_SUPPLY")).isTrue();
        assertThat(urumqi.reviewsReturns("PRAISE")).as("a category its folder does not have").isTrue();
    }
}
