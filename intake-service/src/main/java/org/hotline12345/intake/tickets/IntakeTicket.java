package org.hotline12345.intake.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.intake.publication.PublicationPolicy;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Intake's record of a ticket: what was registered (contact data sealed), and its current state as routing
 * reports it. Carries its TicketReceived in the outbox until Kafka has acknowledged it.
 */
@Document("tickets")
public class IntakeTicket extends OutboxDocument {

    @Id
    private String id;
    private String ticketNumber;
    private String status;
    private String channel;
    private String category;
    private String urgency;
    private String description;
    private String sealedPhone;
    private String phoneHash;
    private String maskedPhone;
    private String sealedName;
    private String address;
    private Double lat;
    private Double lon;
    private String gridId;
    private String repeatOf;
    private String parentIncidentId;
    private String unitId;
    private String unitName;
    /**
     * The units that support the lead in the current assignment (协办), as routing's last TicketAssigned named them:
     * each may read the ticket's photos while its part stands.
     */
    private List<String> supportingUnitIds = new ArrayList<>();
    private String reply;
    /** Whether the unit let its reply be shown publicly. */
    private boolean replyPublic;
    /** Whether anyone may see this ticket, by the publication policy: reported publicly, with the reporter's consent. */
    private boolean published;
    /** When the handling unit must have resolved it, as routing last set it. */
    private Instant expectedAt;
    private List<Step> timeline = new ArrayList<>();
    /** Lifecycle events already applied, so a redelivered one changes nothing. */
    private List<String> seenEvents = new ArrayList<>();
    private Instant receivedAt;
    private Instant updatedAt;
    /** What identifies the request that registered it under an {@code Idempotency-Key}; null without one. */
    private String requestHash;
    @Version
    private Long version;

    IntakeTicket() {
    }

    /** The ticket {@code event} registers; {@code publicationAgreed} is the reporter's consent to its publication. */
    static IntakeTicket registered(TicketReceived event, boolean publicationAgreed, String requestHash) {
        IntakeTicket ticket = new IntakeTicket();
        ticket.requestHash = requestHash;
        ticket.published = PublicationPolicy.mayPublish(event.channel().name(), publicationAgreed);
        ticket.id = event.ticketId();
        ticket.ticketNumber = event.ticketNumber();
        ticket.status = event.resolvedOnCall() ? "RESOLVED_AT_INTAKE"
                : event.repeatOf() != null || event.parentIncidentId() != null ? "LINKED" : "RECEIVED";
        ticket.channel = event.channel().name();
        ticket.category = event.category();
        ticket.urgency = event.urgency().name();
        ticket.description = event.description();
        ticket.sealedPhone = event.citizen().sealedPhone();
        ticket.phoneHash = event.citizen().phoneHash();
        ticket.maskedPhone = event.citizen().maskedPhone();
        ticket.sealedName = event.citizen().sealedName();
        ticket.address = event.address() == null ? null : event.address().text();
        if (event.location() != null) {
            ticket.lat = event.location().lat();
            ticket.lon = event.location().lon();
        }
        ticket.repeatOf = event.repeatOf();
        ticket.parentIncidentId = event.parentIncidentId();
        ticket.receivedAt = event.occurredAt();
        ticket.updatedAt = event.occurredAt();
        ticket.timeline.add(new Step(ticket.status, event.occurredAt()));
        ticket.stage(event);
        return ticket;
    }

    String getRequestHash() {
        return requestHash;
    }

    TicketReceipt receipt() {
        return new TicketReceipt(id, ticketNumber, status, receivedAt, repeatOf, parentIncidentId);
    }

    /** One step of the ticket's life as the citizen may see it. */
    public record Step(String status, Instant at) {
    }

    public String getId() {
        return id;
    }

    public String getTicketNumber() {
        return ticketNumber;
    }

    public String getStatus() {
        return status;
    }

    public String getChannel() {
        return channel;
    }

    public String getCategory() {
        return category;
    }

    public String getUrgency() {
        return urgency;
    }

    public String getDescription() {
        return description;
    }

    public String getMaskedPhone() {
        return maskedPhone;
    }

    public String getUnitId() {
        return unitId;
    }

    public String getUnitName() {
        return unitName;
    }

    public List<String> getSupportingUnitIds() {
        return supportingUnitIds == null ? List.of() : supportingUnitIds;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getRepeatOf() {
        return repeatOf;
    }

    public String getParentIncidentId() {
        return parentIncidentId;
    }

    public String getPhoneHash() {
        return phoneHash;
    }

    public Double getLat() {
        return lat;
    }

    public Double getLon() {
        return lon;
    }

    public String getAddress() {
        return address;
    }

    public Instant getExpectedAt() {
        return expectedAt;
    }

    public String getReply() {
        return reply;
    }

    public boolean isReplyPublic() {
        return replyPublic;
    }

    public boolean isPublished() {
        return published;
    }

    public List<Step> getTimeline() {
        return timeline;
    }
}
