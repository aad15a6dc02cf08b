package org.hotline12345.platform.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hotline12345.contracts.CloudEventAttributes;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes an event keyed by its ticket, with its CloudEvents attributes as headers. The returned Mono completes
 * when the broker has acknowledged the record under the producer's {@code acks=all} and delivery bound, and fails
 * otherwise.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final String source;

    public EventPublisher(KafkaTemplate<String, byte[]> template, String source) {
        this.template = template;
        this.source = source;
    }

    public Mono<Void> publish(OutgoingEvent entry) {
        ProducerRecord<String, byte[]> record = record(entry);
        // send() itself may block up to max.block.ms when the broker is away, so it must not run on an event loop
        return Mono.fromFuture(() -> template.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    ProducerRecord<String, byte[]> record(OutgoingEvent entry) {
        return new ProducerRecord<>(entry.topic(), null, entry.key(), entry.payload().getBytes(StandardCharsets.UTF_8),
                headers(entry));
    }

    private RecordHeaders headers(OutgoingEvent entry) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventAttributes.headers(entry.eventId(), entry.type(), source, entry.occurredAt(), entry.key())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
