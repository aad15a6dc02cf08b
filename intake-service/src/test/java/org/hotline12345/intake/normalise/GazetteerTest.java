package org.hotline12345.intake.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.referencedata.City;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerTest {

    private final Gazetteer gazetteer = new Gazetteer(City.sample().districts());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "云岩区中华北路18号                    | YUNYAN  | ZHONGHUA_N",
            "中华北路与北京路交叉口                | YUNYAN  | ZHONGHUA_N",
            "延安西路市西菜场门口                  | YUNYAN  | SHIXI",
            "南明区遵义路88号                      | NANMING | ZHONGHUA_S",
            "花果园大街R1区3栋                      | NANMING | HUAGUOYUAN",
            "18 Zhonghua North Road, Yunyan        | YUNYAN  | ZHONGHUA_N"})
    void placesAnAddressInItsDistrictAndStreet(String address, String district, String street) {
        assertThat(gazetteer.locate(address)).contains(new Gazetteer.Place(district, street));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"南明区某小区门口 | NANMING", "Yunyan District, near the park | YUNYAN"})
    void placesAnAddressThatNamesOnlyTheDistrict(String address, String district) {
        assertThat(gazetteer.locate(address)).contains(new Gazetteer.Place(district, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"北京市朝阳区建国路", "somewhere", ""})
    void findsNothingOutsideTheCity(String address) {
        assertThat(gazetteer.locate(address)).isEmpty();
    }
}
