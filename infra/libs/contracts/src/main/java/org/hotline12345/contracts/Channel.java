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
    GRID,
    /** A household liaison's (联户长) report for the households in their care. */
    LIAISON;

    /**
     * Open to anyone without signing in: whoever reports through it may give any phone number, so what it reports
     * must not act on other people's tickets.
     */
    public boolean isPublic() {
        return this == WEB || this == OPEN311;
    }
}
