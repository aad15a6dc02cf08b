package org.hotline12345.intake.tickets;

import com.mongodb.bulk.BulkWriteError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline12345.platform.database.Grouped;
import org.hotline12345.platform.database.Grouped.Member;
import org.hotline12345.platform.database.InsertEach;
import org.hotline12345.platform.database.StoredIds;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds what a new ticket is about already: a repeat call (the same number, the same category, within 7 days of
 * the caller's last call about it, the first ticket still open) or the same incident reported by someone else (the
 * same category, within 200 m and 48 hours). Links always point at the original, never at another link.
 *
 * <p>Both checks read a small working set of open originals keyed for them, never the tickets: a caller's entry
 * under its number and category, and each incident in the map cell of its category it lies in. So a check costs
 * one or two look-ups by key however many tickets the city has stored; entries leave when their ticket closes.
 */
@Component
public class TicketLinks {

    static final Duration REPEAT_WINDOW = Duration.ofDays(7);
    static final Duration INCIDENT_WINDOW = Duration.ofHours(48);
    static final double INCIDENT_RADIUS_METRES = 200;
    private static final double METRES_PER_DEGREE = 111_320;
    /** Cells at least as tall and wide as the radius up to 60° of latitude, so the 3 × 3 around a point cover it. */
    private static final double CELL_LAT_DEGREES = 0.0018;
    private static final double CELL_LON_DEGREES = 0.0036;

    /** Registrations in one group at most: their entries in one insert, their nine cells each in one read. */
    private static final int MOST_LOOK_UPS_PER_READ = 200;
    /** A known caller's entry decided again at most this often when racing calls change it under it. */
    private static final int MOST_TRIES = 5;
    /**
     * Longer than a registration holds its claim on the caller's entry before its ticket is stored (the number, the
     * wait for its group and the insert, each bounded by the database's operation timeout): an entry claimed longer
     * ago than this whose ticket is not stored was left by a registration that died, and names nothing.
     */
    static final Duration CLAIM_SETTLES_WITHIN = Duration.ofMinutes(2);

    private final ReactiveMongoTemplate mongo;
    private final Grouped<RepeatCheck, String> repeatChecks = new Grouped<>(MOST_LOOK_UPS_PER_READ,
            this::checkRepeats);
    private final Grouped<IncidentLookUp, String> incidentLookUps = new Grouped<>(MOST_LOOK_UPS_PER_READ,
            this::lookUp);
    private final Grouped<String, Boolean> storedLookUps = new Grouped<>(MOST_LOOK_UPS_PER_READ,
            this::lookUpStored);

    TicketLinks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The open ticket this caller already has about the same thing, if any; otherwise {@code ticketId} becomes the
     * one a later call repeats. Asked with the other registrations waiting at that moment: one insert of all their
     * callers' entries, each landing only where the caller has none, so that a new caller (most calls) costs no
     * round trip of its own; a caller already known is then decided in one write of its own. Two calls racing from
     * one number, in one group or two instances, make one original: the entry's key is unique.
     */
    Mono<String> repeatOf(String phoneHash, String category, String ticketId, Instant now) {
        if (phoneHash == null) {
            return Mono.empty();
        }
        return repeatChecks.ask(new RepeatCheck(phoneHash + "|" + category, ticketId, now))
                // the claim of an earlier attempt at this same registration (it died, or timed out) is no original
                .filter(original -> !original.equals(ticketId));
    }

    private Mono<Void> checkRepeats(List<Member<RepeatCheck, String>> group) {
        List<org.bson.Document> entries = group.stream().map(member -> {
            org.bson.Document entry = new org.bson.Document();
            mongo.getConverter().write(member.question().entry(), entry);
            return entry;
        }).toList();
        return InsertEach.insert(mongo, OpenCaller.COLLECTION, entries).flatMap(refused -> Flux.range(0, group.size())
                .flatMap(index -> {
                    Member<RepeatCheck, String> member = group.get(index);
                    BulkWriteError refusal = refused.get(index);
                    if (refusal == null) {
                        // its entry is new: this ticket is the original later calls repeat
                        member.answer(null);
                        return Mono.empty();
                    }
                    if (!InsertEach.duplicate(refusal)) {
                        member.fail(new IllegalStateException("The caller's entry was not written: "
                                + refusal.getMessage()));
                        return Mono.empty();
                    }
                    return knownCaller(member.question(), MOST_TRIES)
                            .doOnSuccess(member::answer).doOnError(member::fail).onErrorComplete();
                }).then());
    }

