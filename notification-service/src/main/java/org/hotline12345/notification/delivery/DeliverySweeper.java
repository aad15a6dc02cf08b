package org.hotline12345.notification.delivery;

import org.hotline12345.platform.scheduling.PeriodicTask;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends the pending texts that are due: those that waited out the quiet hours, those whose last attempt failed
 * (provider down, circuit open) once their back-off has passed, and those whose sender died holding them. They are
 * claimed many at a time with an atomic lease first, so several notification instances, or a sweep and a consumer,
 * never send the same text at the same time.
 */
@Component
public class DeliverySweeper extends PeriodicTask {

    /** Texts claimed and sent together: one claim, one read of their contacts and one write of their outcomes. */
    static final int CLAIMED_AT_ONCE = 100;
    private static final int MAX_PER_PASS = 1_000;

    private final TextDelivery delivery;

    DeliverySweeper(TextDelivery delivery, NotificationProperties settings) {
        super("Delivery sweep (texts attempted)", settings.sweepInterval());
        this.delivery = delivery;
    }

    /** One pass; completes with the number of texts claimed, and so attempted unless their lease ran short. */
    @Override
    public Mono<Long> runOnce() {
        return Mono.defer(() -> delivery.sendDue(CLAIMED_AT_ONCE))
                .repeat(MAX_PER_PASS / CLAIMED_AT_ONCE - 1)
                .takeUntil(claimed -> claimed < CLAIMED_AT_ONCE)
                .reduce(0L, (attempted, claimed) -> attempted + claimed);
    }
}
