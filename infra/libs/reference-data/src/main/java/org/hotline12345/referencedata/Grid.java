package org.hotline12345.referencedata;

import java.util.List;

/**
 * A grid (网格) of the city: its outer ring as longitude/latitude pairs, closed (the last point repeats the first),
 * and where it belongs.
 */
public record Grid(String id, String name, String district, String street, String streetOffice,
        List<double[]> ring) {
}