    /**
     * A caller with an entry already: within the window the ticket it names is the original (the entry touched and
     * read in one write); past it, this ticket takes its place in one write that only an outlived entry matches, so
     * that of calls racing to replace it one does and the others repeat that one. An entry that went meanwhile (its
     * ticket settled) is created again, and a race lost there is decided again.
     */
    private Mono<String> knownCaller(RepeatCheck check, int triesLeft) {
        String key = check.key();
        String ticketId = check.ticketId();
        Instant now = check.now();
        Instant cutoff = now.minus(REPEAT_WINDOW);
        Mono<String> current = mongo.findAndModify(Query.query(Criteria.where("_id").is(key).and("lastAt")
                .gte(cutoff)), touched(now), OpenCaller.class).flatMap(entry -> names(entry, now)
                .flatMap(stored -> stored ? Mono.just(entry.ticketId()) : takeOver(entry, check)));
        Mono<String> replaced = mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("lastAt")
                .lt(cutoff)), claimed(check), OpenCaller.class)
                .filter(result -> result.getModifiedCount() > 0).map(result -> ticketId);
        Mono<String> created = mongo.insert(check.entry()).map(OpenCaller::ticketId);
        return current.switchIfEmpty(replaced).switchIfEmpty(created)
                .onErrorResume(DuplicateKeyException.class, raced -> triesLeft > 1
                        ? knownCaller(check, triesLeft - 1)
                        // not the ticket's own key taken, which the registration answers from the stored ticket
                        : Mono.error(new DependencyUnavailableException("The caller's calls kept racing; the call "
                                + "was not registered and may be sent again", raced)));
    }

    /**
     * Whether {@code entry} names a ticket: one claimed lately may still be on its way to the store; one claimed
     * earlier is looked up, with the other look-ups waiting at that moment, since a registration that died between
     * its claim and its insert left it naming nothing (a call linked to it would be worked by no one).
     */
    private Mono<Boolean> names(OpenCaller entry, Instant now) {
        if (entry.claimedAt() != null && entry.claimedAt().isAfter(now.minus(CLAIM_SETTLES_WITHIN))) {
            return Mono.just(true);
        }
        return storedLookUps.ask(entry.ticketId());
    }

    /** Which of the tickets a group asks about are stored: one read of their ids. */
    private Mono<Void> lookUpStored(List<Member<String, Boolean>> group) {
        return StoredIds.among(mongo, mongo.getCollectionName(IntakeTicket.class),
                        group.stream().map(Member::question).toList())
                .doOnNext(found -> group.forEach(member -> member.answer(found.contains(member.question()))))
                .then();
    }

    /**
     * This ticket takes the place of the one {@code entry} named and was never stored, in one write that only the
     * entry as read matches; a call that changed it first makes this one decide again.
     */
    private Mono<String> takeOver(OpenCaller entry, RepeatCheck check) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id()).and("ticketId")
                        .is(entry.ticketId())), claimed(check), OpenCaller.class)
                .flatMap(result -> result.getModifiedCount() > 0 ? Mono.just(check.ticketId())
                        : Mono.error(new DuplicateKeyException("The caller's entry changed while it was taken over")));
    }

    private static Update touched(Instant now) {
        return new Update().set("lastAt", now).set("expiresAt", now.plus(REPEAT_WINDOW));
    }

    /** The caller's entry naming {@code check}'s ticket as the original. */
    private static Update claimed(RepeatCheck check) {
        return touched(check.now()).set("ticketId", check.ticketId()).set("claimedAt", check.now());
    }

    /**
     * Takes back the claim of a registration that did not store its ticket, if the caller's entry still names it,
     * so that the caller's next call is an original again rather than a repeat of nothing.
     */
    Mono<Void> forget(String phoneHash, String category, String ticketId) {
        if (phoneHash == null) {
            return Mono.empty();
        }
        return mongo.remove(Query.query(Criteria.where("_id").is(phoneHash + "|" + category).and("ticketId")
                .is(ticketId)), OpenCaller.class).then();
    }

    /** One registration's repeat check. */
    private record RepeatCheck(String key, String ticketId, Instant now) {

        /** The caller's entry naming this ticket, as written when the caller has none. */
        OpenCaller entry() {
            return new OpenCaller(key, ticketId, now, now.plus(REPEAT_WINDOW), now);
        }
    }

    /**
     * The open ticket a call from this number about this category would repeat, claiming nothing: what the operator
     * is warned of before saving. The registration decides again, in one write, when the call is saved.
     */
    Mono<String> wouldRepeat(String phoneHash, String category, Instant now) {
        if (phoneHash == null) {
            return Mono.empty();
        }
        return mongo.findOne(Query.query(Criteria.where("_id").is(phoneHash + "|" + category).and("lastAt")
                .gte(now.minus(REPEAT_WINDOW))), OpenCaller.class).map(OpenCaller::ticketId);
    }

    /**
     * The first open ticket another caller made about an incident of this category this close, if any: read with
     * the look-ups of the other registrations waiting at that moment, one read of all their cells.
     */
    Mono<String> sameIncident(String phoneHash, String category, CallRequest.Location at, Instant now) {
        if (at == null) {
            return Mono.empty();
        }
        return incidentLookUps.ask(new IncidentLookUp(phoneHash, category, at.lat(), at.lon(), now));
    }

    private Mono<Void> lookUp(List<Member<IncidentLookUp, String>> group) {
        Set<String> cells = new LinkedHashSet<>();
        Instant earliestSince = null;
        for (Member<IncidentLookUp, String> member : group) {
            IncidentLookUp lookUp = member.question();
            cells.addAll(cellsAround(lookUp.category(), lookUp.lat(), lookUp.lon()));
            earliestSince = earliestSince == null || lookUp.since().isBefore(earliestSince) ? lookUp.since()
                    : earliestSince;
        }
        // prune by the earliest window of the group, so that no look-up loses a report still inside its own
        Instant pruneBefore = earliestSince;
        return mongo.find(Query.query(Criteria.where("_id").in(cells)), IncidentCell.class)
                .flatMap(cell -> pruned(cell, pruneBefore))
                .collectMap(IncidentCell::id)
                .doOnNext(found -> group.forEach(member -> member.answer(firstReport(member.question(), found))))
                .then();
    }

    /** The earliest report of another caller within the radius and window of {@code lookUp}, by ticket id. */
    private static String firstReport(IncidentLookUp lookUp, Map<String, IncidentCell> cells) {
        Report first = null;
        for (String id : cellsAround(lookUp.category(), lookUp.lat(), lookUp.lon())) {
            IncidentCell cell = cells.get(id);
            if (cell == null) {
                continue;
            }
            for (Report report : cell.reports()) {
                if (!report.at().isBefore(lookUp.since())
                        && (lookUp.phoneHash() == null || !lookUp.phoneHash().equals(report.phoneHash()))
                        && metres(lookUp.lat(), lookUp.lon(), report.lat(), report.lon()) <= INCIDENT_RADIUS_METRES
                        && (first == null || report.at().isBefore(first.at()))) {
                    first = report;
                }
            }
        }
        return first == null ? null : first.ticketId();
    }

    /** One registration's same-incident look-up. */
    private record IncidentLookUp(String phoneHash, String category, double lat, double lon, Instant now) {

        Instant since() {
            return now.minus(INCIDENT_WINDOW);
        }
    }

    /**
     * Makes stored tickets findable by later checks, those that are originals with a place: one bulk write, one
     * update per map cell.
     */
    Mono<Void> opened(List<IntakeTicket> tickets) {
        Map<String, List<Report>> byCell = new LinkedHashMap<>();
        for (IntakeTicket ticket : tickets) {
            if (ticket.getRepeatOf() == null && ticket.getParentIncidentId() == null && ticket.getLat() != null
                    && "RECEIVED".equals(ticket.getStatus())) {
                byCell.computeIfAbsent(cellOf(ticket.getCategory(), ticket.getLat(), ticket.getLon()),
                        cell -> new ArrayList<>()).add(new Report(ticket.getId(), ticket.getLat(), ticket.getLon(),
                        ticket.getPhoneHash(), ticket.getReceivedAt()));
            }
        }
        if (byCell.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, IncidentCell.class);
        byCell.forEach((cell, reports) -> bulk.upsert(Query.query(Criteria.where("_id").is(cell)),
                new Update().push("reports").each(reports.toArray())));
        return bulk.execute().then();
    }

    /** Takes a ticket that closed, or was withdrawn, out of the working set so that nothing links to it any more. */
    public Mono<Void> settled(String ticketId) {
        return mongo.findById(ticketId, IntakeTicket.class).flatMap(this::settled);
    }

    Mono<Void> settled(IntakeTicket ticket) {
        Mono<Void> caller = forget(ticket.getPhoneHash(), ticket.getCategory(), ticket.getId());
        Mono<Void> incident = ticket.getLat() == null ? Mono.empty()
                : mongo.updateFirst(Query.query(Criteria.where("_id").is(cellOf(ticket.getCategory(),
                                ticket.getLat(), ticket.getLon()))),
                        new Update().pull("reports", Query.query(Criteria.where("ticketId").is(ticket.getId()))),
                        IncidentCell.class).then();
        return caller.then(incident);
    }

    /** Drops the reports of a cell that are older than the window, so no cell grows with history. */
    private Mono<IncidentCell> pruned(IncidentCell cell, Instant since) {
        if (cell.reports().stream().noneMatch(report -> report.at().isBefore(since))) {
            return Mono.just(cell);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(cell.id())),
                        new Update().pull("reports", Query.query(Criteria.where("at").lt(since))), IncidentCell.class)
                .thenReturn(cell);
    }

    static String cellOf(String category, double lat, double lon) {
        return cell(category, (long) Math.floor(lat / CELL_LAT_DEGREES), (long) Math.floor(lon / CELL_LON_DEGREES));
    }

    static List<String> cellsAround(String category, double lat, double lon) {
        long row = (long) Math.floor(lat / CELL_LAT_DEGREES);
        long column = (long) Math.floor(lon / CELL_LON_DEGREES);
        List<String> cells = new ArrayList<>(9);
        for (long r = row - 1; r <= row + 1; r++) {
            for (long c = column - 1; c <= column + 1; c++) {
                cells.add(cell(category, r, c));
            }
        }
        return cells;
    }

    private static String cell(String category, long row, long column) {
        return category + "|" + row + "|" + column;
    }

    /** Great-circle distance (haversine) in metres. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }

    /**
     * A caller's open original about one category: key {@code phoneHash|category}; {@code claimedAt}, when the
     * ticket it names became the original (absent on entries written before it was kept).
     */
    @Document(OpenCaller.COLLECTION)
    record OpenCaller(@Id String id, String ticketId, Instant lastAt, Instant expiresAt, Instant claimedAt) {
        static final String COLLECTION = "open_callers";
    }

    /** The open originals of one category in one map cell: key {@code category|row|column}. */
    @Document(IncidentCell.COLLECTION)
    record IncidentCell(@Id String id, List<Report> reports) {
        static final String COLLECTION = "open_incidents";

        IncidentCell {
            reports = reports == null ? List.of() : reports;
        }
    }

    record Report(String ticketId, double lat, double lon, String phoneHash, Instant at) {
    }
}
