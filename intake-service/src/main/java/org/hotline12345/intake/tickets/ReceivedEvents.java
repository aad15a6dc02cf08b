package org.hotline12345.intake.tickets;

import java.time.Instant;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.intake.normalise.Gazetteer;
import org.hotline12345.platform.pii.ContactSealer;
import org.springframework.stereotype.Component;

/**
 * What a registered call becomes on the wire: the caller's number and name sealed, the number's keyed hash for
 * finding the caller's tickets, the typed address placed in its district and street.
 */
@Component
class ReceivedEvents {

    private final ContactSealer sealer;
    private final Gazetteer gazetteer;

    ReceivedEvents(ContactSealer sealer, Gazetteer gazetteer) {
        this.sealer = sealer;
        this.gazetteer = gazetteer;
    }

    /** The keyed hash of the caller's number, or {@code null} for an anonymous caller. */
    String phoneHash(CallNormaliser.NormalisedCall call) {
        return call.phoneE164() == null ? null : sealer.hash(call.phoneE164());
    }

    /** The event of a registered call; {@code operator} is who registered it at the console, else {@code null}. */
    TicketReceived of(String ticketId, String number, CallNormaliser.NormalisedCall call, String repeatOf,
            String parentIncidentId, Instant now, String operator) {
        CitizenContact contact = call.phoneE164() == null
                ? new CitizenContact(null, null, null, null, call.language(), false)
                : new CitizenContact(sealer.seal(call.phoneE164(), ticketId, ContactSealer.Field.PHONE),
                        sealer.hash(call.phoneE164()), ContactSealer.mask(call.phoneE164()),
                        sealer.seal(call.name(), ticketId, ContactSealer.Field.NAME), call.language(),
                        call.contactAllowed());
        GeoPoint point = call.location() == null ? null
                : new GeoPoint(call.location().lat(), call.location().lon());
        Address address = call.address() == null ? null : gazetteer.locate(call.address())
                .map(place -> new Address(call.address(), place.district(), place.street()))
                .orElse(new Address(call.address(), null, null));
        return new TicketReceived(EventIds.of(ticketId, "TicketReceived", 1), now, ticketId, number,
                call.channel(), call.category(), call.urgency(), call.description(), point, address, contact,
                call.resolvedOnCall(), call.answerGiven(), repeatOf, parentIncidentId, call.suggestion(),
                call.answeredFrom(), operator, call.textAnswer() ? Boolean.TRUE : null);
    }
}
