package org.hotline12345.loadtest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.Unit;

/**
 * Adds a year of a city's tickets to every service's database, fast, in exactly the shape the services store: one
 * real call is registered through the API first, and once every service has stored its documents for it, those
 * documents are the templates each historical ticket is cloned from, with its own id, number, day, category, place,
 * unit and state. Tickets older than 30 days are closed; of the last 30 days' some are still assigned, accepted or
 * awaiting the citizen's rating, with deadlines ahead. Ticket numbers come from intake's own day counters, and every
 * day touched is marked for analytics to count again.
 */
final class Preload {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Preload.class);

    static final ZoneId CITY_ZONE = City.sample().zone();
    private static final int BATCH = 1_000;
    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoClient mongo;
    private final SplittableRandom random = new SplittableRandom(12345);
    private final List<Grid> grids;
    private final List<Unit> units;
    private final List<String> categories;

    Preload(MongoClient mongo) {
        this.mongo = mongo;
        City city = City.sample();
        this.grids = city.grids();
        this.units = city.units();
        this.categories = city.complaintCorpus().stream().map(c -> c.category()).distinct().toList();
    }

    /** The stored documents of one ticket that every service has handled: the templates. */
    record Templates(Document intake, Document routing, List<Document> notifications, Document contact,
            Document fact) {
    }

    /** The documents of a ticket every service has handled and routing assigned, if the store has one already. */
    Optional<Templates> existing() {
        for (Document assigned : mongo.getDatabase("routing").getCollection("tickets")
                .find(Filters.eq("status", "ASSIGNED")).limit(20)) {
            Optional<Templates> found = complete(assigned.getString("_id"));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Waits until every service has stored the ticket {@code ticketId} and routing assigned it. */
    Optional<Templates> templatesOf(String ticketId, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            Optional<Templates> found = complete(ticketId);
            if (found.isPresent()) {
                return found;
            }
            OpenLoop.pause(Duration.ofMillis(200));
        }
        return Optional.empty();
    }

    private Optional<Templates> complete(String ticketId) {
        Document intake = one("intake", "tickets", ticketId);
        Document routing = one("routing", "tickets", ticketId);
        Document contact = one("notification", "contacts", ticketId);
        Document fact = one("analytics", "facts", ticketId);
        List<Document> notifications = mongo.getDatabase("notification").getCollection("notifications")
                .find(Filters.eq("ticketId", ticketId)).into(new ArrayList<>());
        if (intake != null && routing != null && "ASSIGNED".equals(routing.getString("status")) && contact != null
                && fact != null && fact.containsKey("assignedAt") && notifications.size() >= 2) {
            return Optional.of(new Templates(intake, routing, notifications, contact, fact));
        }
        return Optional.empty();
    }

    /** Adds {@code count} tickets over the year before today; completes when all are stored. */
    void load(Templates templates, int count, Instant now) {
        Instant startOfToday = LocalDate.ofInstant(now, CITY_ZONE).atStartOfDay(CITY_ZONE).toInstant();
        long yearSeconds = Duration.ofDays(365).toSeconds();
        int done = 0;
        while (done < count) {
            int size = Math.min(BATCH, count - done);
            List<Ticket> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Instant receivedAt = startOfToday.minusSeconds(1 + random.nextLong(yearSeconds));
                batch.add(ticket(receivedAt, now));
            }
            number(batch);
            // routing last: once a ticket is there its deadline sweeps may act on it, and the others must know it
            insert("intake", "tickets", batch, t -> intakeDocument(templates.intake(), t));
            insert("analytics", "facts", batch, t -> factDocument(templates.fact(), t));
            insert("notification", "contacts", batch, t -> contactDocument(templates.contact(), t));
            insertAll("notification", "notifications", batch, t -> templates.notifications().stream()
                    .map(n -> notificationDocument(n, t)).toList());
            insert("routing", "tickets", batch, t -> routingDocument(templates.routing(), t));
            markDays(batch);
            done += size;
            if (done % 50_000 == 0 || done == count) {
                log.info("preloaded {} of {} tickets", done, count);
            }
        }
    }

    /** One historical ticket: when, what, where, who handles it and how far it got. */
    private record Ticket(String id, Instant receivedAt, String category, Grid grid, double lat, double lon,
            Unit unit, String status, Instant acceptBy, Instant resolveBy, Holder<String> number) {

        /** When the unit signed for it, or null while it is only assigned. */
        Instant acceptedAt() {
            return "ASSIGNED".equals(status) ? null : receivedAt.plus(Duration.ofHours(2));
        }

        /** When the unit resolved it, or null while it is open. */
        Instant resolvedAt() {
            return "RESOLVED".equals(status) || "CLOSED".equals(status) ? receivedAt.plus(Duration.ofDays(2)) : null;
        }

        /** When it closed, or null. */
        Instant closedAt() {
            return "CLOSED".equals(status) ? receivedAt.plus(Duration.ofDays(3)) : null;
        }
    }

    private static final class Holder<T> {
        T value;
    }

    private Ticket ticket(Instant receivedAt, Instant now) {
        Grid grid = grids.get(random.nextInt(grids.size()));
        double[] corner = grid.ring().get(0);
        double[] opposite = grid.ring().get(grid.ring().size() / 2);
        double lon = corner[0] + (opposite[0] - corner[0]) * (0.25 + random.nextDouble() / 2);
        double lat = corner[1] + (opposite[1] - corner[1]) * (0.25 + random.nextDouble() / 2);
        boolean recent = Duration.between(receivedAt, now).toDays() < 30;
        double fate = random.nextDouble();
        String status = !recent || fate >= 0.4 ? "CLOSED" : fate < 0.1 ? "ASSIGNED" : fate < 0.3 ? "ACCEPTED"
                : "RESOLVED";
        // open tickets keep deadlines ahead, so the run measures the load, not a backlog of escalations
        Instant acceptBy = "CLOSED".equals(status) ? receivedAt.plus(Duration.ofHours(24))
                : now.plus(Duration.ofHours(3 + random.nextInt(48)));
        Instant resolveBy = "CLOSED".equals(status) ? receivedAt.plus(Duration.ofDays(5))
                : now.plus(Duration.ofDays(1 + random.nextInt(10)));
        return new Ticket(UUID.randomUUID().toString(), receivedAt, categories.get(random.nextInt(categories
                .size())), grid, lat, lon, units.get(random.nextInt(units.size())), status, acceptBy, resolveBy,
                new Holder<>());
    }

    /** Numbers from intake's own counter of each day, so later numbers of those days never collide. */
    private void number(List<Ticket> batch) {
        Map<String, List<Ticket>> byDay = new HashMap<>();
        batch.forEach(t -> byDay.computeIfAbsent(LocalDate.ofInstant(t.receivedAt(), CITY_ZONE).format(NUMBER_DAY),
                ignored -> new ArrayList<>()).add(t));
        MongoCollection<Document> counters = mongo.getDatabase("intake").getCollection("ticket_numbers");
        byDay.forEach((day, tickets) -> {
            Document counter = counters.findOneAndUpdate(Filters.eq("_id", day), Updates.inc("seq", tickets.size()),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long last = ((Number) counter.get("seq")).longValue();
            for (int i = 0; i < tickets.size(); i++) {
                tickets.get(i).number().value = "12345-%s-%04d".formatted(day, last - tickets.size() + 1 + i);
            }
        });
    }

    /** A clone of {@code template} with what every service keeps of the ticket: id, number, category, place. */
    private static Document cloneFor(Document template, Ticket t) {
        Document d = clone(template);
        d.put("_id", t.id());
        d.put("ticketNumber", t.number().value);
        d.put("category", t.category());
        d.put("lat", t.lat());
        d.put("lon", t.lon());
        // a sealed number opens only for the ticket it was sealed for: history keeps no caller to text or call back
        d.remove("sealedPhone");
        d.remove("sealedName");
        d.remove("caller");
        return d;
    }

    /** Sets each of the ticket's milestones it has reached. */
    private static void milestones(Document d, Ticket t) {
        putIfReached(d, "acceptedAt", t.acceptedAt());
        putIfReached(d, "resolvedAt", t.resolvedAt());
        putIfReached(d, "closedAt", t.closedAt());
    }

    private static void putIfReached(Document d, String field, Instant at) {
        if (at != null) {
            d.put(field, date(at));
        }
    }

    private Document intakeDocument(Document template, Ticket t) {
        Document d = cloneFor(template, t);
        d.put("status", t.status());
        d.put("phoneHash", hex());
        d.put("unitId", t.unit().id());
        d.put("unitName", t.unit().zh());
        d.put("expectedAt", date(t.resolveBy()));
        d.put("receivedAt", date(t.receivedAt()));
        d.put("updatedAt", date(t.receivedAt()));
        d.put("timeline", List.of(new Document("status", t.status()).append("at", date(t.receivedAt()))));
        d.put("seenEvents", List.of());
        return withoutOutbox(d);
    }

    private Document routingDocument(Document template, Ticket t) {
        Document d = cloneFor(template, t);
        d.put("status", t.status());
        d.put("gridId", t.grid().id());
        d.put("district", t.grid().district());
        d.put("streetOffice", t.grid().streetOffice());
        d.put("unitId", t.unit().id());
        d.put("receivedAt", date(t.receivedAt()));
        d.put("assignedAt", date(t.receivedAt()));
        d.put("acceptBy", date(t.acceptBy()));
        d.put("resolveBy", date(t.resolveBy()));
        d.put("acceptRemindAt", date(t.acceptBy().minus(Duration.ofHours(1))));
        d.put("resolveRemindAt", date(t.resolveBy().minus(Duration.ofHours(12))));
        milestones(d, t);
        if (t.resolvedAt() != null) {
            d.put("result", "SOLVED");
            d.put("reply", "已处理完毕");
        }
        if ("RESOLVED".equals(t.status())) {
            d.put("feedbackDueAt", date(t.resolveBy()));
        }
        return withoutOutbox(d);
    }

    private Document contactDocument(Document template, Ticket t) {
        Document d = clone(template);
        d.put("_id", t.id());
        d.put("ticketNumber", t.number().value);
        d.put("phoneHash", hex());
        d.remove("sealedPhone");
        d.put("receivedAt", date(t.receivedAt()));
        d.put("awaitingFeedbackSince", "RESOLVED".equals(t.status()) ? date(t.resolvedAt()) : null);
        return d;
    }

    private Document notificationDocument(Document template, Ticket t) {
        Document d = clone(template);
        d.put("_id", t.id() + ":" + d.getString("triggerEventId"));
        d.put("ticketId", t.id());
        d.put("status", "SENT");
        d.put("createdAt", date(t.receivedAt()));
        d.put("notBefore", date(t.receivedAt()));
        d.put("sentAt", date(t.receivedAt()));
        d.remove("leaseUntil");
        d.remove("nextAttemptAt");
        return withoutOutbox(d);
    }

    private Document factDocument(Document template, Ticket t) {
        Document d = cloneFor(template, t);
        LocalDate date = LocalDate.ofInstant(t.receivedAt(), CITY_ZONE);
        String day = date.toString();
        d.put("receivedAt", date(t.receivedAt()));
        d.put("receivedDay", day);
        d.put("receivedWeek", "%d-W%02d".formatted(date.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                date.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        d.put("receivedMonth", day.substring(0, 7));
        d.put("receivedHour", String.format("%02d", t.receivedAt().atZone(CITY_ZONE).getHour()));
        d.put("placedGridId", t.grid().id());
        d.put("gridId", t.grid().id());
        d.put("district", t.grid().district());
        d.put("unitId", t.unit().id());
        d.put("assignedUnits", List.of(t.unit().id()));
        d.put("assignedAt", date(t.receivedAt()));
        d.put("acceptBy", date(t.acceptBy()));
        d.put("resolveBy", date(t.resolveBy()));
        d.put("eventIds", List.of());
        d.remove("linkedTo");
        // what the rollups have counted of this fact: nothing yet, whatever the copied ticket's fact said; its day is
        // marked to be counted whole (markDays), which records each fact as counted
        d.put("pending", true);
        d.put("counted", new Document());
        d.put("version", 1);
        d.remove("openAcceptBy");
        milestones(d, t);
        if (t.acceptedAt() != null) {
            d.put("acceptedOnTime", random.nextDouble() < 0.92);
        }
        if (t.resolvedAt() != null) {
            d.put("resolvedOnTime", random.nextDouble() < 0.85);
            d.put("result", "SOLVED");
        }
        if (t.closedAt() != null) {
            d.put("closed", true);
            d.remove("openResolveBy");
            if (random.nextDouble() < 0.7) {
                d.put("rated", true);
                d.put("solved", random.nextDouble() < 0.8);
                d.put("satisfied", random.nextDouble() < 0.88);
                d.put("satisfaction", "SATISFIED");
            }
        } else {
            d.put("openResolveBy", date(t.resolveBy()));
            if (t.acceptedAt() == null) {
                d.put("openAcceptBy", date(t.acceptBy()));
            }
        }
        return d;
    }

    private void markDays(List<Ticket> batch) {
        // the days analytics counts again whole from their facts (its ChangedDays)
        MongoCollection<Document> changed = mongo.getDatabase("analytics").getCollection("rollup_changes");
        batch.stream().map(t -> LocalDate.ofInstant(t.receivedAt(), CITY_ZONE).toString()).distinct()
                .forEach(day -> changed.updateOne(Filters.eq("_id", day), Updates.inc("version", 1),
                        new UpdateOptions().upsert(true)));
    }

    private void insert(String database, String collection, List<Ticket> batch,
            java.util.function.Function<Ticket, Document> document) {
        insertAll(database, collection, batch, t -> List.of(document.apply(t)));
    }

    private void insertAll(String database, String collection, List<Ticket> batch,
            java.util.function.Function<Ticket, List<Document>> documents) {
        List<Document> all = new ArrayList<>();
        batch.forEach(t -> all.addAll(documents.apply(t)));
        MongoDatabase db = mongo.getDatabase(database);
        db.getCollection(collection).insertMany(all, new InsertManyOptions().ordered(false));
    }

    private Document one(String database, String collection, String id) {
        return mongo.getDatabase(database).getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    private static Document clone(Document template) {
        return Document.parse(template.toJson());
    }

    private static Document withoutOutbox(Document d) {
        d.put("outbox", List.of());
        d.remove("outboxSince");
        d.remove("outboxLease");
        return d;
    }

    private String hex() {
        Supplier<String> part = () -> Long.toHexString(random.nextLong());
        return part.get() + part.get() + part.get() + part.get();
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
