package org.hotline12345.analytics.dashboard;

import java.util.List;
import org.hotline12345.referencedata.City;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The city's names and grid outlines, so that the dashboard shows 噪音扰民 and 贵阳市城市管理局 rather than codes and
 * draws the hot grids on the city's own grid map (no tile server).
 */
@RestController
@RequestMapping("/api/v1/analytics")
@PreAuthorize("hasRole('ANALYST')")
class CityController {

    private final CityNames names;

    CityController(City city) {
        this.names = CityNames.of(city);
    }

    @GetMapping("/city")
    Mono<CityNames> city() {
        return Mono.just(names);
    }

    /**
     * @param grids each grid with its outer ring as [longitude, latitude] pairs
     */
    record CityNames(String name, List<Named> categories, List<Named> units, List<Named> districts,
            List<GridOutline> grids) {

        static CityNames of(City city) {
            return new CityNames(city.name(),
                    city.categories().stream().map(c -> new Named(c.code(), c.zh(), c.en())).toList(),
                    city.units().stream().map(u -> new Named(u.id(), u.zh(), u.en())).toList(),
                    city.districts().stream().map(d -> new Named(d.code(), d.zh(), d.en())).toList(),
                    city.grids().stream().map(g -> new GridOutline(g.id(), g.name(), g.district(), g.ring()))
                            .toList());
        }
    }

    record Named(String code, String zh, String en) {
    }

    record GridOutline(String id, String name, String district, List<double[]> ring) {
    }
}
