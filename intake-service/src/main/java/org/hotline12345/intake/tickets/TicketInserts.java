package org.hotline12345.intake.tickets;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Stores new tickets for every registration waiting at that moment together: one unordered insert of all their
 * tickets, then one bulk write of the incident entries of those stored ({@link TicketLinks#opened(List)}), where each
 * registration alone would make two round trips of its own. One group is written at a time and the next one takes
 * whatever arrived meanwhile, so a lone call waits for nobody and a hundred calls at once cost two writes, not two
 * hundred.
 * <p>
 * Each registration gets its own outcome: its ticket stored, or {@link DuplicateKeyException} when its id was taken
 * (its key's claim lost, as with an insert of its own); a failure of the whole write fails each registration of the
 * group.
 */
@Component
class TicketInserts {

    /** Tickets in one insert at most, well inside a command's 16 MB and 100,000 documents. */
    static final int MOST_PER_GROUP = 500;
    private static final int DUPLICATE_KEY = 11000;

    private final ReactiveMongoTemplate mongo;
    private final TicketLinks links;
    private final MongoExceptionTranslator translator = new MongoExceptionTranslator();
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    TicketInserts(ReactiveMongoTemplate mongo, TicketLinks links) {
        this.mongo = mongo;
        this.links = links;
    }

    /** Stores {@code ticket}, with whatever other tickets wait to be stored, and makes it findable by later links. */
    Mono<IntakeTicket> insert(IntakeTicket ticket) {
        return Mono.create(sink -> {
            waiting.add(new Waiting(ticket, sink));
            writeWhatWaits();
        });
    }

    /**
     * Starts a group's write unless one is under way; whoever finishes a write starts the next, so everything handed
     * over is written: a handover that loses the race for {@code writing} finds its ticket taken by the writer's
     * next poll, or by the check after the writer let go.
     */
    private void writeWhatWaits() {
        while (writing.compareAndSet(false, true)) {
            List<Waiting> group = new ArrayList<>();
            Waiting next;
            while (group.size() < MOST_PER_GROUP && (next = waiting.poll()) != null) {
                group.add(next);
            }
            if (!group.isEmpty()) {
                write(group).doFinally(signal -> {
                    writing.set(false);
                    writeWhatWaits();
                }).subscribe();
                return;
            }
            writing.set(false);
            if (waiting.isEmpty()) {
                return;
            }
        }
    }

    private Mono<Void> write(List<Waiting> group) {
        return Mono.defer(() -> {
            List<Document> documents = new ArrayList<>(group.size());
            for (Waiting each : group) {
                documents.add(documentOf(each.ticket()));
            }
            return mongo.getCollection(mongo.getCollectionName(IntakeTicket.class))
                    .flatMap(collection -> Mono.from(collection.insertMany(documents,
                            new InsertManyOptions().ordered(false))))
                    .then(Mono.fromSupplier(List::<BulkWriteError>of))
                    .onErrorResume(MongoBulkWriteException.class, partly -> Mono.just(partly.getWriteErrors()));
        }).onErrorResume(failed -> {
            RuntimeException translated = translated(failed);
            group.forEach(each -> each.sink().error(translated));
            return Mono.empty();
        }).flatMap(errors -> opened(group, errors));
    }

    /**
     * Answers the registrations whose tickets were refused at once, and those stored once their incident entries
     * are written: a stored ticket is answered only when later calls can link to it, as before grouping.
     */
    private Mono<Void> opened(List<Waiting> group, List<BulkWriteError> errors) {
        RuntimeException[] refusals = new RuntimeException[group.size()];
        for (BulkWriteError error : errors) {
            refusals[error.getIndex()] = error.getCode() == DUPLICATE_KEY
                    ? new DuplicateKeyException(error.getMessage())
                    : new TicketNotStoredException(error.getMessage());
        }
        List<Waiting> stored = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            if (refusals[i] == null) {
                stored.add(group.get(i));
            } else {
                group.get(i).sink().error(refusals[i]);
            }
        }
        return links.opened(stored.stream().map(Waiting::ticket).toList())
                .then(Mono.fromRunnable(() -> stored.forEach(each -> each.sink().success(each.ticket()))))
                .onErrorResume(failed -> {
                    RuntimeException translated = translated(failed);
                    stored.forEach(each -> each.sink().error(translated));
                    return Mono.empty();
                }).then();
    }

    /** The ticket as {@code MongoTemplate#insert} would write it: converted, its version starting at 0. */
    private Document documentOf(IntakeTicket ticket) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(IntakeTicket.class);
        PersistentPropertyAccessor<IntakeTicket> accessor = entity.getPropertyAccessor(ticket);
        accessor.setProperty(entity.getRequiredVersionProperty(), 0L);
        Document document = new Document();
        mongo.getConverter().write(ticket, document);
        return document;
    }

    private RuntimeException translated(Throwable failed) {
        if (failed instanceof RuntimeException runtime) {
            DataAccessException translated = translator.translateExceptionIfPossible(runtime);
            return translated != null ? translated : runtime;
        }
        return new TicketNotStoredException(failed.getMessage());
    }

    private record Waiting(IntakeTicket ticket, MonoSink<IntakeTicket> sink) {
    }

    /** The database refused one ticket of a group for a reason other than its id being taken. */
    static final class TicketNotStoredException extends DataAccessException {

        TicketNotStoredException(String message) {
            super(message);
        }
    }
}
