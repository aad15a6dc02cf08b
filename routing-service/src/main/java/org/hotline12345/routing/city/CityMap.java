package org.hotline12345.routing.city;

import org.hotline12345.referencedata.GridIndex;
import java.util.List;
import java.util.Optional;
import org.hotline12345.referencedata.SampleCity;
import org.hotline12345.referencedata.Unit;
import org.springframework.stereotype.Component;

/** The city's units and grids as routing knows them, read once from the reference data. */
@Component
public class CityMap {

    private final SampleCity city = SampleCity.load();
    private final GridIndex grids = GridIndex.of(city.grids());

    public GridIndex grids() {
        return grids;
    }

    public List<Unit> units() {
        return city.units();
    }

    public Optional<Unit> unit(String id) {
        return city.unit(id);
    }
}
