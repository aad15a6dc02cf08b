package org.hotline12345.referencedata;

/**
 * A handling unit: a city department, a utility, or a street office.
 *
 * @param kind {@code DEPARTMENT}, {@code ENTERPRISE} or {@code STREET_OFFICE}
 * @param district the district of a street office, else {@code null}
 */
public record Unit(String id, String zh, String en, String kind, String district) {

    /** The unit's name in the citizen's language. */
    public String name(String language) {
        return "en".equals(language) ? en : zh;
    }
}
