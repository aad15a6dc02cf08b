package org.hotline12345.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.platform.indexes.CollectionIndexes;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.hotline12345.platform.outbox.OutboxTypes;
import java.util.List;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A small service built on the platform, the way the hub's services are. */
@SpringBootApplication
class PlatformTestApplication {

    @Bean
    OutboxTypes outboxTypes() {
        return OutboxTypes.of(Parcel.class);
    }

    @Bean
    CollectionIndexes parcelIndexes() {
        return CollectionIndexes.of("parcels", new Index().on("state", Sort.Direction.ASC).named("state"));
    }

    @Bean
    CollectionIndexes receiptIndexes() {
        return CollectionIndexes.of("receipts",
                new Index().on("createdAt", Sort.Direction.ASC).expire(Duration.ofHours(1)).named("created_at_ttl"));
    }

    /** A later version of the service that redefines an index under the same name. */
    @Bean
    @Profile("redefined-index")
    CollectionIndexes redefinedParcelIndexes() {
        return CollectionIndexes.of("parcels", new Index().on("state", Sort.Direction.ASC).on("id", Sort.Direction.ASC)
                .named("state"));
    }

    @Document("parcels")
    static class Parcel extends OutboxDocument {
        @Id
        String id;
        String state;

        Parcel() {
        }

        Parcel(String id, String state) {
            this.id = id;
            this.state = state;
        }

        static Parcel accepted(String id) {
            Parcel parcel = new Parcel(id, "ACCEPTED");
            parcel.stage(new TicketAccepted(EventIds.of(id, "TicketAccepted", 1), Instant.now(), id, "URBAN_MGMT",
                    true));
            return parcel;
        }
    }

    record Note(@NotBlank @Size(max = 20) String text, @Pattern(regexp = "[A-Z_]+") String category) {
    }

    @RestController
    static class ProbeController {

        @PostMapping("/notes")
        @ResponseStatus(HttpStatus.CREATED)
        @PreAuthorize("hasRole('OPERATOR')")
        Mono<Note> create(@Valid @RequestBody Note note) {
            return Mono.just(note);
        }

        @GetMapping("/notes/{id}")
        @PreAuthorize("isAuthenticated()")
        Mono<Note> read(@PathVariable String id) {
            return Mono.error(new ResourceNotFoundException("Note", id));
        }

        @PostMapping("/notes/{id}/close")
        @PreAuthorize("isAuthenticated()")
        Mono<Note> close(@PathVariable String id) {
            return Mono.error(new IllegalTransitionException("CLOSE", "close", "CLOSED",
                    "only an open note can be closed"));
        }

        /** Refuses what only the domain can see, as a service's own checks do. */
        @PostMapping("/notes/{id}/send")
        @PreAuthorize("isAuthenticated()")
        Mono<Note> send(@PathVariable String id) {
            return Mono.error(InvalidRequestException.of(List.of(
                    new FieldError("callerPhone", "phone", "is not a possible mainland China phone number"),
                    new FieldError("location", "location-required", "give a location or an address"))));
        }

        @PostMapping("/notes/{id}/archive")
        @PreAuthorize("isAuthenticated()")
        Mono<Note> archive(@PathVariable String id) {
            return Mono.error(new InvalidRequestException("shelf", "is full"));
        }

        /** An upload's bytes, counted: its path takes bodies up to the uploads' bound, not the other bodies'. */
        @PostMapping("/uploads")
        @PreAuthorize("isAuthenticated()")
        Mono<Long> upload(@RequestBody Flux<DataBuffer> body) {
            return body.map(buffer -> {
                long bytes = buffer.readableByteCount();
                DataBufferUtils.release(buffer);
                return bytes;
            }).reduce(0L, Long::sum);
        }

        @GetMapping("/public/ping")
        Mono<String> ping() {
            return Mono.just("pong");
        }
    }
}
