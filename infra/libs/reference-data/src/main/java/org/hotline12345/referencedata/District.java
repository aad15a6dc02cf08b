package org.hotline12345.referencedata;

import java.util.List;

/** A district of the gazetteer and its streets (街道). */
public record District(String code, String zh, String en, List<Street> streets) {

    /** A street (subdistrict) of a district, and the roads and places in it that addresses name. */
    public record Street(String code, String zh, String en, List<String> roads) {

        public Street {
            roads = roads == null ? List.of() : List.copyOf(roads);
        }
    }
}
