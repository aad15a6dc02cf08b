package org.hotline12345.platform.deadletters;

import java.time.Instant;

/**
 * One record a consumer gave up on.
 *
 * @param topic the dead-letter topic it is on, with its {@code partition} and {@code offset}
 * @param originalTopic the topic it came from (a replay sends it to its consumer's retry topic, which the consumer
 *     reads besides this one)
 * @param key its key (the ticket id of a hub event)
 * @param type its CloudEvents type, when it has one
 * @param eventId its CloudEvents id, when it has one
 * @param error why the consumer gave up
 * @param failedAt when it was dead-lettered
 */
public record DeadLetter(String topic, int partition, long offset, String originalTopic, String key, String type,
        String eventId, String error, Instant failedAt) {
}
