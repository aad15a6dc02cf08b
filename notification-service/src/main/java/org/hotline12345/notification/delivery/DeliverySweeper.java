package org.hotline12345.notification.delivery;

import org.hotline12345.platform.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends the pending texts that are due: those that waited out the quiet hours, and those whose last attempt
 * failed (provider down, circuit open) once their back-off has passed. Each is claimed with an atomic lease first,
 * so several notification instances, or a sweep and a consumer, never send the same text at the same time.
 */
@Component
public class DeliverySweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);
    private static final int MAX_PER_PASS = 1_000;

    private final TextDelivery delivery;

    DeliverySweeper(TextDelivery delivery, NotificationProperties settings) {
        super("Delivery sweep (texts attempted)", settings.sweepInterval());
        this.delivery = delivery;
    }

    /** One pass; completes with the number of texts attempted. */
    @Override
    public Mono<Long> runOnce() {
        return delivery.claimNext()
                .flatMap(notification -> delivery.deliver(notification).onErrorResume(e -> {
                    log.warn("Could not deliver {}", notification.getId(), e);
                    return Mono.empty();
                }).thenReturn(1L))
                .defaultIfEmpty(0L)
                .repeat(MAX_PER_PASS - 1)
                .takeWhile(attempted -> attempted > 0)
                .count();
    }
}
