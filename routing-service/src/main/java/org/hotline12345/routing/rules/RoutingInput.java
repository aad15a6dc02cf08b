package org.hotline12345.routing.rules;

import java.time.LocalTime;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.Urgency;

/**
 * What routing knows about a ticket when it chooses a unit. {@code district}, {@code gridId} and
 * {@code streetOffice} are null when the ticket lies in no known grid; {@code localTime} is the city's wall-clock
 * time when the ticket was received; {@code categoryPriority} is the priority the city's folder gives the ticket's
 * category ({@code defaultPriority} in its {@code categories.json}).
 */
public record RoutingInput(String category, String description, String district, String gridId,
        String streetOffice, String channel, Urgency urgency, LocalTime localTime, Priority categoryPriority) {
}
