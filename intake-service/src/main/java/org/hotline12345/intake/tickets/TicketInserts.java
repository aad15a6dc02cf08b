package org.hotline12345.intake.tickets;

import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline12345.platform.database.Grouped;
import org.hotline12345.platform.database.Grouped.Member;
import org.hotline12345.platform.database.InsertEach;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stores new tickets for every registration waiting at that moment together ({@link Grouped}): one unordered insert
 * of all their tickets, then one bulk write of the incident entries of those stored
 * ({@link TicketLinks#opened(List)}), where each registration alone would make two round trips of its own.
 * <p>
 * Each registration gets its own outcome: its ticket stored, or {@link DuplicateKeyException} when its id was taken
 * (its key's claim lost, as with an insert of its own); a failure of the whole write fails each registration of the
 * group.
 */
@Component
class TicketInserts {

    /** Tickets in one insert at most, well inside a command's 16 MB and 100,000 documents. */
    static final int MOST_PER_GROUP = 500;

    private final ReactiveMongoTemplate mongo;
    private final TicketLinks links;
    private final MongoExceptionTranslator translator = new MongoExceptionTranslator();
    private final Grouped<IntakeTicket, IntakeTicket> groups = new Grouped<>(MOST_PER_GROUP, this::write);

    TicketInserts(ReactiveMongoTemplate mongo, TicketLinks links) {
        this.mongo = mongo;
        this.links = links;
    }

    /** Stores {@code ticket}, with whatever other tickets wait to be stored, and makes it findable by later links. */
    Mono<IntakeTicket> insert(IntakeTicket ticket) {
        return groups.ask(ticket);
    }

    private Mono<Void> write(List<Member<IntakeTicket, IntakeTicket>> group) {
        return Mono.defer(() -> {
            List<Document> documents = new ArrayList<>(group.size());
            for (Member<IntakeTicket, IntakeTicket> each : group) {
                documents.add(documentOf(each.question()));
            }
            return InsertEach.insert(mongo, mongo.getCollectionName(IntakeTicket.class), documents);
        }).onErrorMap(this::translated).flatMap(refused -> opened(group, refused));
    }

    /**
     * Answers the registrations whose tickets were refused at once, and those stored once their incident entries
     * are written: a stored ticket is answered only when later calls can link to it, as before grouping.
     */
    private Mono<Void> opened(List<Member<IntakeTicket, IntakeTicket>> group, Map<Integer, BulkWriteError> refused) {
        RuntimeException[] refusals = new RuntimeException[group.size()];
        refused.forEach((index, error) -> refusals[index] = InsertEach.duplicate(error)
                ? new DuplicateKeyException(error.getMessage())
                : new TicketNotStoredException(error.getMessage()));
        List<Member<IntakeTicket, IntakeTicket>> stored = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            if (refusals[i] == null) {
                stored.add(group.get(i));
            } else {
                group.get(i).fail(refusals[i]);
            }
        }
        return links.opened(stored.stream().map(Member::question).toList())
                .then(Mono.fromRunnable(() -> stored.forEach(each -> each.answer(each.question()))))
                .onErrorMap(this::translated).then();
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

    private Throwable translated(Throwable failed) {
        if (failed instanceof RuntimeException runtime) {
            DataAccessException translated = translator.translateExceptionIfPossible(runtime);
            return translated != null ? translated : runtime;
        }
        return failed;
    }

    /** The database refused one ticket of a group for a reason other than its id being taken. */
    static final class TicketNotStoredException extends DataAccessException {

        TicketNotStoredException(String message) {
            super(message);
        }
    }
}
