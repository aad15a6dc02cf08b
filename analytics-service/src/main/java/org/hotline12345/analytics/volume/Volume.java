package org.hotline12345.analytics.volume;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The volume of a period: its buckets, its total, and the total of the period before with the change in percent
 * ({@code null} when the period before had none).
 */
record Volume(LocalDate from, LocalDate to, String by, long tickets, LocalDate previousFrom, LocalDate previousTo,
        long previousTickets, Double changePercent, List<Bucket> buckets) {
}
