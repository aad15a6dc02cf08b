package org.hotline12345.routing.rules;

import java.time.LocalTime;

/**
 * What routing knows about a ticket when it chooses a unit. {@code district}, {@code gridId} and
 * {@code streetOffice} are null when the ticket lies in no known grid; {@code localTime} is the city's wall-clock
 * time when the ticket was received.
 */
public record RoutingInput(String category, String description, String district, String gridId,
        String streetOffice, String channel, String urgency, LocalTime localTime) {
}
