package org.hotline12345.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends the pending texts that are due: those that waited out the quiet hours, and those whose last attempt
 * failed (provider down, circuit open) once their back-off has passed. Each is claimed with an atomic lease first,
 * so several notification instances never send the same text at the same time.
 */
@Component
public class DeliverySweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_PER_PASS = 1_000;

    private final ReactiveMongoTemplate mongo;
    private final TextDelivery delivery;
    private final Clock clock;

    DeliverySweeper(ReactiveMongoTemplate mongo, TextDelivery delivery, NotificationProperties settings,
            Clock clock) {
        super("Delivery sweep (texts attempted)", settings.sweepInterval());
        this.mongo = mongo;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** One pass; completes with the number of texts attempted. */
    @Override
    public Mono<Long> runOnce() {
        return claimNext()
                .flatMap(notification -> delivery.deliver(notification).onErrorResume(e -> {
                    log.warn("Could not deliver {}", notification.getId(), e);
                    return Mono.empty();
                }).thenReturn(1L))
                .defaultIfEmpty(0L)
                .repeat(MAX_PER_PASS - 1)
                .takeWhile(attempted -> attempted > 0)
                .count();
    }

    private Mono<Notification> claimNext() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status").is("PENDING").and("notBefore").lte(now)
                .and("nextAttemptAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").exists(false), Criteria.where("leaseUntil").is(null),
                        Criteria.where("leaseUntil").lte(now)));
        return mongo.findAndModify(due, new Update().set("leaseUntil", now.plus(LEASE)).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Notification.class);
    }

}
