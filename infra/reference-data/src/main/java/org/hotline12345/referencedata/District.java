package org.hotline12345.referencedata;

import java.util.List;

/** A district of the gazetteer and its streets (街道). */
public record District(String code, String zh, String en, List<Street> streets) {

    /** A street (subdistrict) of a district. */
    public record Street(String code, String zh, String en) {
    }
}
