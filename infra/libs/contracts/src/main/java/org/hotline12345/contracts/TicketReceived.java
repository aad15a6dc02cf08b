package org.hotline12345.contracts;

import java.time.Instant;

/**
 * Intake registered a ticket (受理). Carries no personal data in the clear.
 *
 * @param ticketNumber the human number the citizen reads out on the phone, e.g. {@code 12345-20261128-0042}
 * @param category a category code of the taxonomy
 * @param description the citizen's words, normalised
 * @param location where the problem is, when known
 * @param address the spoken or typed address, when given
 * @param citizen how to reach the citizen
 * @param resolvedOnCall the operator answered it on the spot: it is never dispatched
 * @param answerGiven what the operator answered, when {@code resolvedOnCall}
 * @param repeatOf the open ticket this call repeats, when it is a repeat complaint
 * @param parentIncidentId the earlier ticket about the same incident, when merged
 * @param suggestion how the category was chosen when the caller gave none; {@code null} when the caller gave one
 * @param answeredFrom the knowledge article the answer came from, when the operator answered with one
 * @param operator the operator who registered the call at the console; {@code null} for the other channels and
 *     from producers before it
 * @param textAnswer the caller asked to get {@code answerGiven} by text; only with {@code resolvedOnCall}, and
 *     {@code null} when not asked and from producers before it
 */
public record TicketReceived(String eventId, Instant occurredAt, String ticketId, String ticketNumber,
        Channel channel, String category, Urgency urgency, String description, GeoPoint location, Address address,
        CitizenContact citizen, boolean resolvedOnCall, String answerGiven, String repeatOf,
        String parentIncidentId, CategorySuggestion suggestion, KnowledgeAnswer answeredFrom, String operator,
        Boolean textAnswer) implements IntakeEvent {

    /** A ticket whose caller did not ask for the answer by text. */
    public TicketReceived(String eventId, Instant occurredAt, String ticketId, String ticketNumber, Channel channel,
            String category, Urgency urgency, String description, GeoPoint location, Address address,
            CitizenContact citizen, boolean resolvedOnCall, String answerGiven, String repeatOf,
            String parentIncidentId, CategorySuggestion suggestion, KnowledgeAnswer answeredFrom, String operator) {
        this(eventId, occurredAt, ticketId, ticketNumber, channel, category, urgency, description, location, address,
                citizen, resolvedOnCall, answerGiven, repeatOf, parentIncidentId, suggestion, answeredFrom, operator,
                null);
    }

    /** A ticket that names no operator. */
    public TicketReceived(String eventId, Instant occurredAt, String ticketId, String ticketNumber, Channel channel,
            String category, Urgency urgency, String description, GeoPoint location, Address address,
            CitizenContact citizen, boolean resolvedOnCall, String answerGiven, String repeatOf,
            String parentIncidentId, CategorySuggestion suggestion, KnowledgeAnswer answeredFrom) {
        this(eventId, occurredAt, ticketId, ticketNumber, channel, category, urgency, description, location, address,
                citizen, resolvedOnCall, answerGiven, repeatOf, parentIncidentId, suggestion, answeredFrom, null, null);
    }

    /** A ticket not answered from a knowledge article. */
    public TicketReceived(String eventId, Instant occurredAt, String ticketId, String ticketNumber, Channel channel,
            String category, Urgency urgency, String description, GeoPoint location, Address address,
            CitizenContact citizen, boolean resolvedOnCall, String answerGiven, String repeatOf,
            String parentIncidentId, CategorySuggestion suggestion) {
        this(eventId, occurredAt, ticketId, ticketNumber, channel, category, urgency, description, location, address,
                citizen, resolvedOnCall, answerGiven, repeatOf, parentIncidentId, suggestion, null, null, null);
    }

    /** A ticket whose caller gave its category. */
    public TicketReceived(String eventId, Instant occurredAt, String ticketId, String ticketNumber, Channel channel,
            String category, Urgency urgency, String description, GeoPoint location, Address address,
            CitizenContact citizen, boolean resolvedOnCall, String answerGiven, String repeatOf,
            String parentIncidentId) {
        this(eventId, occurredAt, ticketId, ticketNumber, channel, category, urgency, description, location, address,
                citizen, resolvedOnCall, answerGiven, repeatOf, parentIncidentId, null, null, null, null);
    }

    /** Whether a supervisor must choose the category and unit: the classifier was not sure enough. */
    public boolean needsTriage() {
        return suggestion != null && suggestion.needsTriage();
    }

    /** Whether the citizen is to get the answer given on the call by text: they asked, and there is one. */
    public boolean answerByText() {
        return resolvedOnCall && Boolean.TRUE.equals(textAnswer) && answerGiven != null && !answerGiven.isBlank();
    }
}
