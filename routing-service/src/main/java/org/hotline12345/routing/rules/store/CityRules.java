package org.hotline12345.routing.rules.store;

import java.util.stream.Collectors;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.District;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.Unit;
import org.hotline12345.routing.rules.RuleSetValidator;

/** The rule validator of the city routing runs for: its units, categories, grids and districts. */
final class CityRules {

    private CityRules() {
    }

    static RuleSetValidator validator(City city) {
        return new RuleSetValidator(
                city.units().stream().map(Unit::id).collect(Collectors.toSet()),
                city.categories().stream().map(c -> c.code()).collect(Collectors.toSet()),
                city.grids().stream().collect(Collectors.toMap(Grid::id, Grid::district)),
                city.districts().stream().map(District::code).collect(Collectors.toSet()));
    }
}
