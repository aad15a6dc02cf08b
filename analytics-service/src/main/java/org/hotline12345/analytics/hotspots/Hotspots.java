package org.hotline12345.analytics.hotspots;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The hot spots of a period. */
record Hotspots(LocalDate from, LocalDate to, String category, List<GridLoad> grids,
        Map<String, List<GridCount>> byCategory, List<Cluster> clusters) {

    /** A grid's tickets in the period, its most frequent category and every category's count. */
    record GridLoad(String gridId, String district, long tickets, String topCategory, Map<String, Long> categories) {
    }

    /** A grid and its tickets of one category. */
    record GridCount(String gridId, long tickets) {
    }

    /**
     * A ticket and the tickets linked to it in the period: repeat calls about it and other callers' reports of the
     * same incident.
     */
    record Cluster(String ticketId, String ticketNumber, String category, String gridId, String district,
            long linkedTickets, long repeatCalls) {
    }
}
