package org.hotline12345.routing.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.hotline12345.referencedata.UrgencyClass;
import org.hotline12345.routing.assignment.DueSoon;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.city.CityMap;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@code hotline.tickets.due.soon} gauge: the tickets about to breach now (inside their urgency class's
 * warning window, the deadline not yet passed), as the desk lists them, by {@code urgency.class} ({@value #NONE} for
 * tickets under their priority's limits), counted every sweep interval. Each class of the city's folder has its
 * series from the start, at 0 until a ticket of it nears its deadline.
 */
@Component
public class DueSoonGauge extends PeriodicTask {

    /** The tag of tickets whose category has no urgency class. */
    static final String NONE = "NONE";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> byClass = new ConcurrentHashMap<>();

    DueSoonGauge(ReactiveMongoTemplate mongo, CityMap city, Clock clock, MeterRegistry meters,
            WorkflowProperties settings) {
        super("Tickets about to breach", settings.sweepInterval());
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
        city.urgencyClasses().stream().map(UrgencyClass::code).forEach(this::gauge);
        gauge(NONE);
    }

    /** Counts the tickets about to breach by class; completes with 0, for the pass acts on nothing. */
    @Override
    public Mono<Long> runOnce() {
        Instant now = clock.instant();
        Query dueSoon = Query.query(DueSoon.at(now));
        dueSoon.fields().include("urgencyClass").include("status").include("acceptBy").include("resolveBy")
                .include("acceptWarnAt").include("resolveWarnAt");
        return mongo.find(dueSoon, RoutedTicket.class)
                .collect(Collectors.groupingBy(ticket -> ticket.getUrgencyClass() == null ? NONE
                        : ticket.getUrgencyClass(), Collectors.counting()))
                .doOnNext(counts -> {
                    counts.keySet().forEach(this::gauge);
                    byClass.forEach((urgencyClass, count) -> count.set(counts.getOrDefault(urgencyClass, 0L)));
                })
                .thenReturn(0L);
    }

    @Override
    protected boolean reportsEachPass() {
        return false;
    }

    private AtomicLong gauge(String urgencyClass) {
        return byClass.computeIfAbsent(urgencyClass, code -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("hotline.tickets.due.soon", count, AtomicLong::get).tag("urgency.class", code)
                    .description("Tickets inside their urgency class's warning window before a deadline, not yet "
                            + "past it").register(meters);
            return count;
        });
    }
}
