package org.hotline12345.intake.photos;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.problem.TooManyRequestsException;
import org.hotline12345.platform.security.CurrentCaller;
import org.hotline12345.platform.security.Roles;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Adds and reads tickets' photos for those who may: staff who may read the ticket (operators and supervisors any
 * ticket, a unit or grid worker the tickets its unit handles now, as routing's events last said, and a supporting
 * unit, to read only, the tickets it has a part of) and the citizen
 * who follows it, for the photos meant for them. A ticket nobody may read here is not found, whether or not it
 * exists. Operators add what the caller sent, the handling unit its before and after photos, the citizen their own.
 *
 * <p>Photos are decoded a few at a time on threads of their own ({@code decoders}, with up to {@code queue}
 * waiting): decoding is CPU work that must not hold an event loop, and the bound keeps the memory it takes bounded;
 * beyond it a photo is refused with 429.
 */
@Service
class TicketPhotos implements DisposableBean {

    /** Who added a photo the citizen sent themselves, through the link of their texts. */
    static final String CITIZEN = "citizen";
    /** The kinds the citizen who follows a ticket sees. */
    static final Set<PhotoKind> FOR_CITIZEN = Arrays.stream(PhotoKind.values()).filter(PhotoKind::forCitizen)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(PhotoKind.class)));
    /** Kinds a staff caller sees: every one. */
    static final Set<PhotoKind> FOR_STAFF = EnumSet.allOf(PhotoKind.class);
    private static final Duration RETRY_DECODING = Duration.ofSeconds(5);
    /** The status intake shows from a unit's return until the ticket is dispatched again or given back. */
    private static final String RETURNED = "REJECTED";

    private final ReactiveMongoTemplate mongo;
    private final PhotoStore store;
    private final PhotoImages images;
    private final PhotoSettings settings;
    private final CurrentCaller caller;
    private final Scheduler decoding;

    TicketPhotos(ReactiveMongoTemplate mongo, PhotoStore store, PhotoSettings settings, CurrentCaller caller) {
        this.mongo = mongo;
        this.store = store;
        this.settings = settings;
        this.caller = caller;
        this.images = new PhotoImages(settings);
        this.decoding = Schedulers.newBoundedElastic(settings.decoders(), settings.queue(), "photo-decoding");
    }

    @Override
    public void destroy() {
        decoding.dispose();
    }

    /** The ticket {@code ticketId} when the staff caller may read it; 404 otherwise. */
    Mono<IntakeTicket> readable(String ticketId) {
        return mongo.findById(ticketId, IntakeTicket.class)
                .filterWhen(this::mayRead)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", ticketId)));
    }

    /** The ticket of {@code ticketNumber}, for a citizen whose link the caller has checked. */
    Mono<IntakeTicket> followed(String ticketNumber) {
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber)), IntakeTicket.class)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", "looked up")));
    }

    /** Adds a photo of {@code kind} as staff: operators what the caller sent, the handling unit the others. */
    Mono<PhotoStore.StoredPhoto> addAsStaff(String ticketId, PhotoKind kind, Flux<DataBuffer> sent) {
        return readable(ticketId)
                .filterWhen(ticket -> kind == PhotoKind.CALLER ? has(Roles.OPERATOR) : holds(ticket))
                .switchIfEmpty(Mono.error(() -> new AccessDeniedException(kind == PhotoKind.CALLER
                        ? "only operators attach what the caller sent"
                        : "only the unit handling the ticket adds its " + kind + " photos")))
                .flatMap(ticket -> caller.subject().flatMap(subject -> add(ticket, kind, sent, subject)));
    }

    /** Adds a photo the citizen sends from the follow page, to a ticket whose link the caller has checked. */
    Mono<PhotoStore.StoredPhoto> addAsCitizen(IntakeTicket ticket, Flux<DataBuffer> sent) {
        return add(ticket, PhotoKind.CALLER, sent, CITIZEN);
    }

    /**
     * Refuses a photo before its bytes are read when the ticket has its share of the kind already, then decodes
     * it, stores it and counts again: of two photos raced past the first count, one over the share is taken out.
     */
    private Mono<PhotoStore.StoredPhoto> add(IntakeTicket ticket, PhotoKind kind, Flux<DataBuffer> sent,
            String addedBy) {
        return full(ticket.getId(), kind)
                .then(DataBufferUtils.join(sent, (int) settings.maxSize().toBytes()))
                .onErrorMap(DataBufferLimitException.class, tooLarge -> images.tooLarge())
                .map(TicketPhotos::bytes)
                .flatMap(bytes -> Mono.fromCallable(() -> images.clean(bytes)).subscribeOn(decoding)
                        .onErrorMap(RejectedExecutionException.class, busy -> new TooManyRequestsException(
                                "photos being processed", RETRY_DECODING)))
                .flatMap(cleaned -> store.store(ticket.getId(), kind, cleaned, addedBy))
                .flatMap(stored -> store.count(ticket.getId(), kind).flatMap(count -> count <= settings.perKind()
                        ? Mono.just(stored) : store.delete(stored).then(Mono.error(() -> fullError(kind)))));
    }

    private Mono<Void> full(String ticketId, PhotoKind kind) {
        return store.count(ticketId, kind).flatMap(count -> count < settings.perKind() ? Mono.<Void>empty()
                : Mono.error(fullError(kind)));
    }

    private IllegalTransitionException fullError(PhotoKind kind) {
        return new IllegalTransitionException("ADD_PHOTO", "add a photo", kind + "_PHOTOS_FULL",
                "a ticket has at most " + settings.perKind() + " photos of each kind");
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The ticket's photos a staff caller who may read it sees: all of them. */
    Flux<PhotoStore.StoredPhoto> forStaff(IntakeTicket ticket) {
        return store.photosOf(ticket.getId(), FOR_STAFF);
    }

    /** The ticket's photos meant for the citizen who follows it: their own and the unit's after photos. */
    Flux<PhotoStore.StoredPhoto> forCitizen(IntakeTicket ticket) {
        return store.photosOf(ticket.getId(), FOR_CITIZEN);
    }

    /** One photo of the ticket among {@code kinds}; 404 when it has none of that id among them. */
    Mono<PhotoStore.StoredPhoto> photo(IntakeTicket ticket, String photoId, Set<PhotoKind> kinds) {
        return store.photo(ticket.getId(), photoId, kinds)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Photo", photoId)));
    }

    Mono<PhotoStore.Content> content(String fileId) {
        return store.content(fileId).switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Photo", fileId)));
    }

    private Mono<Boolean> mayRead(IntakeTicket ticket) {
        return has(Roles.OPERATOR).flatMap(operator -> operator ? Mono.just(true) : has(Roles.SUPERVISOR))
                .flatMap(centre -> centre ? Mono.just(true) : caller.unit()
                        .flatMap(unit -> unit.equals(ticket.getUnitId()) ? Mono.just(true) : supports(ticket, unit))
                        .onErrorResume(AccessDeniedException.class, noUnit -> Mono.just(false)));
    }

    /**
     * Whether {@code unit}, a unit user's, supports the lead (协办) in the ticket's current assignment, and its part
     * stands: from a return on, until the centre sends the ticket back to the lead, the part may have been
     * withdrawn, so it reads nothing then.
     */
    private static Mono<Boolean> supports(IntakeTicket ticket, String unit) {
        if (!ticket.getSupportingUnitIds().contains(unit) || RETURNED.equals(ticket.getStatus())) {
            return Mono.just(false);
        }
        return has(Roles.UNIT);
    }

    /** Whether the caller's unit (a grid worker's, the grid's holder) handles the ticket now. */
    private Mono<Boolean> holds(IntakeTicket ticket) {
        return caller.unit().map(unit -> unit.equals(ticket.getUnitId()))
                .onErrorResume(AccessDeniedException.class, noUnit -> Mono.just(false));
    }

    private static Mono<Boolean> has(String role) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .map((Authentication authentication) -> authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role)))
                .defaultIfEmpty(false);
    }
}
