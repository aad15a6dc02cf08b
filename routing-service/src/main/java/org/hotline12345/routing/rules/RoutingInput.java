package org.hotline12345.routing.rules;

/** What routing knows about a ticket when it chooses a unit. {@code district} and {@code gridId} may be null. */
public record RoutingInput(String category, String description, String district, String gridId,
        String streetOffice, String channel, String urgency) {
}
