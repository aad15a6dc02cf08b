package org.hotline12345.contracts;

import java.util.List;

/**
 * The topic names of the hub. Each topic has one writer, its owner; the key of every record is the ticket id,
 * so the events of one ticket stay in order on one partition.
 */
public final class Topics {

    /** {@link IntakeEvent}s, written by intake. */
    public static final String INTAKE_TICKETS = "hotline.intake.tickets";

    /** {@link TicketLifecycleEvent}s, written by routing. */
    public static final String ROUTING_TICKETS = "hotline.routing.tickets";

    /** {@link NotificationEvent}s, written by notification. */
    public static final String NOTIFICATION_MESSAGES = "hotline.notification.messages";

    /** {@link FeedbackEvent}s, written by notification. */
    public static final String NOTIFICATION_FEEDBACK = "hotline.notification.feedback";

    /** Every topic of the hub, in the order the data flows. */
    public static final List<String> ALL = List.of(INTAKE_TICKETS, ROUTING_TICKETS, NOTIFICATION_MESSAGES,
            NOTIFICATION_FEEDBACK);

    private Topics() {
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }

    /** The topic a stream's events are published on. */
    public static String topicOf(HotlineEvent event) {
        if (event instanceof IntakeEvent) {
            return INTAKE_TICKETS;
        }
        if (event instanceof TicketLifecycleEvent) {
            return ROUTING_TICKETS;
        }
        if (event instanceof NotificationEvent) {
            return NOTIFICATION_MESSAGES;
        }
        return NOTIFICATION_FEEDBACK;
    }
}
