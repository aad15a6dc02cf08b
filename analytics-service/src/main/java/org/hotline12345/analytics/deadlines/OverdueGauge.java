package org.hotline12345.analytics.deadlines;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline12345.analytics.AnalyticsProperties;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.Facts;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@code hotline.tickets.overdue} gauge: the tickets overdue now as {@link Fact#overdueAt} (and routing's
 * lists) count them, past the accept deadline they were not signed for by or the resolve deadline they are worked
 * to, counted every pass.
 */
@Component
class OverdueGauge extends PeriodicTask {

    private final Facts facts;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();

    OverdueGauge(Facts facts, Clock clock, MeterRegistry meters, AnalyticsProperties settings) {
        super("Overdue count", settings.overdueInterval());
        this.facts = facts;
        this.clock = clock;
        Gauge.builder("hotline.tickets.overdue", overdue, AtomicLong::get)
                .description("Tickets whose unit is past its deadline to sign for or to resolve them").register(meters);
    }

    @Override
    public Mono<Long> runOnce() {
        var now = clock.instant();
        return facts.openPastDeadline(now, Fields.ASSIGNED, Fields.CLOSED, Fields.RESOLVED_AT_INTAKE,
                        Fields.ACCEPT_BY, Fields.ACCEPTED_AT, Fields.RETURNED_AT, Fields.RESOLVE_BY,
                        Fields.RESOLVED_AT, Fields.REOPENED_AT)
                .filter(fact -> fact.overdueAt(now))
                .count()
                .doOnNext(overdue::set)
                // the gauge tells the number; the pass itself acted on nothing worth a log line
                .thenReturn(0L);
    }
}
