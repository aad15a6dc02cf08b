package org.hotline12345.analytics.deadlines;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.hotline12345.analytics.AnalyticsProperties;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the {@code hotline.tickets.overdue} gauge: open tickets past their resolve deadline, counted every pass. */
@Component
class OverdueGauge extends PeriodicTask {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();

    OverdueGauge(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry meters,
            AnalyticsProperties settings) {
        super("Overdue count", settings.overdueInterval());
        this.mongo = mongo;
        this.clock = clock;
        Gauge.builder("hotline.tickets.overdue", overdue, AtomicLong::get)
                .description("Tickets assigned, still open and past their resolve deadline").register(meters);
    }

    @Override
    public Mono<Long> runOnce() {
        var now = clock.instant();
        Query pastDeadline = Query.query(Criteria.where(FactUpdates.OPEN_RESOLVE_BY).lt(now));
        pastDeadline.fields().include("assigned", "closed", "resolvedAtIntake", "resolveBy", "resolvedAt",
                "reopenedAt");
        return mongo.find(pastDeadline, Document.class, FactRecorder.COLLECTION)
                .filter(fact -> TimeLimitFigures.isOverdue(fact, now))
                .count()
                .doOnNext(overdue::set)
                // the gauge tells the number; the pass itself acted on nothing worth a log line
                .thenReturn(0L);
    }
}
