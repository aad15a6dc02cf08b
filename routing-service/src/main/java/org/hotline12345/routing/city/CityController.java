package org.hotline12345.routing.city;

import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.Unit;
import org.hotline12345.referencedata.UrgencyClass;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read API of the reference data routing works with: units, grids, which grid a point is in, and the urgency classes
 * that set time limits.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class CityController {

    private final CityMap city;

    CityController(CityMap city) {
        this.city = city;
    }

    @GetMapping("/units")
    Flux<Unit> units() {
        return Flux.fromIterable(city.units());
    }

    @GetMapping("/grids")
    Flux<GridView> grids() {
        return Flux.fromIterable(city.grids().all()).map(GridView::of);
    }

    @GetMapping("/grids/locate")
    Mono<GridView> locate(@RequestParam double lat, @RequestParam double lon) {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            return Mono.error(new InvalidRequestException(lat < -90 || lat > 90 ? "lat" : "lon", "range",
                    "is outside WGS 84 bounds"));
        }
        return Mono.justOrEmpty(city.grids().locate(lat, lon).map(GridView::of))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Grid", lat + "," + lon)));
    }

    /**
     * The city's urgency classes (时限类别): each with its names and, in minutes, its time to sign for, to answer and
     * to warn before either, and the longest an answer may be extended to with approval ({@code null}: as the
     * city's allowance says). A category without a class keeps its priority's limits.
     */
    @GetMapping("/urgency-classes")
    Flux<UrgencyClassView> urgencyClasses() {
        return Flux.fromIterable(city.urgencyClasses()).map(UrgencyClassView::of);
    }

    /** An urgency class with its limits in minutes. */
    record UrgencyClassView(String code, String zh, String en, long dispatchMinutes, long answerMinutes,
            long warnMinutes, Long longestAnswerMinutes) {
        static UrgencyClassView of(UrgencyClass c) {
            return new UrgencyClassView(c.code(), c.zh(), c.en(), c.dispatchWithin().toMinutes(),
                    c.answerWithin().toMinutes(), c.warnWithin().toMinutes(),
                    c.extendableTo().map(java.time.Duration::toMinutes).orElse(null));
        }
    }

    /** A grid without its geometry. */
    record GridView(String gridId, String name, String district, String street, String streetOffice) {
        static GridView of(Grid g) {
            return new GridView(g.id(), g.name(), g.district(), g.street(), g.streetOffice());
        }
    }
}
