package org.hotline12345.contracts;

/** How a ticket came in. */
public enum Channel {
    /** Registered by an operator during a call. */
    PHONE,
    /** The city website's complaint form. */
    WEB,
    /** An Open311 GeoReport v2 client. */
    OPEN311,
    /** A grid worker's patrol report. */
    GRID
}
