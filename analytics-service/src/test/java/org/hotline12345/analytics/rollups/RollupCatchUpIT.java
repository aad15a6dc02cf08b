package org.hotline12345.analytics.rollups;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.hotline12345.analytics.facts.ChangedDays;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.facts.PendingFacts;
import org.hotline12345.analytics.rollups.RollupStore.PeriodCounts;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.tables.Period;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Analytics catching up on a large body of facts its rollups have not counted, as after tickets were loaded in
 * bulk or after a long stop: however many facts wait and however many days they span, the rollups come out exact
 * and analytics holds only a bounded number of documents at any step. What it holds is told from what its MongoDB
 * client exchanges with the database: documents read are let go by the writes of what was counted of them. The
 * refresh is slowed to once an hour so that only the test counts; each test counts tickets in a year of its own far
 * in the past.
 */
@HubIntegrationTest(database = "analytics-catch-up-it", properties = "hotline.analytics.rollup-interval=1h")
class RollupCatchUpIT {

    /** Rollups read or written at once, whatever the days a pass's facts span. */
    private static final int MOST_ROLLUPS_AT_ONCE = 100;
    /** Facts of a day counted whole held at once, whatever the facts the day holds: a page and what is read ahead. */
    private static final int MOST_FACTS_AT_ONCE = 1_000;

    static final Exchanges exchanges = new Exchanges();

    @Autowired
    FactRecorder facts;
    @Autowired
    PendingFacts pending;
    @Autowired
    ChangedDays changes;
    @Autowired
    RollupRefresh refresh;
    @Autowired
    RollupStore store;

    @Test
    void catchesUpOnFactsSpreadOverAYearReadingAndWritingAFewRollupsAtATime() {
        LocalDate first = LocalDate.of(2019, 1, 1);
        Map<String, Long> receivedByDay = new TreeMap<>();
        List<HotlineEvent> received = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            LocalDate day = first.plusDays(i % 365);
            received.add(TicketEvents.ticket(UUID.randomUUID().toString()).received(at(day).plusSeconds(i)));
            receivedByDay.merge(day.toString(), 1L, Long::sum);
        }
        record(received);

        exchanges.clear();
        refresh.runOnce().block(Duration.ofMinutes(5));

        assertThat(exchanges.mostReadBetweenWrites("rollups")).isPositive()
                .isLessThanOrEqualTo(MOST_ROLLUPS_AT_ONCE);
        assertThat(exchanges.mostWritten("rollups")).isPositive().isLessThanOrEqualTo(MOST_ROLLUPS_AT_ONCE);
        DayRange year = new DayRange(first, LocalDate.of(2019, 12, 31));
        assertThat(received(Period.DAY, year)).isEqualTo(receivedByDay);
        assertThat(received(Period.MONTH, year).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(2_500);
        assertThat(pendingIn("2019-")).isZero();
    }

    @Test
    void countsABusyDayWholeAFewHundredFactsAtATime() {
        LocalDate day = LocalDate.of(2018, 3, 15);
        List<HotlineEvent> received = new ArrayList<>();
        for (int i = 0; i < 2_400; i++) {
            received.add(TicketEvents.ticket(UUID.randomUUID().toString()).received(at(day).plusSeconds(i)));
        }
        record(received);
        // as a recount stopped midway leaves its days: the refresh counts the day again whole from its facts
        changes.mark(day.toString()).block(Duration.ofSeconds(10));

        exchanges.clear();
        refresh.runOnce().block(Duration.ofMinutes(5));

        assertThat(exchanges.mostReadBetweenWrites("facts")).isPositive()
                .isLessThanOrEqualTo(MOST_FACTS_AT_ONCE);
        // each fact counted once: by the whole day, and not again for the change it was pending with
        assertThat(received(Period.DAY, new DayRange(day, day))).isEqualTo(Map.of(day.toString(), 2_400L));
        assertThat(received(Period.MONTH, new DayRange(day.withDayOfMonth(1), day.withDayOfMonth(31))))
                .isEqualTo(Map.of("2018-03", 2_400L));
        assertThat(pendingIn(day.toString())).isZero();
    }

    private void record(List<HotlineEvent> events) {
        for (int from = 0; from < events.size(); from += 500) {
            facts.record(events.subList(from, Math.min(events.size(), from + 500))).block(Duration.ofSeconds(30));
        }
    }

    /** The tickets received in each {@code period} of {@code days}, by the period's key. */
    private Map<String, Long> received(Period period, DayRange days) {
        return store.counts(Dimension.CITY, period, days).block(Duration.ofSeconds(30)).stream()
                .collect(Collectors.toMap(PeriodCounts::period, counts -> counts.get(Counter.RECEIVED),
                        Long::sum, TreeMap::new));
    }

    private long pendingIn(String dayPrefix) {
        return pending.pending(10_000).filter(fact -> fact.now().getString(Fields.RECEIVED_DAY).startsWith(dayPrefix))
                .count().block(Duration.ofSeconds(30));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(8, 0).atZone(City.sample().zone()).toInstant();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class WatchedClient {

        @Bean
        MongoClientSettingsBuilderCustomizer exchangesWatched() {
            return settings -> settings.addCommandListener(exchanges);
        }
    }

    /**
     * By collection, since cleared: the most documents the database returned to analytics without analytics
     * writing to that collection in between (what it read and had not yet let go, at most), and the most documents
     * one write of analytics carried.
     */
    static final class Exchanges implements CommandListener {

        private final Map<String, Integer> readSinceWrite = new HashMap<>();
        private final Map<String, Integer> mostRead = new HashMap<>();
        private final Map<String, Integer> mostWritten = new HashMap<>();

        synchronized void clear() {
            readSinceWrite.clear();
            mostRead.clear();
            mostWritten.clear();
        }

        synchronized int mostReadBetweenWrites(String collection) {
            return mostRead.getOrDefault(collection, 0);
        }

        synchronized int mostWritten(String collection) {
            return mostWritten.getOrDefault(collection, 0);
        }

        @Override
        public synchronized void commandStarted(CommandStartedEvent event) {
            String statements = switch (event.getCommandName()) {
                case "insert" -> "documents";
                case "update" -> "updates";
                case "delete" -> "deletes";
                default -> null;
            };
            BsonDocument command = event.getCommand();
            if (statements != null && command.isArray(statements)) {
                String collection = command.getString(event.getCommandName()).getValue();
                readSinceWrite.put(collection, 0);
                mostWritten.merge(collection, command.getArray(statements).size(), Math::max);
            }
        }

        @Override
        public synchronized void commandSucceeded(CommandSucceededEvent event) {
            BsonDocument reply = event.getResponse();
            if (reply == null || !reply.isDocument("cursor")) {
                return;
            }
            BsonDocument cursor = reply.getDocument("cursor");
            String namespace = cursor.getString("ns").getValue();
            String collection = namespace.substring(namespace.indexOf('.') + 1);
            for (String batch : List.of("firstBatch", "nextBatch")) {
                if (cursor.isArray(batch)) {
                    int read = readSinceWrite.merge(collection, cursor.getArray(batch).size(), Integer::sum);
                    mostRead.merge(collection, read, Math::max);
                }
            }
        }
    }
}
