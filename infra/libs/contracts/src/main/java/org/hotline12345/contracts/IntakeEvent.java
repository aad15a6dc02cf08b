package org.hotline12345.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The events intake publishes on {@link Topics#INTAKE_TICKETS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = TicketReceived.class, name = "TicketReceived"),
        @JsonSubTypes.Type(value = CitizenRated.class, name = "CitizenRated"),
        @JsonSubTypes.Type(value = CallRated.class, name = "CallRated")})
public sealed interface IntakeEvent extends HotlineEvent permits TicketReceived, CitizenRated, CallRated {
}
