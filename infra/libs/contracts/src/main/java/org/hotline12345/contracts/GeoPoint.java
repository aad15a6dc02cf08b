package org.hotline12345.contracts;

/** A WGS 84 point, latitude and longitude in degrees. */
public record GeoPoint(double lat, double lon) {
}
