package org.hotline12345.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The events routing publishes on {@link Topics#ROUTING_TICKETS} as a ticket moves through its life. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TicketAssigned.class, name = "TicketAssigned"),
        @JsonSubTypes.Type(value = TicketAccepted.class, name = "TicketAccepted"),
        @JsonSubTypes.Type(value = TicketRejected.class, name = "TicketRejected"),
        @JsonSubTypes.Type(value = TicketExtended.class, name = "TicketExtended"),
        @JsonSubTypes.Type(value = TicketResolved.class, name = "TicketResolved"),
        @JsonSubTypes.Type(value = TicketEscalated.class, name = "TicketEscalated"),
        @JsonSubTypes.Type(value = TicketReopened.class, name = "TicketReopened"),
        @JsonSubTypes.Type(value = TicketClosed.class, name = "TicketClosed"),
        @JsonSubTypes.Type(value = TicketDeadlineApproaching.class, name = "TicketDeadlineApproaching"),
        @JsonSubTypes.Type(value = ReturnUpheld.class, name = "ReturnUpheld"),
        @JsonSubTypes.Type(value = ReturnRejected.class, name = "ReturnRejected"),
        @JsonSubTypes.Type(value = ExtensionRequested.class, name = "ExtensionRequested"),
        @JsonSubTypes.Type(value = ExtensionApproved.class, name = "ExtensionApproved"),
        @JsonSubTypes.Type(value = ExtensionRefused.class, name = "ExtensionRefused"),
        @JsonSubTypes.Type(value = PartAssigned.class, name = "PartAssigned"),
        @JsonSubTypes.Type(value = PartAccepted.class, name = "PartAccepted"),
        @JsonSubTypes.Type(value = PartAnswered.class, name = "PartAnswered"),
        @JsonSubTypes.Type(value = PartWaived.class, name = "PartWaived")})
public sealed interface TicketLifecycleEvent extends HotlineEvent
        permits TicketAssigned, TicketAccepted, TicketRejected, TicketExtended, TicketResolved, TicketEscalated,
        TicketReopened, TicketClosed, TicketDeadlineApproaching, ReturnUpheld, ReturnRejected, ExtensionRequested,
        ExtensionApproved, ExtensionRefused, PartAssigned, PartAccepted, PartAnswered, PartWaived {

    /** The unit holding the ticket when this happened; {@code null} while it waits in triage. */
    String unitId();
}
