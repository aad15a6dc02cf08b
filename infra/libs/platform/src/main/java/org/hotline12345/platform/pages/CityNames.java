package org.hotline12345.platform.pages;

import java.util.List;
import org.hotline12345.referencedata.City;

/**
 * The city's names and grid outlines, so that every page shows 噪音扰民 and 贵阳市城市管理局 rather than codes and
 * draws grids on the city's own map (no tile server).
 *
 * @param streets every street (街道) with the district it belongs to
 * @param grids each grid with its outer ring as [longitude, latitude] pairs
 */
public record CityNames(String name, String zone, List<Named> categories, List<Named> units, List<Named> districts,
        List<Street> streets, List<GridOutline> grids) {

    static CityNames of(City city) {
        return new CityNames(city.name(), city.zone().getId(),
                city.categories().stream().map(c -> new Named(c.code(), c.zh(), c.en())).toList(),
                city.units().stream().map(u -> new Named(u.id(), u.zh(), u.en())).toList(),
                city.districts().stream().map(d -> new Named(d.code(), d.zh(), d.en())).toList(),
                city.districts().stream().flatMap(d -> d.streets().stream()
                        .map(s -> new Street(s.code(), s.zh(), s.en(), d.code()))).toList(),
                city.grids().stream().map(g -> new GridOutline(g.id(), g.name(), g.district(), g.street(),
                        g.streetOffice(), g.ring())).toList());
    }

    /** A code with its Chinese and English names. */
    public record Named(String code, String zh, String en) {
    }

    /** A street with its names and its district's code. */
    public record Street(String code, String zh, String en, String district) {
    }

    /** A grid: its district, street and street office, and its outer ring. */
    public record GridOutline(String id, String name, String district, String street, String streetOffice,
            List<double[]> ring) {
    }
}
